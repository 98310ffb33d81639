/**
 * Figures of one issue recomputed from its posts (what a telaahan staf states), and the earlier issues it resembles.
 * Times are ISO strings (UTC); hours are UTC hours, which are also whole local hours in WIB, WITA and WIT.
 */
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
