/**
 * Figures of one issue recomputed from its posts (what a telaahan staf states), and the earlier issues it resembles.
 * Times are ISO strings (UTC); hours are UTC hours, which are also whole local hours in WIB, WITA and WIT.
 */
import type { IssueListItem } from './issue-view.js';

export interface IssueQuote {
  postId: string;
  createdAt: string;
  author: string | null;
  source: string;
  url: string | null;
  text: string;
  reach: number;
  sentiment: string | null;
}

export interface IssueFigures {
  posts: number;
  authors: number;
  firstPostAt: string | null;
  lastPostAt: string | null;
  /** Posts in the `periodHours` up to the last post, and in the equal period before it. */
  periodHours: number;
  currentPeriodPosts: number;
  previousPeriodPosts: number;
  sentiment: { positive: number; neutral: number; negative: number; unknown: number };
  /** Posts naming each place (a post naming two places counts for both), most named first. */
  places: { code: string; name: string; posts: number }[];
  /** Posts whose near-duplicate key is shared with another post of the issue. */
  nearDuplicatePosts: number;
  hourly: { hourStart: string; posts: number }[];
  peak: { hourStart: string; posts: number } | null;
  /** Up to 5 posts with most reach, one per author and per near-duplicate group. */
  quotes: IssueQuote[];
}

export interface RelatedIssue {
  id: string;
  label: string;
  firstDetectedAt: string;
  state: string;
  outcome: string | null;
  sharedPlaces: string[];
}

/**
 * An issue as the daily report sorts it: the list item, the detector's sentiment counts, whether it is open (no
 * analyst outcome), its dispositions past their response deadline without a response, and its dashboard link.
 */
export interface IssueSummary extends IssueListItem {
  open: boolean;
  sentiment: { positive: number; neutral: number; negative: number };
  overdueDispositions: number;
  link: string;
}

/** An issue's posts in a time window [from, to) and in the equal window before it, with the window's labels. */
export interface IssueWindowFigures {
  issueId: string;
  posts: number;
  previous: number;
  /** Sentiment of the window's posts (unknown: not analysed). */
  sentiment: { positive: number; neutral: number; negative: number; unknown: number };
  /** The places the window's posts name most (a post counts once per place), most named first. */
  places: { code: string; name: string; posts: number }[];
}

/**
 * The first official statement among an issue's posts of a window (a post of an official source or account whose
 * text matches the statement pattern), and the other posts of the issue after it in the window: how many, and how
 * many of them match the claim pattern.
 */
export interface IssueOfficialStatement {
  issueId: string;
  statement: { postId: string; createdAt: string; author: string | null; source: string | null; text: string };
  citizensAfter: number;
  claimsAfter: number;
}
