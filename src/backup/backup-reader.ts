import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { openBackupCipher, TAG_BYTES } from './backup-crypto.js';
import type { BackupManifest } from './backup-writer.js';

const HEADER_LIMIT = 4096;

/** Reads the header and checks the passphrase (WrongPassphraseError before anything else happens). */
export async function openBackup(file: string, passphrase: string): Promise<{ lines: AsyncIterator<string> }> {
  const handle = await open(file, 'r');
  let headerLine: string;
  let payloadStart: number;
  let tag: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const head = Buffer.alloc(Math.min(HEADER_LIMIT, size));
    await handle.read(head, 0, head.length, 0);
    const newline = head.indexOf(0x0a);
    if (newline < 0 || size < newline + 1 + TAG_BYTES) {
      throw new Error('Berkas ini bukan cadangan Pantau Isu (kepala berkas tidak terbaca)');
    }
    headerLine = head.subarray(0, newline).toString('utf8');
    payloadStart = newline + 1;
    tag = Buffer.alloc(TAG_BYTES);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  const decipher = openBackupCipher(headerLine, passphrase, tag);
  // The GCM tag is checked when the decipher ends: a failure destroys the pipeline, and the line iterator throws
  // before it reports its end. Whoever loads the lines commits only after the iterator is done.
  const payload = pipeline(
    createReadStream(file, { start: payloadStart, end: size - TAG_BYTES - 1 }),
    decipher,
    createGunzip(),
    () => undefined,
  );
  payload.setEncoding('utf8');
  return { lines: linesOf(payload) };
}

async function* linesOf(stream: Readable): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  if (rest !== '') {
    yield rest;
  }
}

export async function readManifest(lines: AsyncIterator<string>): Promise<BackupManifest> {
  const first = await lines.next();
  if (first.done) {
    throw new Error('Cadangan kosong atau rusak');
  }
  return JSON.parse(first.value) as BackupManifest;
}
