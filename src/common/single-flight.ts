/**
 * Identical reads under way share one answer: a call with the key of a call still running gets that call's promise
 * instead of running again. Nothing is kept once it settles (no cache, no staleness beyond the read already under way),
 * so a caller that starts after a write has finished never gets an answer computed before it — unless an identical
 * read had started before and is still running, which a dashboard cannot tell from a read that took that long.
 *
 * For read endpoints that many users call with the same parameters at once (the dashboard's stats and post-list
 * totals): 200 users on Ringkasan ask the same five questions; bench:load measures it (docs/operations.md).
 */
export class SingleFlight {
  private readonly running = new Map<string, Promise<unknown>>();

  /** Calls now under way (for tests and metrics). */
  get size(): number {
    return this.running.size;
  }

  run<T>(key: string, read: () => Promise<T>): Promise<T> {
    const current = this.running.get(key);
    if (current) {
      return current as Promise<T>;
    }
    const started = read().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }
}
