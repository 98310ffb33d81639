import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { createBullBoard } from '@bull-board/api';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { AUTH_MESSAGES } from './auth.constants.js';
import { sessionTokenOf } from './access.guard.js';
import type { AuthenticatedRequest } from './principal.js';
import { Role } from './roles.decorator.js';
import { SessionsService } from './sessions.service.js';

/** The admin queue view (bull-board), under the global prefix: /api/admin/queues. */
export const QUEUE_BOARD_ROUTE = '/admin/queues';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function refuse(response: Response, statusCode: number, message: string): void {
  response
    .status(statusCode)
    .json({ statusCode, error: statusCode === 401 ? 'Tidak terautentikasi' : 'Akses ditolak', message });
}

/**
 * bull-board is Express middleware, outside Nest's guards: this middleware applies the same rules
 * (live admin session by cookie or Bearer, password already changed). The board's own buttons
 * (retry, clean) send no custom header, so a state-changing request must come from this origin.
 */
export function queueBoardAccess(sessions: SessionsService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const credential = sessionTokenOf(request as AuthenticatedRequest);
    if (!credential) {
      refuse(response, 401, AUTH_MESSAGES.notSignedIn);
      return;
    }
    sessions.authenticate(credential.token).then(
      (session) => {
        if (!session) {
          refuse(response, 401, AUTH_MESSAGES.sessionInvalid);
        } else if (session.role !== Role.Admin) {
          refuse(response, 403, AUTH_MESSAGES.forbiddenRole);
        } else if (session.mustChangePassword) {
          refuse(response, 403, AUTH_MESSAGES.mustChangePassword);
        } else if (session.mustEnrolTwoFactor) {
          refuse(response, 403, AUTH_MESSAGES.mustEnrolTwoFactor);
        } else if (credential.via === 'cookie' && !SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
          refuse(response, 403, 'Permintaan ditolak: asal permintaan tidak sama dengan aplikasi ini');
        } else {
          next();
        }
      },
      (error: unknown) => next(error),
    );
  };
}

function sameOrigin(request: Request): boolean {
  const origin = request.headers.origin ?? request.headers.referer;
  if (!origin) {
    return false;
  }
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * bull-board on its Express adapter, mounted by AuthModule. (@bull-board/nestjs is not used: it is
 * CommonJS requiring @nestjs/common, which NestJS 12 publishes as ES modules only, and jest's
 * module runtime cannot load that.)
 */
export function createQueueBoard(queues: Queue[], basePath: string): ExpressAdapter {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    // BullMQAdapter is typed against the bullmq version bull-board was built with.
    queues: queues.map((queue) => new BullMQAdapter(queue as never)),
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'Antrean Pantau Isu' } },
  });
  return serverAdapter;
}
