import { Controller, Get, Post } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { RateLimiter } from './rate-limit.js';
import { StreamSlots } from './stream-slots.js';
import { AccessGuard } from './access.guard.js';
import { ApiKeyService } from './api-key.service.js';
import { RouteAccessRegistry } from './route-access.registry.js';
import { Public, Role, Roles } from './roles.decorator.js';
import { SessionsService } from './sessions.service.js';

@Controller('reports')
class ReportsController {
  @Get()
  @Roles(Role.Analyst)
  list() {
    return [];
  }

  @Post('export')
  export() {
    return 'forgot to declare';
  }

  @Get('public')
  @Public()
  open() {
    return 'ok';
  }
}

@Roles(Role.Admin)
@Controller('settings')
class SettingsController {
  @Get()
  read() {
    return {};
  }
}

function registryOver(...controllers: unknown[]): RouteAccessRegistry {
  const discovery = {
    getControllers: () => controllers.map((metatype) => ({ metatype })),
  } as unknown as DiscoveryService;
  return new RouteAccessRegistry(discovery, new MetadataScanner(), new Reflector());
}

describe('RouteAccessRegistry', () => {
  it('should list routes with their access, class-level roles included', () => {
    const routes = registryOver(ReportsController, SettingsController).routes();
    expect(routes).toEqual(
      expect.arrayContaining([
        {
          id: 'ReportsController_list',
          method: 'GET',
          path: '/reports',
          access: { kind: 'roles', roles: ['analyst'], apiKey: false },
        },
        { id: 'ReportsController_export', method: 'POST', path: '/reports/export', access: undefined },
        { id: 'ReportsController_open', method: 'GET', path: '/reports/public', access: { kind: 'public' } },
        {
          id: 'SettingsController_read',
          method: 'GET',
          path: '/settings',
          access: { kind: 'roles', roles: ['admin'], apiKey: false },
        },
      ]),
    );
  });

  it('should fail the boot naming every route without access metadata', () => {
    expect(() => registryOver(ReportsController).onApplicationBootstrap()).toThrow(
      'Routes without access metadata (add @Roles, @RolesOrApiKey or @Public): POST /reports/export (ReportsController_export)',
    );
    expect(() => registryOver(SettingsController).onApplicationBootstrap()).not.toThrow();
  });
});

describe('AccessGuard', () => {
  const guard = new AccessGuard(
    new Reflector(),
    {} as SessionsService,
    {} as ApiKeyService,
    new RateLimiter(),
    new StreamSlots(),
  );
  const contextFor = (handler: (...args: never[]) => unknown, headers: Record<string, string> = {}) =>
    new ExecutionContextHost([{ headers, method: 'GET', cookies: {} }, {}], ReportsController, handler);

  it('should deny a route that declares no access (deny by default)', async () => {
    await expect(guard.canActivate(contextFor(ReportsController.prototype.export))).rejects.toMatchObject({
      status: 403,
    });
  });

  it('should let a public route through and ask for a session elsewhere', async () => {
    await expect(guard.canActivate(contextFor(ReportsController.prototype.open))).resolves.toBe(true);
    await expect(guard.canActivate(contextFor(ReportsController.prototype.list))).rejects.toMatchObject({
      status: 401,
    });
  });
});
