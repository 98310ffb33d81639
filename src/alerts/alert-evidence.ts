import { negativeShare } from './alert-rule-evaluator.js';
import type { AlertableIssue, AlertEvidence, AlertRule, ConditionCheck } from './alert.types.js';

/** Posts carried by an alert, and how much of each text (alerts are read on phones). */
export const EVIDENCE_TOP_POSTS = 5;
export const EVIDENCE_TEXT_CHARS = 400;

/** Only http(s) links are carried: a `javascript:` URL from a platform must not become a link. */
export function safeLink(url: string | null | undefined): string | null {
  if (!url) {
    return null;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function issueLink(publicUrl: string, issueId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/#/issues/${encodeURIComponent(issueId)}`;
}

/** The evidence stored with an alert and sent to every channel (texts raw here; each channel escapes). */
export function buildEvidence(
  rule: Pick<AlertRule, 'id' | 'name'>,
  issue: AlertableIssue,
  matched: ConditionCheck[],
  publicUrl: string,
): AlertEvidence {
  return {
    rule: { id: rule.id, name: rule.name },
    issue: {
      id: issue.id,
      label: issue.label,
      state: issue.state,
      severity: Math.round(issue.severity * 10) / 10,
      severityLevel: issue.severityLevel ?? null,
      category: issue.category,
      opd: issue.opd,
      postCount: issue.postCount,
      authorCount: issue.authorCount,
      firstDetectedAt: issue.firstDetectedAt,
      campaign: issue.campaign,
    },
    sentiment: { ...issue.sentiment, negativeShare: Math.round(negativeShare(issue.sentiment) * 1000) / 1000 },
    places: issue.places.map((place) => ({ code: place.code, name: place.name })),
    topPosts: issue.topPosts.slice(0, EVIDENCE_TOP_POSTS).map((post) => ({
      url: safeLink(post.url),
      text: truncate(post.text, EVIDENCE_TEXT_CHARS),
      author: post.author ?? null,
    })),
    matched,
    link: issueLink(publicUrl, issue.id),
  };
}
