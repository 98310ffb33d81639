import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKey } from '../config/secrets.js';

const VERSION = 'v1';
const IV_BYTES = 12;

/**
 * Encrypts a source's secret config fields (tokens, passwords) with AES-256-GCM under a key derived
 * from the deployment secret (purpose `credentials-encryption`). The source id is bound as
 * additional authenticated data, so a ciphertext copied onto another source does not decrypt.
 * Stored form: `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export class CredentialsCipher {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length === 0) {
      throw new Error('CredentialsCipher needs the deployment secret');
    }
    this.key = deriveKey(secret, 'credentials-encryption');
  }

  encrypt(sourceId: string, credentials: Record<string, string>): string | null {
    if (Object.keys(credentials).length === 0) {
      return null;
    }
    return this.seal(`source:${sourceId}`, JSON.stringify(credentials));
  }

  decrypt(sourceId: string, stored: string | null | undefined): Record<string, string> {
    if (!stored) {
      return {};
    }
    return JSON.parse(this.open(`source:${sourceId}`, stored)) as Record<string, string>;
  }

  /**
   * Encrypts one text bound to a context (`source:<id>`, `user-totp:<id>`): the ciphertext only decrypts under the
   * same context. Other modules' secrets at rest (two-factor secrets) use this with a context of their own.
   */
  seal(context: string, text: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(context: string, stored: string): string {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) {
      throw new Error('Unknown credentials format');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** How a stored secret is shown: its last four characters when it is long enough to keep them unguessable. */
export function maskSecret(value: string): string {
  return value.length >= 12 ? `••••${value.slice(-4)}` : '••••';
}

export function isMaskedSecret(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('••••');
}
