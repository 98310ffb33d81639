import { TextDecoder } from 'node:util';

/**
 * Turns response bytes into text: byte-order mark, then the Content-Type charset, then the XML
 * prolog (`<?xml version="1.0" encoding="ISO-8859-1"?>`) or an HTML meta charset, then UTF-8.
 * Bytes that are not valid UTF-8 although UTF-8 was assumed or declared are decoded as
 * windows-1252, the usual encoding of older Indonesian news portals that mislabel their feeds.
 */
export function detectCharset(bytes: Buffer, contentType: string | undefined): { label: string; declared: boolean } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { label: 'utf-8', declared: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { label: 'utf-16le', declared: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { label: 'utf-16be', declared: true };
  }
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
  if (fromHeader) {
    return { label: fromHeader.toLowerCase(), declared: true };
  }
  const head = bytes.subarray(0, 1024).toString('latin1');
  const fromProlog = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (fromProlog) {
    return { label: fromProlog.toLowerCase(), declared: true };
  }
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  if (fromMeta) {
    return { label: fromMeta.toLowerCase(), declared: true };
  }
  return { label: 'utf-8', declared: false };
}

// WHATWG maps iso-8859-1, latin1 and us-ascii to windows-1252. Node 20's TextDecoder decodes all of
// them as ISO-8859-1 (0x80-0x9F become C1 controls), so the 0x80-0x9F block is mapped here.
const WINDOWS_1252_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'iso_8859-1:1987',
  'latin1',
  'l1',
  'ibm819',
  'cp819',
  'csisolatin1',
  'iso-ir-100',
  'us-ascii',
  'ascii',
  'ansi_x3.4-1968',
]);
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Buffer): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 65536) {
    text += bytes
      .subarray(start, start + 65536)
      .toString('latin1')
      .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
  return text;
}

function isUtf8Label(label: string): boolean {
  return label === 'utf-8' || label === 'utf8' || label === 'unicode-1-1-utf-8';
}

export function decodeBody(bytes: Buffer, contentType: string | undefined): string {
  const { label } = detectCharset(bytes, contentType);
  if (isUtf8Label(label)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return decodeWindows1252(bytes);
    }
  }
  if (WINDOWS_1252_LABELS.has(label)) {
    return decodeWindows1252(bytes);
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}
