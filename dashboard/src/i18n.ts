/**
 * The dashboard's languages. Bahasa Indonesia is the default and is part of the first chunk; English is its own chunk,
 * loaded when a reader chooses it (the choice is kept in localStorage, and on the account: session.ts). Every
 * user-facing string comes from the catalogues in i18n/ through t(); server-given labels (category and OPD names, API
 * error messages, briefs) are shown as the server sends them.
 *
 * t() must be called while rendering, never at module scope: a page re-renders on a language switch, a module is
 * evaluated once.
 */
import { id, type MessageKey } from './i18n/id.js';

export type { MessageKey };
export type Locale = 'id' | 'en';

/** English plural forms, chosen by the `count` parameter (else the first numeric one). */
export interface PluralForms {
  one: string;
  other: string;
}

export type Catalogue = Record<MessageKey, string | PluralForms>;
export type MessageParams = Record<string, string | number | null | undefined>;

export const LOCALES: readonly Locale[] = ['id', 'en'];
/** Intl locale per language: en-GB writes dates as "3 Dec 2026" and uses a 24-hour clock, as Indonesia does. */
const INTL_LOCALES: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };
const STORAGE_KEY = 'pantau.locale';

let current: Locale = 'id';
let messages: Catalogue = id;
let numbers = new Intl.NumberFormat(INTL_LOCALES.id);
let plurals = new Intl.PluralRules(INTL_LOCALES.id);
const listeners = new Set<(locale: Locale) => void>();

export function locale(): Locale {
  return current;
}

/** The Intl locale of the chosen language, for Intl.DateTimeFormat/NumberFormat and chart.js. */
export function intlLocale(): string {
  return INTL_LOCALES[current];
}

export function formatInteger(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : numbers.format(value);
}

function pluralOf(forms: PluralForms, params: MessageParams | undefined): string {
  const count = params?.count ?? Object.values(params ?? {}).find((value) => typeof value === 'number');
  return typeof count === 'number' && plurals.select(count) === 'one' ? forms.one : forms.other;
}

function paramText(value: string | number | null | undefined): string {
  return typeof value === 'number' ? formatInteger(value) : (value ?? '–');
}

/** The message of `key` in the chosen language; `{name}` placeholders filled from params (numbers formatted). */
export function t(key: MessageKey, params?: MessageParams): string {
  const entry = messages[key] ?? id[key];
  const template = typeof entry === 'string' ? entry : pluralOf(entry, params);
  if (!params) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? paramText(params[name]) : whole));
}

async function catalogueOf(target: Locale): Promise<Catalogue> {
  return target === 'en' ? (await import('./i18n/en.js')).en : id;
}

/** Switches the language: loads its catalogue, sets `<html lang>`, remembers it, and tells the listeners. */
export async function setLocale(target: Locale): Promise<void> {
  messages = await catalogueOf(target);
  current = target;
  numbers = new Intl.NumberFormat(INTL_LOCALES[target]);
  plurals = new Intl.PluralRules(INTL_LOCALES[target]);
  document.documentElement.lang = target;
  try {
    localStorage.setItem(STORAGE_KEY, target);
  } catch {
    // private mode without storage: the choice lasts for this page only
  }
  listeners.forEach((listener) => listener(target));
}

/** The language this browser chose last; Bahasa Indonesia when none (or an unknown one) is stored. */
export async function restoreLocale(): Promise<void> {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  if (stored === 'en') {
    await setLocale('en').catch(() => undefined);
  }
}

export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
