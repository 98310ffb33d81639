import { createHmac, randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other when read from paper (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** `xxxxx-xxxxx`: 10 characters of a 31-letter alphabet (about 49 bits). */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
    codes.add(`${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`);
  }
  return [...codes];
}

/** As typed: case, spaces and dashes do not matter. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, '');
}

/** Only this keyed hash is stored (key derived for `recovery-code-hashing`), bound to the user. */
export function hashRecoveryCode(key: Buffer, userId: string, code: string): string {
  return createHmac('sha256', key)
    .update(`${userId}:${normalizeRecoveryCode(code)}`)
    .digest('base64url');
}
