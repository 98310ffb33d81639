import argon2 from 'argon2';

/**
 * argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane): slow for an attacker, yet a login
 * costs tens of milliseconds on the 2-core machines this runs on.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash never authenticates
  }
}

/** A hash of a random string: verified against when the username is unknown, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= argon2.hash(`unknown-user-${Math.random()}`, OPTIONS);
  return dummyHash;
}
