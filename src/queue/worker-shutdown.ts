import type { Worker } from 'bullmq';

/** Waits for `work` at most `ms`; never throws (a shutdown step that must not hold the stop). */
export async function waitAtMost(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([work.catch(() => undefined), timeout]);
  clearTimeout(timer);
}

/**
 * Closes a worker without waiting on BullMQ's view of its jobs: after Redis restarted without its data, a plain
 * `close()` waited forever on a blocking fetch that never returns. A forced close skips BullMQ's
 * disconnectBlocking, and the PostgreSQL backend's close does not end a blocking wait under way (its timer, armed up
 * to the next delayed job, kept the process alive for minutes): disconnect() ends it. Never throws.
 */
export async function closeWithoutWaiting(worker: Worker): Promise<void> {
  await worker.close(true).catch(() => undefined);
  await worker.disconnect().catch(() => undefined);
}
