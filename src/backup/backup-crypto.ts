import { createCipheriv, createDecipheriv, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { CipherGCM as Cipheriv, DecipherGCM as Decipheriv } from 'node:crypto';

/** The first line of a backup file: how to derive the key, and a check value that tells a wrong passphrase at once. */
export interface BackupHeader {
  format: 'pantau-isu-backup';
  version: 1;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  /** IV of the payload (AES-256-GCM); its tag is the file's last 16 bytes. */
  iv: string;
  /** HMAC-free check: AES-256-GCM of a fixed text under its own IV; only the right key decrypts it. */
  check: { iv: string; tag: string; data: string };
}

export const TAG_BYTES = 16;
const CHECK_TEXT = 'pantau-isu-backup-check';
const SCRYPT = { N: 1 << 17, r: 8, p: 1 };

export class WrongPassphraseError extends Error {
  constructor() {
    super('Frasa sandi salah, atau berkas ini bukan cadangan Pantau Isu yang utuh. Tidak ada yang diubah.');
    this.name = 'WrongPassphraseError';
  }
}

function deriveBackupKey(passphrase: string, kdf: BackupHeader['kdf']): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * 1024 * 1024,
  });
}

/** A new header and the cipher of the payload (scrypt + AES-256-GCM, node:crypto only). */
export function newBackupCipher(passphrase: string): { headerLine: string; cipher: Cipheriv } {
  const kdf = { name: 'scrypt' as const, ...SCRYPT, salt: randomBytes(16).toString('base64') };
  const key = deriveBackupKey(passphrase, kdf);
  const checkIv = randomBytes(12);
  const check = createCipheriv('aes-256-gcm', key, checkIv);
  const data = Buffer.concat([check.update(CHECK_TEXT, 'utf8'), check.final()]);
  const iv = randomBytes(12);
  const header: BackupHeader = {
    format: 'pantau-isu-backup',
    version: 1,
    kdf,
    iv: iv.toString('base64'),
    check: {
      iv: checkIv.toString('base64'),
      tag: check.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    },
  };
  const headerLine = JSON.stringify(header);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(headerLine));
  return { headerLine, cipher };
}

/** The payload's decipher, or WrongPassphraseError before any byte of the payload is read. */
export function openBackupCipher(headerLine: string, passphrase: string, tag: Buffer): Decipheriv {
  let header: BackupHeader;
  try {
    header = JSON.parse(headerLine) as BackupHeader;
  } catch {
    throw new Error('Berkas ini bukan cadangan Pantau Isu (kepala berkas tidak terbaca)');
  }
  if (header.format !== 'pantau-isu-backup' || header.version !== 1 || header.kdf?.name !== 'scrypt') {
    throw new Error('Berkas ini bukan cadangan Pantau Isu (format tidak dikenal)');
  }
  const key = deriveBackupKey(passphrase, header.kdf);
  try {
    const check = createDecipheriv('aes-256-gcm', key, Buffer.from(header.check.iv, 'base64'));
    check.setAuthTag(Buffer.from(header.check.tag, 'base64'));
    const text = Buffer.concat([check.update(Buffer.from(header.check.data, 'base64')), check.final()]);
    if (!timingSafeEqual(text, Buffer.from(CHECK_TEXT))) {
      throw new WrongPassphraseError();
    }
  } catch {
    throw new WrongPassphraseError();
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(Buffer.from(headerLine));
  decipher.setAuthTag(tag);
  return decipher;
}
