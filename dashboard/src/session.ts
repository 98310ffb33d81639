import { api } from './api.js';

export type Role = 'admin' | 'analyst' | 'pimpinan';

export interface Session {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
  /** The role must use two-factor login and the account has none yet: enrolment comes first. */
  mustEnrolTwoFactor: boolean;
}

let current: Session | null = null;

export function session(): Session | null {
  return current;
}

export function setSession(value: Session | null): void {
  current = value;
}

/** The signed-in account, or null without a session (401). */
export async function loadSession(): Promise<Session | null> {
  try {
    current = await api.get<Session>('/api/auth/me');
  } catch {
    current = null;
  }
  return current;
}

export function can(...roles: Role[]): boolean {
  return current !== null && roles.includes(current.role);
}

/** Analysts and admins change data; the pimpinan reads and decides on briefs. */
export const canEdit = () => can('analyst', 'admin');
export const isAdmin = () => can('admin');
