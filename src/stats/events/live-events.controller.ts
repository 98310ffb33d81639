import { Controller, ForbiddenException, Get, Headers, NotAcceptableException, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { ALL_ROLES, Roles } from '../../auth/roles.decorator.js';
import { LimitedStreams } from '../../auth/stream-slots.js';
import { LiveEventHub } from './live-event-hub.js';

const HEARTBEAT_MS = 25_000;

@ApiTags('stats')
@ApiBearerAuth()
@Controller('events')
export class LiveEventsController {
  constructor(private readonly hub: LiveEventHub) {}

  @Get()
  @Roles(...ALL_ROLES)
  @LimitedStreams()
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'Server-sent events: stored posts, new and changed issues, new alerts (Accept: text/event-stream)',
  })
  async stream(
    @Headers('accept') accept: string | undefined,
    @CurrentPrincipal() principal: Principal | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!accept?.includes('text/event-stream')) {
      throw new NotAcceptableException('Gunakan Accept: text/event-stream untuk aliran peristiwa');
    }
    if (principal?.kind !== 'user') {
      throw new ForbiddenException('Aliran peristiwa hanya untuk pengguna yang masuk');
    }
    response.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
    response.write(`retry: 5000\n\n`);
    let id = 0;
    let closed = false;
    const subscription: { cancel?: () => void } = {};
    const heartbeat = setInterval(() => response.write(`: ping\n\n`), HEARTBEAT_MS);
    request.on('close', () => {
      closed = true;
      clearInterval(heartbeat);
      subscription.cancel?.();
    });
    subscription.cancel = await this.hub.subscribe(
      principal.role,
      (event) => {
        response.write(
          `id: ${++id}\nevent: ${event.type}\ndata: ${JSON.stringify({ at: event.at, ...event.data })}\n\n`,
        );
      },
      () => response.end(),
    );
    if (closed) {
      subscription.cancel();
      return;
    }
    response.write(`event: ready\ndata: {}\n\n`);
  }
}
