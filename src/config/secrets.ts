import { hkdfSync } from 'node:crypto';

/** Purposes of keys derived from the one deployment secret. Never reuse a key for two purposes. */
export type KeyPurpose =
  'session-tokens' | 'credentials-encryption' | 'api-key-hashing' | 'recovery-code-hashing' | 'personal-data-digest';

export function deriveKey(secret: string, purpose: KeyPurpose, length = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'pantau-isu', purpose, length));
}
