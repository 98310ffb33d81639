import type { Principal } from '../auth/principal.js';

/** The user id behind a principal (null for push sources or when no one is signed in). */
export function userIdOf(principal: Principal | undefined): string | null {
  return principal?.kind === 'user' ? principal.userId : null;
}
