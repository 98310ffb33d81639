/** What the briefs API returns, and the figures a telaahan is written from (kept with the brief as a snapshot). */
import type { IssueFigures } from '../issues/dto/issue-figures.js';
import type { BriefHeader } from './brief-header.js';
import type { BriefSections } from './rich-text.js';

export const BRIEF_STATES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type BriefState = (typeof BRIEF_STATES)[number];

export type BriefAction = 'create' | 'edit' | 'submit' | 'return' | 'approve';

/** A quote of a post as kept in the brief: text masked again (NIK, telephone, e-mail) when the draft was made. */
export interface BriefQuote {
  postId: string;
  createdAt: string;
  author: string | null;
  source: string;
  url: string | null;
  text: string;
}

export interface BriefDisposition {
  /** 'none' when the issue has not been forwarded to an OPD yet. */
  status: 'none' | 'forwarded' | 'responded' | 'completed';
  opd: string;
  forwardedAt: string | null;
  /** Forward due (status none) or response due (forwarded), end of that working day. */
  dueAt: string;
  /** Working days the forward deadline counts from detection (status none); null for a forwarded issue. */
  workingDays: number | null;
  overdue: boolean;
}

export interface BriefRelatedIssue {
  id: string;
  label: string;
  firstDetectedAt: string;
  outcome: string;
}

/** The data a draft states; every number in the draft comes from here (the issue's figures, quotes masked). */
export interface BriefFigures extends Omit<IssueFigures, 'quotes'> {
  /** When the figures were read. */
  asOf: string;
  timeZone: string;
  /** WIB, WITA or WIT. */
  zoneLabel: string;
  issue: {
    id: string;
    label: string;
    category: string;
    categoryName: string;
    opd: string;
    severity: number;
    severityLevel: 'rendah' | 'sedang' | 'tinggi' | 'kritis';
    campaign: boolean;
    firstDetectedAt: string;
    state: string;
    link: string;
  };
  quotes: BriefQuote[];
  related: BriefRelatedIssue[];
  relatedDays: number;
  disposition: BriefDisposition;
}

export interface BriefView {
  id: string;
  issueId: string | null;
  kind: 'telaahan' | 'daily';
  title: string;
  state: BriefState;
  sections: BriefSections;
  header: BriefHeader;
  version: number;
  figures: BriefFigures;
  revisionOf: string | null;
  authorId: string | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export type BriefListItem = Omit<BriefView, 'sections' | 'figures'>;

export interface BriefVersionView {
  version: number;
  action: BriefAction;
  state: BriefState;
  sections: BriefSections;
  header: BriefHeader;
  comment: string | null;
  actorId: string | null;
  actorUsername: string | null;
  at: string;
}
