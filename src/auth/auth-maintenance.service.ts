import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { LoginThrottleService } from './login-throttle.service.js';
import { SessionsService } from './sessions.service.js';

/** Hourly: forget old login attempts and sessions that ended more than a day ago. */
@Injectable()
export class AuthMaintenanceService {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionsService,
  ) {}

  @Interval('auth-maintenance', 3600_000)
  async purge(): Promise<void> {
    try {
      await this.throttle.purgeOld();
      await this.sessions.purgeEnded();
    } catch (error) {
      this.logger.warn(`Purging old sessions and login attempts failed: ${String(error)}`);
    }
  }
}
