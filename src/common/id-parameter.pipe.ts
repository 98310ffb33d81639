import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** Path parameters that name a row: a UUID, or a bigint id (posts, audit entries). */
const ID_PARAMETERS = new Set(['id', 'did', 'jobId', 'ruleId', 'issueId']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BIGINT_ID = /^[1-9]\d{0,18}$/;

/**
 * Global pipe: an id in the path that can't be an id at all answers 400 naming the parameter,
 * before any service looks it up (a well-formed id that names nothing stays 404).
 */
@Injectable()
export class IdParameterPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param' || !metadata.data || !ID_PARAMETERS.has(metadata.data)) {
      return value;
    }
    if (typeof value === 'string' && (UUID.test(value) || BIGINT_ID.test(value))) {
      return value;
    }
    throw new BadRequestException([`${metadata.data}: id tidak valid`]);
  }
}
