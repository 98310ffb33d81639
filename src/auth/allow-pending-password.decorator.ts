import { SetMetadata } from '@nestjs/common';

export const ALLOW_PENDING_PASSWORD_KEY = 'pantau:allow-pending-password';

/**
 * The route stays open to a user who must still change their password (me, password, logout).
 * Every other route answers 403 until the password is changed.
 */
export const AllowPendingPassword = () => SetMetadata(ALLOW_PENDING_PASSWORD_KEY, true);

export const ALLOW_PENDING_TWO_FACTOR_KEY = 'pantau:allow-pending-two-factor';

/**
 * The route stays open to an account that PANTAU_REQUIRE_2FA obliges to enrol in two-factor login and that has not
 * yet (me, password, logout, the enrolment routes). Every other route answers 403 until 2FA is on.
 */
export const AllowPendingTwoFactor = () => SetMetadata(ALLOW_PENDING_TWO_FACTOR_KEY, true);
