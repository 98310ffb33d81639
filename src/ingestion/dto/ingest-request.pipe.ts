import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { createValidationPipe } from '../../common/validation.pipe.js';
import { IngestRequestDto } from './ingest-request.dto.js';
import { isCertainlyValidIngestRequest } from './ingest-request.fast-check.js';

/** The request as the controller receives it (a plain type: the global pipe leaves it to IngestRequestPipe). */
export type IngestRequest = Pick<IngestRequestDto, 'source' | 'posts'>;

/**
 * Validation of POST /api/ingest: the fast check lets a certainly valid request through as parsed; anything else goes
 * to the global pipe's rules on IngestRequestDto, which accept it or answer 400 naming the fields.
 */
@Injectable()
export class IngestRequestPipe implements PipeTransform<unknown, Promise<IngestRequest>> {
  private readonly dto = createValidationPipe();

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<IngestRequest> {
    if (isCertainlyValidIngestRequest(value)) {
      return value;
    }
    return (await this.dto.transform(value, { ...metadata, metatype: IngestRequestDto })) as IngestRequestDto;
  }
}
