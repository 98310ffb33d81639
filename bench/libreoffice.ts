/**
 * LibreOffice headless as the benchmarks' check that a DOCX opens: converts it to PDF and counts the pages.
 * apt-get install -y libreoffice-writer-nogui fonts-liberation2 (skipped, and said so, when `soffice` is missing).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LibreOfficeResult {
  pages: number | null;
  text: string;
}

export function libreOfficePages(docx: Buffer, base = 'document'): LibreOfficeResult {
  const dir = mkdtempSync(join(tmpdir(), 'briefs-lo-'));
  try {
    const file = join(dir, `${base}.docx`);
    writeFileSync(file, docx);
    try {
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
        { stdio: 'pipe', timeout: 180_000 },
      );
    } catch (error) {
      return { pages: null, text: `LibreOffice: not run (${(error as Error).message.split('\n')[0]})` };
    }
    const pdf = readFileSync(join(dir, `${base}.pdf`));
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/gu) ?? []).length;
    return {
      pages,
      text: `LibreOffice ${execFileSync('soffice', ['--version']).toString().trim()}: opened the DOCX, converted to PDF (${pdf.length} bytes), ${pages} pages`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The one-line verdict of `libreOfficePages`. */
export function libreOfficeCheck(docx: Buffer, base = 'telaahan'): string {
  return libreOfficePages(docx, base).text;
}
