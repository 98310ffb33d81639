import { randomInt } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as indonesian from '@zxcvbn-ts/language-id';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/** zxcvbn's 0–4 scale: 3 is "safely unguessable" (about 10^8 guesses and more) for an online attack. */
const MIN_STRENGTH = 3;

let estimator: ZxcvbnFactory | undefined;

/**
 * zxcvbn-ts with the common password and diceware lists and the Indonesian dictionaries (common words,
 * names, Wikipedia), with feedback in Indonesian. Built on first use (the dictionaries take a moment).
 */
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...indonesian.dictionary },
    graphs: common.adjacencyGraphs,
    translations: indonesian.translations,
    // l33t variants of up to 4 characters (p@ssw0rd): the default of 100 costs about a second per password.
    l33tMaxSubstitutions: 4,
  });
  return estimator;
}

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
  const { score, feedback } = strengthEstimator().check(password, [username, 'pantau', 'pantauisu', 'diskominfo']);
  if (score < MIN_STRENGTH) {
    const why = [feedback.warning, ...feedback.suggestions].filter((part): part is string => Boolean(part));
    return ['Kata sandi terlalu mudah ditebak.', ...why].join(' ');
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
