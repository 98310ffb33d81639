/**
 * The live events port. `/api/events` streams what its sources report; a module that has events of its own (the
 * briefs module, for brief state changes) plugs in by registering a LiveEventSource with LiveEventHub (polled, so it
 * works across processes) or by calling `publish` (this process only).
 */
import type { Role } from '../../auth/roles.decorator.js';

export type LiveEventType = 'posts' | 'issue.created' | 'issue.changed' | 'alert.created' | 'brief.changed';

export interface LiveEvent {
  type: LiveEventType;
  /** ISO time the event was seen. */
  at: string;
  data: Record<string, unknown>;
  /** Roles that may receive it (the roles that may read the same thing through the REST API). */
  roles: readonly Role[];
}

/** Polled by the hub every LIVE_EVENTS_POLL_MS while anyone listens; must be cheap (indexed, bounded). */
export interface LiveEventSource {
  readonly name: string;
  /** Called once when polling starts: remember the present state, report nothing. */
  prime(): Promise<void>;
  /** What happened since the previous call. */
  poll(): Promise<LiveEvent[]>;
}
