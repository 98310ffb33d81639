import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { RequestInputError } from './request-input.js';

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
    const parser = parserErrorBody(exception);
    if (parser) {
      return parser;
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'string'
          ? payload
          : (healthMessage(payload) ?? (payload as { message?: string | string[] }).message ?? exception.message);
      return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Kesalahan', message: inIndonesian(statusCode, message) };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: STATUS_TEXT[500],
      message: 'Terjadi kesalahan pada server. Silakan coba lagi.',
    };
  }
}

const PARSER_MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'Badan permintaan bukan JSON yang valid',
  'entity.too.large': 'Badan permintaan melebihi batas 10 MB',
  'entity.verify.failed': 'Badan permintaan ditolak',
  'encoding.unsupported': 'Pengodean badan permintaan tidak didukung',
  'charset.unsupported': 'Set karakter badan permintaan tidak didukung',
  'request.aborted': 'Permintaan terputus sebelum selesai',
  'request.size.invalid': 'Panjang badan permintaan tidak sesuai dengan Content-Length',
  'parameters.too.many': 'Terlalu banyak parameter dalam badan permintaan',
};

/**
 * body-parser's errors (malformed JSON, oversize body, refused bytes) carry a status and a type; Nest
 * wraps them in an HttpException whose cause is the original. Answered in Indonesian by type.
 */
function parserErrorBody(exception: unknown): ErrorBody | undefined {
  const candidates = [exception, exception instanceof Error ? exception.cause : undefined];
  for (const candidate of candidates) {
    const error = candidate as { status?: unknown; type?: unknown; message?: unknown } | undefined;
    if (
      typeof error?.status !== 'number' ||
      typeof error.type !== 'string' ||
      error.status < 400 ||
      error.status >= 500
    ) {
      continue;
    }
    const statusCode = error.status;
    const message =
      candidate instanceof RequestInputError
        ? candidate.message
        : (PARSER_MESSAGES[error.type] ?? STATUS_TEXT[statusCode] ?? 'Permintaan tidak valid');
    return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Kesalahan', message };
  }
  return undefined;
}

const HEALTH_PARTS: Record<string, string> = { database: 'basis data', queue: 'antrean' };

/** @nestjs/terminus answers 503 with its report as the payload: name what is down. */
function healthMessage(payload: object): string | undefined {
  const report = payload as { status?: unknown; error?: unknown };
  if (report.status !== 'error' || typeof report.error !== 'object' || report.error === null) {
    return undefined;
  }
  const down = Object.keys(report.error).map((name) => HEALTH_PARTS[name] ?? name);
  return `Layanan belum siap: ${down.join(', ') || 'pemeriksaan'} tidak menjawab`;
}

const ROUTE_NOT_FOUND = /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (.+)$/;

/** Nest's and Express's own English messages (unknown route, bare status texts) in Indonesian. */
function inIndonesian(statusCode: number, message: string | string[]): string | string[] {
  if (typeof message !== 'string') {
    return message;
  }
  const route = ROUTE_NOT_FOUND.exec(message);
  if (route) {
    return `Alamat tidak ditemukan: ${route[1]} ${route[2]}`;
  }
  if (message === STATUS_CODES[statusCode] || message === `${STATUS_CODES[statusCode]} Exception`) {
    return STATUS_TEXT[statusCode] ?? 'Kesalahan';
  }
  return message;
}
