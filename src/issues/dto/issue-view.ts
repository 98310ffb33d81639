/**
 * What the issues API returns for one issue (GET /api/issues/:id) and what IssueEvents carries.
 * Times are ISO strings (UTC).
 */
import type {
  AnalystOutcome,
  IssueKey,
  IssueState,
  LifecycleState,
  SeverityResult,
} from '../detection/detection.types.js';

export interface IssueListItem {
  id: string;
  label: string;
  /** Analyst outcome when set, else the lifecycle state. */
  state: IssueState;
  lifecycle: LifecycleState;
  outcome: AnalystOutcome | null;
  /** Severity score 0..100. */
  severity: number;
  severityLevel: SeverityResult['level'];
  category: string;
  opd: string;
  postCount: number;
  authors: number;
  firstSeenAt: string;
  firstDetectedAt: string;
  lastActivityAt: string;
  campaign: boolean;
  nearDuplicateShare: number;
  negativeShare: number;
  /** Kemendagri codes of the issue's places, most named first. */
  regions: string[];
  mergedInto: string | null;
  updatedAt: string;
}

export interface IssueTimelinePoint {
  bucketStart: string;
  posts: number;
  authors: number;
}

export interface IssueTopPostView {
  id: string;
  externalId: string | null;
  sourceId: string | null;
  author: string | null;
  text: string | null;
  url: string | null;
  reach: number;
  createdAt: string;
  sentiment: string | null;
}

export interface IssueDispositionView {
  id: string;
  issueId: string;
  opd: string;
  status: 'forwarded' | 'responded' | 'completed';
  note: string | null;
  forwardedAt: string;
  forwardedBy: string | null;
  forwardDueAt: string;
  respondDueAt: string;
  respondedAt: string | null;
  response: string | null;
  completedAt: string | null;
  completion: string | null;
  /** No response by respondDueAt (or answered after it). */
  overdue: boolean;
  /** Forwarded after forwardDueAt (working days after the issue was first detected). */
  forwardedLate: boolean;
}

export interface IssueView extends IssueListItem {
  keys: IssueKey[];
  timeline: IssueTimelinePoint[];
  sentiment: { positive: number; neutral: number; negative: number };
  places: { code: string; name: string; posts: number }[];
  topPosts: IssueTopPostView[];
  severityDetail: SeverityResult;
  stateHistory: { state: IssueState; at: string }[];
  /** Issues merged into this one. */
  mergedFrom: string[];
  /** Issue this one was split from. */
  splitFrom: string | null;
  dispositions: IssueDispositionView[];
  /** Public link to the issue in the dashboard (PANTAU_PUBLIC_URL). */
  link: string;
}

/** `meta.detection` of GET /api/issues: whether detection is still learning the streams' daily rhythm. */
export interface DetectionStatusView {
  /** True until the detector has a full day of history (seen or imported): only overwhelming evidence raises issues. */
  learning: boolean;
  /** Hours of history the detector's baselines hold. */
  historyHours: number;
  /** ISO time when learning ends at the earliest, or null. */
  learningUntil: string | null;
  /** ISO end of the last bucket the detect worker processed, or null before its first pass. */
  processedUntil: string | null;
}
