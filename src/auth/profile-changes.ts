import type { UserProfile } from './users.service.js';

/** The names of the profile fields that changed (values stay out of the audit log: they are personal data). */
export function changedProfileFields(before: UserProfile, after: UserProfile): string[] {
  return (['email', 'telegramChatId', 'dailyReportOptIn', 'language'] as const).filter(
    (key) => before[key] !== after[key],
  );
}
