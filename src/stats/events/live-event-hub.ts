import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Role } from '../../auth/roles.decorator.js';
import type { LiveEvent, LiveEventSource } from './live-event.types.js';

export const LIVE_EVENTS_POLL_MS = 2000;

type Listener = (event: LiveEvent) => void;

/**
 * Fans live events out to the SSE connections of this process. While at least one client listens, one timer polls
 * every registered source (one set of cheap queries per process, whatever the number of clients); with no listener
 * nothing runs. Events reach a client only when its role is among the event's roles.
 */
@Injectable()
export class LiveEventHub implements OnModuleDestroy {
  private readonly logger = new Logger(LiveEventHub.name);
  private readonly sources: LiveEventSource[] = [];
  private readonly listeners = new Map<Listener, { role: Role; end?: () => void }>();
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;

  register(source: LiveEventSource): void {
    this.sources.push(source);
  }

  /** An event of this process (not seen by other API processes: prefer a registered source for shared state). */
  publish(event: LiveEvent): void {
    for (const [listener, { role }] of this.listeners) {
      if (event.roles.includes(role)) {
        listener(event);
      }
    }
  }

  /** `end` closes the client's stream when the application shuts down (open streams would keep HTTP from closing). */
  async subscribe(role: Role, listener: Listener, end?: () => void): Promise<() => void> {
    this.listeners.set(listener, { role, end });
    if (!this.timer) {
      this.timer = setInterval(() => void this.pollOnce(), LIVE_EVENTS_POLL_MS);
      this.timer.unref();
      this.polling = this.primeAll().finally(() => (this.polling = undefined));
    }
    await this.polling;
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stop();
      }
    };
  }

  onModuleDestroy(): void {
    for (const { end } of this.listeners.values()) {
      end?.();
    }
    this.listeners.clear();
    this.stop();
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async primeAll(): Promise<void> {
    for (const source of this.sources) {
      await source.prime().catch((err: unknown) => this.logger.warn(`${source.name}: ${String(err)}`));
    }
  }

  /** One round over the sources; a tick that finds the previous round (or the priming) still running is skipped. */
  private async pollOnce(): Promise<void> {
    if (this.polling) {
      return;
    }
    this.polling = this.pollSources().finally(() => (this.polling = undefined));
    await this.polling;
  }

  private async pollSources(): Promise<void> {
    for (const source of this.sources) {
      try {
        for (const event of await source.poll()) {
          this.publish(event);
        }
      } catch (err) {
        this.logger.warn(`Live events from ${source.name} failed: ${String(err)}`);
      }
    }
  }
}
