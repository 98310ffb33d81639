import { Injectable, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_KEY, RouteAccess } from './roles.decorator.js';

export interface DeclaredRoute {
  /** `Controller_handler`, the OpenAPI operationId Nest's Swagger module gives the route. */
  id: string;
  method: string;
  /** Controller and handler paths as declared (before the global prefix). */
  path: string;
  access: RouteAccess | undefined;
}

function joinPaths(...parts: (string | string[] | undefined)[]): string {
  const segments = parts
    .map((part) => (Array.isArray(part) ? part[0] : part) ?? '')
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment !== '');
  return `/${segments.join('/')}`;
}

/**
 * Every controller route with its declared access, read from Nest's own metadata. The boot fails
 * if any route declares none (the guard would refuse it anyway; this makes the omission loud).
 */
@Injectable()
export class RouteAccessRegistry implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const missing = this.routes().filter((route) => route.access === undefined);
    if (missing.length > 0) {
      throw new Error(
        `Routes without access metadata (add @Roles, @RolesOrApiKey or @Public): ` +
          missing.map((route) => `${route.method} ${route.path} (${route.id})`).join(', '),
      );
    }
  }

  routes(): DeclaredRoute[] {
    const routes: DeclaredRoute[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller?.prototype) {
        continue;
      }
      const controllerPath = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      for (const name of this.scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        const handlerPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (handlerPath === undefined) {
          continue;
        }
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        routes.push({
          id: `${controller.name}_${name}`,
          method: RequestMethod[method],
          path: joinPaths(controllerPath, handlerPath),
          access: this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_KEY, [handler, controller]),
        });
      }
    }
    return routes;
  }
}
