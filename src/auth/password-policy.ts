import { randomInt } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/** Why a new password is refused (in Indonesian), or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Kata sandi maksimal ${MAX_PASSWORD_LENGTH} karakter`;
  }
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) {
    return 'Kata sandi tidak boleh sama dengan nama pengguna';
  }
  return null;
}

// No look-alikes (0/O, 1/l/I) so a temporary password can be read out over the phone.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random password from a CSPRNG: 20 characters of a 56-symbol alphabet (about 116 bits). */
export function generatePassword(length = 20): string {
  let password = '';
  for (let i = 0; i < length; i++) {
    password += ALPHABET[randomInt(ALPHABET.length)];
  }
  return password;
}
