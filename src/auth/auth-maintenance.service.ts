import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { LoginThrottleService } from './login-throttle.service.js';
import { SessionsService } from './sessions.service.js';
import { LoginChallengesService } from './two-factor/login-challenges.service.js';

/** Hourly: forget old login attempts, sessions that ended more than a day ago and expired login challenges. */
@Injectable()
export class AuthMaintenanceService {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionsService,
    private readonly challenges: LoginChallengesService,
  ) {}

  @Interval('auth-maintenance', 3600_000)
  async purge(): Promise<void> {
    try {
      await this.throttle.purgeOld();
      await this.sessions.purgeEnded();
      await this.challenges.purgeExpired();
    } catch (error) {
      this.logger.warn(`Purging old sessions and login attempts failed: ${String(error)}`);
    }
  }
}
