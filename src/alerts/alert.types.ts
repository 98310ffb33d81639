/**
 * The alerting vocabulary. `AlertableIssue` is the narrow view of an issue that rules are evaluated
 * against and evidence is built from; the issues module's events are adapted to it (issue-alerts.listener.ts).
 */

export type AlertableIssueState =
  'emerging' | 'trending' | 'declining' | 'dormant' | 'dismissed' | 'merged' | 'followed_up';

export interface AlertablePost {
  url?: string | null;
  /** Untrusted user text (stored PII-masked): escape wherever rendered. */
  text: string;
  author?: string | null;
}

export interface AlertableIssue {
  id: string;
  label: string;
  state: AlertableIssueState;
  /** 0..100. */
  severity: number;
  severityLevel?: string | null;
  category: string | null;
  opd: string | null;
  postCount: number;
  authorCount: number;
  /** ISO 8601. */
  firstDetectedAt: string;
  campaign: boolean;
  places: { code: string; name: string }[];
  sentiment: { positive: number; neutral: number; negative: number };
  topPosts: AlertablePost[];
  /** Tracked topics the issue's posts match; loaded from the database when a rule needs them and the event lacks them. */
  topicIds?: string[];
}

export interface AlertIssueEvent {
  type: 'created' | 'updated';
  issue: AlertableIssue;
}

/** The states rules consider when a rule names none: an issue still rising. */
export const DEFAULT_ALERT_STATES: readonly AlertableIssueState[] = ['emerging', 'trending'];
export const ALERTABLE_STATES: readonly AlertableIssueState[] = ['emerging', 'trending', 'declining', 'dormant'];

export interface AlertConditions {
  /** Severity at least this (0..100). */
  minSeverity?: number;
  /** The issue's posts match at least one of these tracked topics. */
  topicIds?: string[];
  /** Category slug is one of these. */
  categories?: string[];
  /** Some place of the issue lies in one of these Kemendagri regions (prefix match: 64 covers 64.72.01). */
  regionCodes?: string[];
  /** Share of negative posts among posts with a sentiment, at least this (0..1). */
  minNegativeShare?: number;
  /** Lifecycle states; default emerging and trending. */
  states?: AlertableIssueState[];
  /** true: only near-duplicate campaigns; false: only organic issues. */
  campaign?: boolean;
}

export type AlertChannel =
  | { type: 'telegram'; chatId: string }
  | { type: 'email'; to: string[] }
  | { type: 'webhook'; url: string; secret?: string };

/** A channel as stored: a webhook secret is kept encrypted. */
export type StoredAlertChannel =
  | { type: 'telegram'; chatId: string }
  | { type: 'email'; to: string[] }
  | { type: 'webhook'; url: string; secretEncrypted?: string };

/** A channel as the API shows it: never the secret itself. */
export type AlertChannelView =
  | { type: 'telegram'; chatId: string }
  | { type: 'email'; to: string[] }
  | { type: 'webhook'; url: string; secretSet: boolean };

export interface AlertRule {
  id: string;
  name: string;
  conditions: AlertConditions;
  channels: StoredAlertChannel[];
  cooldownMinutes: number;
  active: boolean;
}

export interface ConditionCheck {
  condition: keyof AlertConditions;
  matched: boolean;
  /** Bahasa Indonesia: what was required and what the issue has. */
  explanation: string;
}

export interface RuleEvaluation {
  matched: boolean;
  checks: ConditionCheck[];
}

/** What an alert carries to every channel, stored with it. */
export interface AlertEvidence {
  rule: { id: string; name: string };
  issue: {
    id: string;
    label: string;
    state: AlertableIssueState;
    severity: number;
    severityLevel: string | null;
    category: string | null;
    opd: string | null;
    postCount: number;
    authorCount: number;
    firstDetectedAt: string;
    campaign: boolean;
  };
  sentiment: { positive: number; neutral: number; negative: number; negativeShare: number };
  places: { code: string; name: string }[];
  topPosts: { url: string | null; text: string; author: string | null }[];
  /** Why the rule fired. */
  matched: ConditionCheck[];
  /** `${publicUrl}/#/issues/${id}` */
  link: string;
}
