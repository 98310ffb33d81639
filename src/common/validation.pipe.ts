import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** class-validator's built-in messages that users meet without a DTO-specific message. */
const INDONESIAN_DEFAULTS: Record<string, string> = {
  whitelistValidation: 'kolom tidak dikenal',
  unknownValue: 'nilai tidak dikenal',
  nestedValidation: 'harus berupa objek',
  isDefined: 'wajib diisi',
  isNotEmpty: 'wajib diisi',
  isString: 'harus berupa teks',
  isInt: 'harus bilangan bulat',
  isNumber: 'harus berupa angka',
  isBoolean: 'harus true atau false',
  isArray: 'harus berupa larik',
  isObject: 'harus berupa objek',
  isUuid: 'harus id yang valid',
  isIn: 'nilai tidak dikenal',
  isEnum: 'nilai tidak dikenal',
  isIso8601: 'harus waktu ISO 8601 yang valid',
  isUrl: 'harus alamat URL yang valid',
  isEmail: 'harus alamat e-mail yang valid',
  min: 'terlalu kecil',
  max: 'terlalu besar',
  minLength: 'terlalu pendek',
  maxLength: 'terlalu panjang',
  arrayMinSize: 'terlalu sedikit butir',
  arrayMaxSize: 'terlalu banyak butir',
  matches: 'bentuknya tidak valid',
};

/** A reason without the field name that class-validator's English defaults start with (`name must be …`). */
function reasonOf(error: ValidationError, constraint: string, reason: string): string {
  const indonesian = INDONESIAN_DEFAULTS[constraint];
  if (indonesian && /\b(must|should)\b|nested property/.test(reason)) {
    return indonesian;
  }
  const ownPrefix = `${error.property}: `;
  return reason.startsWith(ownPrefix) ? reason.slice(ownPrefix.length) : reason;
}

/** Flattens nested validation errors into `field.path: reason` lines (e.g. `posts.3.createdAt: ...`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(
      ([constraint, reason]) => `${path}: ${reasonOf(error, constraint, reason)}`,
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
