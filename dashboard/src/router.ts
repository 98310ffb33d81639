import type { MessageKey } from './i18n.js';
import type { Role, Session } from './session.js';

export interface PageContext {
  session: Session;
  params: Record<string, string>;
  query: URLSearchParams;
  navigate(path: string): void;
  /** Registers work to undo when the page is left (charts, subscriptions, timers). */
  onLeave(cleanup: () => void): void;
  /** Re-renders the current page (after an action changed what it shows). */
  refresh(): void;
}

export interface NavEntry {
  label: MessageKey;
  group?: 'main' | 'admin';
}

export interface Page {
  path: string;
  title: MessageKey;
  roles: readonly Role[];
  nav?: NavEntry;
  /** The page's module, loaded on first visit (each page is its own chunk). */
  load(): Promise<PageModule>;
}

export interface PageModule {
  render(root: HTMLElement, context: PageContext): Promise<void> | void;
}

export interface Match {
  page: Page;
  params: Record<string, string>;
}

/** `/isu/:id` style patterns; the first page whose pattern matches the path wins. */
export function matchPath(pages: readonly Page[], path: string): Match | null {
  const parts = path.split('/').filter(Boolean);
  for (const page of pages) {
    const pattern = page.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) {
      continue;
    }
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pattern.length; i += 1) {
      if (pattern[i].startsWith(':')) {
        params[pattern[i].slice(1)] = decodeURIComponent(parts[i]);
      } else if (pattern[i] !== parts[i]) {
        ok = false;
        break;
      }
    }
    if (ok) {
      return { page, params };
    }
  }
  return null;
}
