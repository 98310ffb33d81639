import { INestApplication, RequestMethod } from '@nestjs/common';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';
import { requestContext } from '../auth/request-context.js';
import { refuseNulInUrl, verifyFormBody, verifyJsonBody } from '../common/request-input.js';
import { IdParameterPipe } from '../common/id-parameter.pipe.js';
import { QueryParametersInterceptor } from '../common/query-parameters.interceptor.js';
import { HttpExceptionFilter } from '../common/http-exception.filter.js';
import { createValidationPipe } from '../common/validation.pipe.js';
import { SERVER_PATHS, serveDashboard } from './serve-dashboard.js';

export const BODY_LIMIT = '10mb';

function noStoreForApi(request: Request, response: Response, next: NextFunction): void {
  if (SERVER_PATHS.test(request.path)) {
    response.setHeader('Cache-Control', 'no-store');
  }
  next();
}

/** Everything HTTP-wide: security headers, body limit, validation, error shape, OpenAPI. */
export function configureHttp(app: INestApplication, config: Pick<AppConfig, 'trustedProxies'>): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  // First: every answer carries the security headers, also the 400s of the URL and body checks below.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          // Deployments on a plain-http intranet address must still load their own scripts (HSTS covers https).
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  // API answers hold personal data and session state: no browser or proxy keeps a copy (the dashboard's files set
  // their own caching in serve-dashboard.ts).
  express.use(noStoreForApi);
  // X-Forwarded-For is believed only from the configured proxies; by default the socket is the client.
  express.set('trust proxy', config.trustedProxies.length > 0 ? config.trustedProxies : false);
  // The request's address for the audit log, whichever module records an entry.
  express.use(requestContext);
  // Before any parser or route: a NUL in the path or query string is refused with 400.
  express.use(refuseNulInUrl);
  // The JSON body's bytes are checked before parsing: depth ≤ 64, no NUL or lone surrogate escapes.
  // (`verify` is typed as Nest's own, used only with `rawBody: true`, which this application doesn't set.)
  express.useBodyParser('json', {
    limit: BODY_LIMIT,
    verify: verifyJsonBody,
  } as NestExpressBodyParserOptionsFor<'json'>);
  express.useBodyParser('urlencoded', {
    limit: BODY_LIMIT,
    extended: false,
    verify: verifyFormBody,
  } as NestExpressBodyParserOptionsFor<'urlencoded'>);
  app.use(cookieParser());
  serveDashboard(express);
  app.setGlobalPrefix('api', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(new IdParameterPipe(), createValidationPipe());
  app.useGlobalInterceptors(new QueryParametersInterceptor());
  app.useGlobalFilters(new HttpExceptionFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Pantau Isu API')
      .setDescription('Pemantauan isu media sosial untuk Diskominfo daerah')
      .setVersion('1')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
}
