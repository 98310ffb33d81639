import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { JobQueues } from '../queue/job-queues.service.js';
import { QUEUE_BACKEND } from '../queue/queue.module.js';
import type { QueueBackend } from '../queue/queue-backend.js';
import { Public } from '../auth/roles.decorator.js';

/** GET /health: 200 when the database and the queue answer, 503 otherwise. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queues: JobQueues,
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 3000 }), () => this.checkQueue()]);
  }

  private async checkQueue() {
    const indicator = this.indicators.check('queue');
    try {
      const counts = await withTimeout(this.queues.all()[0].getJobCounts('waiting', 'active', 'failed'), 3000);
      return indicator.up({ backend: this.backend.kind, ...counts });
    } catch (error) {
      return indicator.down({
        backend: this.backend.kind,
        message: error instanceof Error ? error.message : 'tidak menjawab',
      });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
