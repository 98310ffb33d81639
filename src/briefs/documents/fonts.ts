/**
 * The fonts the exporters and the chart use: Arimo (Arial metrics, SIL Open Font License 1.1, fonts/OFL.txt), files
 * committed in the repository (copied from the npm package @expo-google-fonts/arimo 0.4.3) and registered by path.
 * Nothing here reads a system font.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('./fonts/', import.meta.url));
/** The build (swc) compiles src/ to dist/src/ and does not copy the TTF files: read them from src/. */
export const FONT_DIR = existsSync(HERE) ? HERE : HERE.replace(`${sep}dist${sep}src${sep}`, `${sep}src${sep}`);

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<FontFace, string> = {
  regular: 'Arimo-Regular.ttf',
  bold: 'Arimo-Bold.ttf',
  italic: 'Arimo-Italic.ttf',
  boldItalic: 'Arimo-BoldItalic.ttf',
};

export function fontPath(face: FontFace): string {
  return `${FONT_DIR}${FILES[face]}`;
}

const cache = new Map<FontFace, Buffer>();

export function fontData(face: FontFace): Buffer {
  let data = cache.get(face);
  if (!data) {
    data = readFileSync(fontPath(face));
    cache.set(face, data);
  }
  return data;
}

export function faceOf(run: { bold?: boolean; italic?: boolean }): FontFace {
  return run.bold ? (run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : 'regular';
}
