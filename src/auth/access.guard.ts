import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Response } from 'express';
import { Reflector } from '@nestjs/core';
import { ALLOW_PENDING_PASSWORD_KEY, ALLOW_PENDING_TWO_FACTOR_KEY } from './allow-pending-password.decorator.js';
import { ApiKeyService } from './api-key.service.js';
import { AUTH_MESSAGES, CSRF_HEADER, SESSION_COOKIE } from './auth.constants.js';
import type { AuthenticatedRequest, Principal } from './principal.js';
import { RATE_LIMIT_KEY, RateLimiter, type RateLimitRule } from './rate-limit.js';
import { ACCESS_KEY, RouteAccess } from './roles.decorator.js';
import { SessionsService } from './sessions.service.js';
import { STREAM_LIMIT_KEY, StreamSlots } from './stream-slots.js';

function rateLimitedMessage(seconds: number): string {
  return `Terlalu banyak permintaan untuk fitur ini dalam satu menit. Coba lagi dalam ${seconds} detik.`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The body types a page of another site can post without the browser asking first (CORS "simple" requests). */
const CROSS_SITE_FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * A state-changing request that another site's page could have made: a form or text/plain body without
 * X-Requested-With. Refused on public routes (login CSRF: logging the victim into an account of the attacker's);
 * routes behind a session need X-Requested-With from cookie sessions anyway.
 */
function lookCrossSite(request: AuthenticatedRequest): boolean {
  return (
    !SAFE_METHODS.has(request.method) &&
    !request.headers[CSRF_HEADER] &&
    // A type name when the body is one of them; false for other types, null without a body.
    typeof request.is(CROSS_SITE_FORM_TYPES) === 'string'
  );
}

/** Where the session token came from: the header (scripts) or the cookie (the dashboard). */
export function sessionTokenOf(request: AuthenticatedRequest): { token: string; via: 'bearer' | 'cookie' } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    return { token: header.slice('Bearer '.length).trim(), via: 'bearer' };
  }
  const cookie = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie !== '' ? { token: cookie, via: 'cookie' } : null;
}

/**
 * The global guard (APP_GUARD). Deny by default: a route without access metadata is refused.
 * `@Public` is open; `@Roles` needs a live session of one of the roles; `@RolesOrApiKey` also takes
 * a push source's `X-Api-Key`. Puts the principal on the request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeyService,
    private readonly limiter: RateLimiter,
    private readonly streams: StreamSlots,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const targets = [context.getHandler(), context.getClass()];
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_KEY, targets);
    if (!access) {
      throw new ForbiddenException(AUTH_MESSAGES.undeclaredRoute);
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (access.kind === 'public') {
      if (lookCrossSite(request)) {
        throw new ForbiddenException(AUTH_MESSAGES.csrfForm);
      }
      return true;
    }

    const apiKey = request.headers['x-api-key'];
    if (access.apiKey && typeof apiKey === 'string' && apiKey !== '') {
      const source = await this.apiKeys.verify(apiKey);
      if (!source) {
        throw new UnauthorizedException(AUTH_MESSAGES.apiKeyInvalid);
      }
      request.principal = { kind: 'source', sourceId: source.sourceId };
      return this.spendBudget(context, request.principal);
    }

    const credential = sessionTokenOf(request);
    if (!credential) {
      throw new UnauthorizedException(AUTH_MESSAGES.notSignedIn);
    }
    const session = await this.sessions.authenticate(credential.token);
    if (!session) {
      throw new UnauthorizedException(AUTH_MESSAGES.sessionInvalid);
    }
    if (credential.via === 'cookie' && !SAFE_METHODS.has(request.method) && !request.headers[CSRF_HEADER]) {
      throw new ForbiddenException(AUTH_MESSAGES.csrf);
    }
    if (!access.roles.includes(session.role)) {
      throw new ForbiddenException(AUTH_MESSAGES.forbiddenRole);
    }
    if (session.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD_KEY, targets)) {
      throw new ForbiddenException(AUTH_MESSAGES.mustChangePassword);
    }
    if (
      session.mustEnrolTwoFactor &&
      !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_TWO_FACTOR_KEY, targets)
    ) {
      throw new ForbiddenException(AUTH_MESSAGES.mustEnrolTwoFactor);
    }
    request.principal = { kind: 'user', userId: session.userId, username: session.username, role: session.role };
    request.sessionUser = session;
    return this.spendBudget(context, request.principal);
  }

  /**
   * An expensive route (`@RateLimited`) spends the caller's budget, a stream route (`@LimitedStreams`) takes one of
   * the caller's stream slots; either refused answers 429 (with Retry-After for a spent budget).
   */
  private spendBudget(context: ExecutionContext, principal: Principal): true {
    const targets = [context.getHandler(), context.getClass()];
    const rule = this.reflector.getAllAndOverride<RateLimitRule | undefined>(RATE_LIMIT_KEY, targets);
    const streamLimit = this.reflector.getAllAndOverride<number | undefined>(STREAM_LIMIT_KEY, targets);
    const http = context.switchToHttp();
    const caller = principal.kind === 'user' ? `user:${principal.userId}` : `source:${principal.sourceId}`;
    if (rule && (!rule.when || rule.when(http.getRequest<AuthenticatedRequest>()))) {
      const verdict = this.limiter.take(caller, rule);
      if (!verdict.allowed) {
        http.getResponse<Response>().setHeader('Retry-After', String(verdict.retryAfterSeconds));
        throw new HttpException(rateLimitedMessage(verdict.retryAfterSeconds), HttpStatus.TOO_MANY_REQUESTS);
      }
    }
    if (streamLimit !== undefined && !this.streams.acquire(caller, streamLimit, http.getResponse<Response>())) {
      throw new HttpException(
        `Terlalu banyak aliran peristiwa yang terbuka untuk akun ini (paling banyak ${streamLimit}). Tutup tab lain lalu coba lagi.`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    return true;
  }
}
