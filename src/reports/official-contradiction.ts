/**
 * "Perlu klarifikasi — claims contradicting an official statement" (docs/briefs.md, "The three groups"). An issue's
 * posts of the report period hold an official statement when a post of a configured official source or account
 * (brief template `official`) denies the story or says it is handled (STATEMENT_PATTERN). Citizens' claims
 * contradict it when, among the issue's other posts after the first such statement, at least MIN_CLAIMS and at least
 * CLAIM_SHARE of them say it is not so (CLAIM_PATTERN: still, not yet, in fact, a lie…). The patterns are
 * PostgreSQL regular expressions (case-insensitive, `\m`/`\M` word edges) run by IssuesService.officialStatements.
 */
import type { IssueOfficialStatement } from '../issues/dto/issue-figures.js';

/** An official denial, or a statement that the matter is handled, resolved or back to normal. */
export const STATEMENT_PATTERN =
  '\\m(hoaks|hoax|tidak benar|berita bohong|kabar bohong|' +
  '(sudah|telah) (di)?(tangani|atasi|perbaiki|salurkan|cairkan|normal|surut|cair|pulih|selesai)|' +
  'kembali normal|terkendali|tidak ada (pungutan|pungli|pemadaman))\\M';

/** A citizen's post saying the problem persists or the statement is untrue. */
export const CLAIM_PATTERN =
  '\\m(masih|belum|tetap|nyatanya|faktanya|kenyataannya|bohong|tidak benar|hoaks|omong kosong)\\M';

export const MIN_CLAIMS = 5;
export const CLAIM_SHARE = 0.3;

export interface OfficialContradiction {
  /** Who made the statement: the account, else the source's name. */
  by: string;
  /** When (ISO). */
  at: string;
  claims: number;
  citizens: number;
}

/** The contradiction an issue's official statement meets, or null when the citizens' claims do not reach the rule. */
export function officialContradiction(found: IssueOfficialStatement): OfficialContradiction | null {
  const { claimsAfter: claims, citizensAfter: citizens } = found;
  if (claims < MIN_CLAIMS || citizens === 0 || claims / citizens < CLAIM_SHARE) {
    return null;
  }
  return {
    by: found.statement.author
      ? `@${found.statement.author.replace(/^@+/u, '')}`
      : (found.statement.source ?? 'sumber resmi'),
    at: found.statement.createdAt,
    claims,
    citizens,
  };
}
