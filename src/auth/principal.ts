import type { Request } from 'express';
import { Role } from './roles.decorator.js';
import type { SessionUser } from './sessions.service.js';

/** Who is calling: a signed-in user, or a push source authenticated by its API key. */
export type Principal =
  { kind: 'user'; userId: string; username: string; role: Role } | { kind: 'source'; sourceId: string };

/** The request as the access guard leaves it. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  /** The session behind a user principal (for me, logout and password change). */
  sessionUser?: SessionUser;
}

/** Also exported here: some modules import it from this file. */
export { CurrentPrincipal } from './current-principal.decorator.js';
