import {
  DEFAULT_ALERT_STATES,
  type AlertableIssue,
  type AlertConditions,
  type ConditionCheck,
  type RuleEvaluation,
} from './alert.types.js';

const STATE_NAMES: Record<string, string> = {
  emerging: 'mulai muncul',
  trending: 'sedang meningkat',
  declining: 'menurun',
  dormant: 'mereda',
  dismissed: 'diabaikan',
  merged: 'digabung',
  followed_up: 'ditindaklanjuti',
};

export function stateName(state: string): string {
  return STATE_NAMES[state] ?? state;
}

const pct = (value: number): string => `${Math.round(value * 100)}%`;

/** Negative posts among posts with a sentiment (0 when none has one). */
export function negativeShare(sentiment: AlertableIssue['sentiment']): number {
  const total = sentiment.positive + sentiment.neutral + sentiment.negative;
  return total > 0 ? sentiment.negative / total : 0;
}

/** Kemendagri codes nest by dotted prefix: 64 covers 64.72 and 64.72.01, but not 640. */
export function regionCovers(prefix: string, code: string): boolean {
  return code === prefix || code.startsWith(`${prefix}.`);
}

/**
 * Evaluates one rule's conditions against an issue. Pure: every condition set on the rule yields a
 * check with an Indonesian explanation; the rule matches when all checks do. An analyst outcome
 * (dismissed, merged, followed up) never matches, whatever the rule says.
 */
export function evaluateRule(conditions: AlertConditions, issue: AlertableIssue): RuleEvaluation {
  const checks: ConditionCheck[] = [];

  const states = conditions.states && conditions.states.length > 0 ? conditions.states : DEFAULT_ALERT_STATES;
  checks.push({
    condition: 'states',
    matched: states.includes(issue.state),
    explanation: `Status isu ${stateName(issue.state)}; aturan meminta ${states.map(stateName).join(' atau ')}.`,
  });

  if (conditions.minSeverity !== undefined) {
    checks.push({
      condition: 'minSeverity',
      matched: issue.severity >= conditions.minSeverity,
      explanation: `Tingkat keparahan ${Math.round(issue.severity)}; batas minimal ${conditions.minSeverity}.`,
    });
  }

  if (conditions.categories && conditions.categories.length > 0) {
    checks.push({
      condition: 'categories',
      matched: issue.category !== null && conditions.categories.includes(issue.category),
      explanation: `Kategori isu ${issue.category ?? '(belum ada)'}; aturan meminta ${conditions.categories.join(', ')}.`,
    });
  }

  if (conditions.topicIds && conditions.topicIds.length > 0) {
    const wanted = conditions.topicIds;
    const found = (issue.topicIds ?? []).filter((id) => wanted.includes(id));
    checks.push({
      condition: 'topicIds',
      matched: found.length > 0,
      explanation:
        found.length > 0
          ? `Unggahan isu cocok dengan ${found.length} dari ${wanted.length} topik pantauan aturan.`
          : `Unggahan isu tidak cocok dengan topik pantauan mana pun dari aturan (${wanted.length} topik).`,
    });
  }

  if (conditions.regionCodes && conditions.regionCodes.length > 0) {
    const wanted = conditions.regionCodes;
    const inside = issue.places.filter((place) => wanted.some((prefix) => regionCovers(prefix, place.code)));
    checks.push({
      condition: 'regionCodes',
      matched: inside.length > 0,
      explanation:
        inside.length > 0
          ? `Lokasi isu di wilayah aturan: ${inside.map((place) => `${place.name} (${place.code})`).join(', ')}.`
          : `Tidak ada lokasi isu di wilayah ${wanted.join(', ')}.`,
    });
  }

  if (conditions.minNegativeShare !== undefined) {
    const share = negativeShare(issue.sentiment);
    checks.push({
      condition: 'minNegativeShare',
      matched: share >= conditions.minNegativeShare,
      explanation: `Porsi sentimen negatif ${pct(share)}; batas minimal ${pct(conditions.minNegativeShare)}.`,
    });
  }

  if (conditions.campaign !== undefined) {
    checks.push({
      condition: 'campaign',
      matched: issue.campaign === conditions.campaign,
      explanation: `${issue.campaign ? 'Isu terindikasi kampanye (sebagian besar salinan)' : 'Isu bukan kampanye'}; aturan meminta ${conditions.campaign ? 'hanya kampanye' : 'hanya isu organik'}.`,
    });
  }

  return { matched: checks.every((check) => check.matched), checks };
}

export interface CooldownDecision {
  allowed: boolean;
  /** When the next alert for this (rule, issue) may be sent; null when allowed now. */
  nextAllowedAt: Date | null;
}

/** One alert per (rule, issue) per cooldown window; the window starts at the previous alert. */
export function cooldownDecision(lastAlertAt: Date | null, cooldownMinutes: number, now: Date): CooldownDecision {
  if (lastAlertAt === null) {
    return { allowed: true, nextAllowedAt: null };
  }
  const next = new Date(lastAlertAt.getTime() + cooldownMinutes * 60_000);
  return next.getTime() <= now.getTime()
    ? { allowed: true, nextAllowedAt: null }
    : { allowed: false, nextAllowedAt: next };
}
