import { SetMetadata } from '@nestjs/common';

export enum Role {
  Admin = 'admin',
  Analyst = 'analyst',
  Pimpinan = 'pimpinan',
}

export const ALL_ROLES: readonly Role[] = [Role.Admin, Role.Analyst, Role.Pimpinan];

export const ACCESS_KEY = 'pantau:access';

/** Who may call a route. Every route declares it: a route without `@Roles` or `@Public` is refused (deny by default). */
export type RouteAccess = { kind: 'public' } | { kind: 'roles'; roles: Role[]; apiKey: boolean };

export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_KEY, { kind: 'roles', roles, apiKey: false } satisfies RouteAccess);

/** The route also accepts a push source's `X-Api-Key` (the source is then fixed by the key). */
export const RolesOrApiKey = (...roles: Role[]) =>
  SetMetadata(ACCESS_KEY, { kind: 'roles', roles, apiKey: true } satisfies RouteAccess);

export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies RouteAccess);
