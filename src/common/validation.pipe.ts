import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** class-validator's built-in messages that users meet without a DTO-specific message. */
const INDONESIAN_DEFAULTS: Record<string, string> = {
  whitelistValidation: 'kolom tidak dikenal',
  unknownValue: 'nilai tidak dikenal',
};

/** Flattens nested validation errors into `field.path: reason` lines (e.g. `posts.3.createdAt: ...`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(
      ([constraint, reason]) => `${path}: ${INDONESIAN_DEFAULTS[constraint] ?? reason}`,
    );
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/** The global pipe: whitelist, forbid unknown fields, transform; messages name the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new BadRequestException(flattenValidationErrors(errors)),
  });
}
