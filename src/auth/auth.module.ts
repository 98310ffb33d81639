import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessGuard } from './access.guard.js';
import { ApiKeyService } from './api-key.service.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';
import { AuthMaintenanceService } from './auth-maintenance.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { InitialAdminService } from './initial-admin.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { ProfileController } from './profile.controller.js';
import { RateLimiter } from './rate-limit.js';
import { StreamSlots } from './stream-slots.js';
import { JobQueues } from '../queue/job-queues.service.js';
import { createQueueBoard, QUEUE_BOARD_ROUTE, queueBoardAccess } from './queue-board.js';
import { RouteAccessRegistry } from './route-access.registry.js';
import { SessionsService } from './sessions.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';
import { LoginChallengesService } from './two-factor/login-challenges.service.js';
import { TwoFactorController } from './two-factor/two-factor.controller.js';
import { TwoFactorService } from './two-factor/two-factor.service.js';

/**
 * Accounts, sessions, roles and access (see docs/auth.md). Global: every module may inject
 * AuditService and ApiKeyService, and the AccessGuard guards every route of the application.
 */
@Global()
@Module({
  imports: [JwtModule.register({}), DiscoveryModule],
  controllers: [AuthController, UsersController, AuditController, ProfileController, TwoFactorController],
  providers: [
    SessionsService,
    LoginThrottleService,
    AuthService,
    TwoFactorService,
    LoginChallengesService,
    UsersService,
    AuditService,
    ApiKeyService,
    InitialAdminService,
    AuthMaintenanceService,
    RouteAccessRegistry,
    { provide: RateLimiter, useValue: new RateLimiter() },
    { provide: StreamSlots, useValue: new StreamSlots() },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuditService, ApiKeyService, SessionsService, UsersService, RouteAccessRegistry],
})
export class AuthModule implements NestModule {
  constructor(
    private readonly sessions: SessionsService,
    private readonly queues: JobQueues,
  ) {}

  /** The admin queue view at /api/admin/queues (the global prefix is added by Nest and by bull-board's base path). */
  configure(consumer: MiddlewareConsumer): void {
    const board = createQueueBoard(this.queues.all(), `/api${QUEUE_BOARD_ROUTE}`);
    consumer.apply(queueBoardAccess(this.sessions), board.getRouter()).forRoutes(QUEUE_BOARD_ROUTE);
  }
}
