import { Injectable, Logger } from '@nestjs/common';
import { JobQueues } from '../queue/job-queues.service.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import type { FetchSourceJob } from '../queue/job-payloads.js';
import type { Source } from './entities/source.entity.js';

/** Types that are fetched on a schedule (push sources are fed from outside; imports are one-off). */
export function isScheduledType(type: string): boolean {
  return type !== 'push';
}

export function schedulerIdOf(sourceId: string): string {
  return `source-fetch-${sourceId}`;
}

/**
 * One BullMQ job scheduler per active source (`every` = its interval). BullMQ adds the first job at
 * once, so a new or resumed source is fetched right away. Back-off is not done by rescheduling: the
 * fetch skips ticks while `next_run_at` lies ahead (see source-health.ts).
 */
@Injectable()
export class SourceScheduler {
  private readonly logger = new Logger(SourceScheduler.name);

  constructor(private readonly queues: JobQueues) {}

  async sync(source: Pick<Source, 'id' | 'type' | 'status' | 'intervalSeconds'>): Promise<void> {
    if (source.status === 'active' && isScheduledType(source.type)) {
      await this.queue().upsertJobScheduler(
        schedulerIdOf(source.id),
        { every: source.intervalSeconds * 1000 },
        { name: JobName.FetchSource, data: { sourceId: source.id } satisfies FetchSourceJob },
      );
    } else {
      await this.remove(source.id);
    }
  }

  async remove(sourceId: string): Promise<void> {
    await this.queue().removeJobScheduler(schedulerIdOf(sourceId));
  }

  /** Fetch now (manual run or a follow-up page); deduplicated while one is already waiting. */
  async runNow(sourceId: string, delayMs = 0): Promise<string> {
    return this.queues.enqueue(
      JobName.FetchSource,
      { sourceId, force: true },
      { jobId: `source-run-${sourceId}-${Math.floor(Date.now() / 1000)}`, delay: delayMs, attempts: 1 },
    );
  }

  /** Makes the schedulers match the table (after a restart, or if one was lost). */
  async reconcile(active: Source[]): Promise<void> {
    const wanted = new Set(active.filter((s) => isScheduledType(s.type)).map((s) => schedulerIdOf(s.id)));
    const existing = await this.queue().getJobSchedulers(0, -1);
    for (const scheduler of existing) {
      const id = scheduler.key;
      if (id.startsWith('source-fetch-') && !wanted.has(id)) {
        await this.queue().removeJobScheduler(id);
      }
    }
    for (const source of active) {
      const current = existing.find((s) => s.key === schedulerIdOf(source.id));
      if (isScheduledType(source.type) && Number(current?.every) !== source.intervalSeconds * 1000) {
        await this.sync(source);
      }
    }
    this.logger.log(`Source schedules reconciled: ${wanted.size} active`);
  }

  private queue() {
    return this.queues.queue(QueueName.Sources);
  }
}
