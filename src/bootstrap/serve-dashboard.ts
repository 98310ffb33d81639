import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `npm run build` puts the dashboard (vite, dashboard/vite.config.ts): dist/dashboard. From the build this file
 * is dist/src/bootstrap/; from the sources (jest) it is src/bootstrap/, and the build is then under dist/ beside it.
 */
export function dashboardDirectory(): string {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return basename(root) === 'dist' ? join(root, 'dashboard') : join(root, 'dist', 'dashboard');
}

/** Paths that belong to the API and never fall back to the dashboard's index.html. */
export const SERVER_PATHS = /^\/(api|health)(\/|$)/;

/**
 * Serves the built dashboard at `/`: hashed assets with a long cache, and index.html (never cached) for every other
 * GET that is not an API path, so the dashboard's own routes (/isu/…, /telusuri) survive a reload. The security
 * headers (CSP) of configureHttp apply, as they are installed before this.
 */
export function serveDashboard(app: NestExpressApplication, directory = dashboardDirectory()): boolean {
  const index = join(directory, 'index.html');
  if (!existsSync(index)) {
    new Logger('Dashboard').warn(`${index} is missing (run npm run build): the dashboard is not served`);
    return false;
  }
  app.use(precompressed(directory));
  app.useStaticAssets(directory, {
    index: false,
    setHeaders: (response, path) => {
      response.setHeader(
        'Cache-Control',
        path.includes(`${join(directory, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || SERVER_PATHS.test(request.path)) {
      next();
      return;
    }
    if (request.path.startsWith('/assets/') || !request.accepts('html')) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}

/**
 * Files the build compressed ahead (gzip -9 `.gz` siblings): the hashed scripts and stylesheets (`/assets/…`,
 * dashboard/precompress.ts) and the choropleth's boundary files (`/geo/….json`, geo-split.ts), sent as the `.gz` to
 * browsers that accept gzip. The API compresses nothing at run time.
 */
function precompressed(directory: string) {
  return (request: Request, response: Response, next: NextFunction) => {
    const match = /^\/((?:assets\/[\w.-]+\.(?:js|css))|(?:geo\/(?:regencies\/)?[\w.-]+\.json))$/.exec(request.path);
    const file = match ? join(directory, `${match[1]}.gz`) : undefined;
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD') || !existsSync(file)) {
      next();
      return;
    }
    response.vary('Accept-Encoding');
    if (!request.acceptsEncodings('gzip')) {
      next();
      return;
    }
    const asset = match![1].startsWith('assets/');
    response.setHeader('Content-Encoding', 'gzip');
    response.setHeader('Cache-Control', asset ? 'public, max-age=31536000, immutable' : 'no-cache');
    response.type(extname(match![1]));
    response.sendFile(file);
  };
}
