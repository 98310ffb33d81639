/**
 * Live updates over server-sent events (GET /api/events). One EventSource per signed-in tab; pages subscribe while
 * they are shown. The browser reconnects by itself; the status dot in the header shows whether the stream is up.
 */

export type LiveListener = (type: string, data: unknown) => void;

const listeners = new Set<LiveListener>();
let source: EventSource | null = null;
let statusListener: (connected: boolean) => void = () => undefined;

/** Event names of GET /api/events (docs/stats.md). */
const EVENT_TYPES = ['posts', 'issue.created', 'issue.changed', 'alert.created', 'brief.changed'];

export function startLive(onStatus: (connected: boolean) => void): void {
  statusListener = onStatus;
  if (source || typeof EventSource === 'undefined') {
    return;
  }
  source = new EventSource('/api/events', { withCredentials: true });
  source.onopen = () => statusListener(true);
  source.onerror = () => statusListener(false);
  for (const type of EVENT_TYPES) {
    source.addEventListener(type, (event) => {
      let data: unknown = null;
      try {
        data = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        data = null;
      }
      for (const listener of listeners) {
        listener(type, data);
      }
    });
  }
}

export function stopLive(): void {
  source?.close();
  source = null;
  statusListener(false);
}

export function subscribe(listener: LiveListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
