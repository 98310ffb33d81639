import { SetMetadata } from '@nestjs/common';

export const ALLOW_PENDING_PASSWORD_KEY = 'pantau:allow-pending-password';

/**
 * The route stays open to a user who must still change their password (me, password, logout).
 * Every other route answers 403 until the password is changed.
 */
export const AllowPendingPassword = () => SetMetadata(ALLOW_PENDING_PASSWORD_KEY, true);
