import { ArgumentsHost, PayloadTooLargeException, ServiceUnavailableException } from '@nestjs/common';
import { HttpExceptionFilter } from './http-exception.filter.js';
import { scanJsonBody } from './request-input.js';

function answer(exception: unknown): { status: number; body: unknown } {
  const sent: { status: number; body: unknown } = { status: 0, body: undefined };
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return sent;
}

describe(HttpExceptionFilter.name, () => {
  it('should name what is down when the health check answers 503 (as @nestjs/terminus throws it)', () => {
    const report = {
      status: 'error',
      info: { queue: { status: 'up' } },
      error: { database: { status: 'down', message: 'timeout' } },
      details: {},
    };
    expect(answer(new ServiceUnavailableException(report))).toEqual({
      status: 503,
      body: {
        statusCode: 503,
        error: 'Layanan tidak tersedia',
        message: 'Layanan belum siap: basis data tidak menjawab',
      },
    });
  });

  it('should answer bare English status texts in Indonesian', () => {
    expect(answer(new PayloadTooLargeException()).body).toEqual({
      statusCode: 413,
      error: 'Permintaan terlalu besar',
      message: 'Permintaan terlalu besar',
    });
  });
});

describe('scanJsonBody', () => {
  it.each([
    ['{"a":"x\\u0000"}', 'badCharacter'],
    ['{"a":"\\ud800"}', 'badCharacter'],
    ['{"a":"\\ud800x"}', 'badCharacter'],
    ['{"a":"\\udc00"}', 'badCharacter'],
    ['{"a":"\\ud83d\\ude00"}', null],
    ['{"a":"\\\\u0000"}', null],
    ['{"a":"[[[[", "b": 1}', null],
    [`{"a":${'['.repeat(64)}${']'.repeat(64)}}`, 'tooDeep'],
    [`${'['.repeat(64)}${']'.repeat(64)}`, null],
  ])('%s → %s', (body, expected) => {
    expect(scanJsonBody(Buffer.from(body))).toBe(expected);
  });
});
