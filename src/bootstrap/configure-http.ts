import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';
import { HttpExceptionFilter } from '../common/http-exception.filter.js';
import { createValidationPipe } from '../common/validation.pipe.js';
import { serveDashboard } from './serve-dashboard.js';

export const BODY_LIMIT = '10mb';

/** Everything HTTP-wide: security headers, body limit, validation, error shape, OpenAPI. */
export function configureHttp(app: INestApplication, config: Pick<AppConfig, 'trustedProxies'>): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  // X-Forwarded-For is believed only from the configured proxies; by default the socket is the client.
  express.set('trust proxy', config.trustedProxies.length > 0 ? config.trustedProxies : false);
  express.useBodyParser('json', { limit: BODY_LIMIT });
  express.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
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
  app.use(cookieParser());
  serveDashboard(express);
  app.setGlobalPrefix('api', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
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
