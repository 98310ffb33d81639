/**
 * The page and letterhead of a document as the deployment's brief template sets them: paper size, margins, font,
 * and the kop (government, office in capitals, address lines, logo decoded from its data URL). Every document the
 * product exports (telaahan staf, daily report) starts from these, so a template change reaches all of them.
 */
import { PAPER_MM, type BriefTemplate } from '../brief-template.js';
import type { DocumentModel } from './document-model.js';

/** A logo stored as a PNG or JPEG data URL, as bytes; anything else is no logo. */
function decodeLogo(dataUrl: string | null): Buffer | null {
  const match = dataUrl ? /^data:image\/(png|jpeg);base64,(.+)$/u.exec(dataUrl) : null;
  return match ? Buffer.from(match[2], 'base64') : null;
}

export function templatePage(template: BriefTemplate): Pick<DocumentModel, 'page' | 'letterhead'> {
  const paper = PAPER_MM[template.paper];
  const lh = template.letterhead;
  return {
    page: {
      width: paper.width,
      height: paper.height,
      margins: template.margins,
      fontFamily: template.font,
      fontSize: template.fontSize,
    },
    letterhead: {
      government: lh.government,
      office: lh.office.toUpperCase(),
      lines: lh.lines,
      logo: decodeLogo(lh.logo),
    },
  };
}
