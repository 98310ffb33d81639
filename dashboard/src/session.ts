import { api } from './api.js';
import { locale, setLocale, type Locale } from './i18n.js';

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
  /** The language the account chose on the ID / EN switch; null until it chooses one (this browser's applies). */
  language: Locale | null;
}

let current: Session | null = null;

export function session(): Session | null {
  return current;
}

export function setSession(value: Session | null): void {
  current = value;
}

/** The signed-in account, or null without a session (401); the account's language, when it chose one, applies. */
export async function loadSession(): Promise<Session | null> {
  try {
    current = await api.get<Session>('/api/auth/me');
  } catch {
    current = null;
  }
  if (current?.language && current.language !== locale()) {
    await setLocale(current.language);
  }
  return current;
}

/** Keeps a language chosen while signed in on the account, so that it follows the user to another browser. */
export async function rememberLanguage(language: Locale): Promise<void> {
  if (!current || current.mustChangePassword || current.mustEnrolTwoFactor || current.language === language) {
    return;
  }
  try {
    await api.patch('/api/account/profile', { language });
    current.language = language;
  } catch (error) {
    console.warn(error); // the choice still holds in this browser
  }
}

export function can(...roles: Role[]): boolean {
  return current !== null && roles.includes(current.role);
}

/** Analysts and admins change data; the pimpinan reads and decides on briefs. */
export const canEdit = () => can('analyst', 'admin');
export const isAdmin = () => can('admin');
