import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from './roles.decorator.js';

/** Who is calling: a signed-in user, or a push source authenticated by its API key. */
export type Principal =
  | { kind: 'user'; userId: string; username: string; role: Role }
  | { kind: 'source'; sourceId: string };

/** The access guard puts the principal on the request; routes read it with `@CurrentPrincipal()`. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<{ principal?: Principal }>().principal,
);
