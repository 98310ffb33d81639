/** The dashboard's languages an account can keep (the users.language column's check names the same two). */
export const DASHBOARD_LANGUAGES = ['id', 'en'] as const;
export type DashboardLanguage = (typeof DASHBOARD_LANGUAGES)[number];
