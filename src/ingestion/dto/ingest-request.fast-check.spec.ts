import { jest } from '@jest/globals';
import 'reflect-metadata';
import { createValidationPipe } from '../../common/validation.pipe.js';
import { IngestRequestDto } from './ingest-request.dto.js';
import { isCertainlyValidIngestRequest } from './ingest-request.fast-check.js';

const NOW = Date.parse('2026-11-24T08:00:00Z');

/** The verdict of the global pipe on the DTO (what the route answers without the fast check). */
async function dtoAccepts(body: unknown): Promise<boolean> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: IngestRequestDto });
    return true;
  } catch {
    return false;
  }
}

const post = (over: Record<string, unknown> = {}) => ({
  externalId: 'p-1',
  text: 'jalan rusak di depan pasar',
  createdAt: '2026-11-24T07:15:00+08:00',
  author: 'warga1',
  url: 'https://example.org/p/1',
  lang: 'id',
  metrics: { likes: 3, replies: 0, reposts: 1, views: 10 },
  ...over,
});

const CASES: [string, unknown][] = [
  ['a full post', { source: 'uji', posts: [post()] }],
  ['a minimal post', { source: 'uji', posts: [{ externalId: 'x', text: 'ok', createdAt: '2026-11-24T07:00:00Z' }] }],
  ['an empty text', { source: 'uji', posts: [post({ text: ' ' })] }],
  ['a javascript: link', { source: 'uji', posts: [post({ url: 'javascript:alert(1)' })] }],
  ['likes beyond the column', { source: 'uji', posts: [post({ metrics: { likes: 1e20 } })] }],
  ['1,000 posts', { source: 'uji', posts: Array.from({ length: 1000 }, (_, i) => post({ externalId: `p${i}` })) }],
  ['1,001 posts', { source: 'uji', posts: Array.from({ length: 1001 }, (_, i) => post({ externalId: `p${i}` })) }],
  ['no posts', { source: 'uji', posts: [] }],
  ['posts not an array', { source: 'uji', posts: post() }],
  ['an empty source', { source: '', posts: [post()] }],
  ['an unknown top-level field', { source: 'uji', posts: [post()], extra: 1 }],
  ['an unknown post field', { source: 'uji', posts: [post({ mood: 'x' })] }],
  ['an unknown metric', { source: 'uji', posts: [post({ metrics: { likes: 1, hearts: 2 } })] }],
  ['a negative metric', { source: 'uji', posts: [post({ metrics: { likes: -1 } })] }],
  ['likes beyond the integer column', { source: 'uji', posts: [post({ metrics: { likes: 1e20 } })] }],
  ['likes at the integer limit', { source: 'uji', posts: [post({ metrics: { likes: 2_147_483_647 } })] }],
  ['views beyond exact integers', { source: 'uji', posts: [post({ metrics: { views: 2 ** 60 } })] }],
  ['a fractional metric', { source: 'uji', posts: [post({ metrics: { likes: 1.5 } })] }],
  ['metrics as an array', { source: 'uji', posts: [post({ metrics: [1] })] }],
  ['a null author', { source: 'uji', posts: [post({ author: null })] }],
  ['a numeric text', { source: 'uji', posts: [post({ text: 42 })] }],
  ['an oversize text', { source: 'uji', posts: [post({ text: 'a'.repeat(100_001) })] }],
  ['a text at the limit', { source: 'uji', posts: [post({ text: 'a'.repeat(100_000) })] }],
  ['an emoji-only id', { source: 'uji', posts: [post({ externalId: '\uFE0F' })] }],
  ['an id of 513 characters', { source: 'uji', posts: [post({ externalId: 'x'.repeat(513) })] }],
  ['a long author', { source: 'uji', posts: [post({ author: 'a'.repeat(257) })] }],
  ['an impossible date', { source: 'uji', posts: [post({ createdAt: '2026-02-30T10:00:00Z' })] }],
  ['month 13', { source: 'uji', posts: [post({ createdAt: '2026-13-01T10:00:00Z' })] }],
  ['a date without time', { source: 'uji', posts: [post({ createdAt: '2026-11-24' })] }],
  ['a time with milliseconds', { source: 'uji', posts: [post({ createdAt: '2026-11-24T07:00:00.123Z' })] }],
  ['a time without seconds', { source: 'uji', posts: [post({ createdAt: '2026-11-24T07:00+07:00' })] }],
  ['a leap day', { source: 'uji', posts: [post({ createdAt: '2024-02-29T07:00:00Z' })] }],
  ['words for a time', { source: 'uji', posts: [post({ createdAt: 'kemarin' })] }],
  ['a time in the future', { source: 'uji', posts: [post({ createdAt: '2026-11-24T09:00:00Z' })] }],
  ['a time just inside the tolerance', { source: 'uji', posts: [post({ createdAt: '2026-11-24T08:04:00Z' })] }],
  ['a body that is an array', [post()]],
  ['a null body', null],
];

describe('isCertainlyValidIngestRequest', () => {
  beforeAll(() => {
    jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate'] });
  });

  afterAll(() => {
    jest.useRealTimers();
  });

  it.each(CASES)('should accept %s only if the DTO accepts it', async (_name, body) => {
    if (isCertainlyValidIngestRequest(body, NOW)) {
      expect(await dtoAccepts(body)).toBe(true);
    }
  });

  it('should let the usual requests through without the DTO', () => {
    const usual = CASES.filter(([name]) =>
      ['a full post', 'a minimal post', '1,000 posts', 'a time with milliseconds', 'a leap day'].includes(name),
    );
    for (const [name, body] of usual) {
      expect([name, isCertainlyValidIngestRequest(body, NOW)]).toEqual([name, true]);
    }
  });

  it('should leave every invalid request to the DTO', async () => {
    for (const [name, body] of CASES) {
      if (!(await dtoAccepts(body))) {
        expect([name, isCertainlyValidIngestRequest(body, NOW)]).toEqual([name, false]);
      }
    }
  });
});
