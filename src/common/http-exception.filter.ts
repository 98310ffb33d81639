import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';

/** What every error response looks like: `{ statusCode, error, message }`, in Indonesian, never a stack trace. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Permintaan tidak valid',
  401: 'Tidak terautentikasi',
  403: 'Akses ditolak',
  404: 'Tidak ditemukan',
  409: 'Konflik',
  413: 'Permintaan terlalu besar',
  415: 'Jenis konten tidak didukung',
  422: 'Data tidak dapat diproses',
  429: 'Terlalu banyak permintaan',
  500: 'Kesalahan server',
  503: 'Layanan tidak tersedia',
};

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      // The message only: request bodies may carry personal data.
      this.logger.error(exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception));
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'string'
          ? payload
          : ((payload as { message?: string | string[] }).message ?? exception.message);
      return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Kesalahan', message };
    }
    // body-parser errors (malformed JSON, oversize body) carry a status of their own.
    const parserError = exception as { status?: number; type?: string };
    if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      const statusCode = parserError.status;
      const message =
        parserError.type === 'entity.parse.failed'
          ? 'Badan permintaan bukan JSON yang valid'
          : parserError.type === 'entity.too.large'
            ? 'Badan permintaan melebihi batas 10 MB'
            : (STATUS_TEXT[statusCode] ?? 'Permintaan tidak valid');
      return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Kesalahan', message };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: STATUS_TEXT[500],
      message: 'Terjadi kesalahan pada server. Silakan coba lagi.',
    };
  }
}
