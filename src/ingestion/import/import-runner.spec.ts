import { Readable } from 'node:stream';
import type { IngestPostPayload } from '../ingest-post.js';
import { ColumnMapper, parseCount, parseImportTime, parseMappingOption } from './column-mapping.js';
import { sniffDelimiter } from './import-record-reader.js';
import { runImport } from './import-runner.js';

const NOW = new Date('2025-06-01T00:00:00Z');

/** A store that behaves like the ingest path: (external id) stored once. */
function memoryStore() {
  const seen = new Map<string, IngestPostPayload>();
  return {
    seen,
    store: (posts: IngestPostPayload[]) => {
      let stored = 0;
      for (const post of posts) {
        if (!seen.has(post.externalId)) {
          seen.set(post.externalId, post);
          stored++;
        }
      }
      return Promise.resolve({ stored, duplicates: posts.length - stored });
    },
  };
}

describe(runImport.name, () => {
  it('should read and check the next batch while the batches in flight are stored', async () => {
    const lines = Array.from({ length: 6 }, (_, i) =>
      JSON.stringify({ tweet_id: String(i), content: `Jalan rusak ${i}`, date: '2025-05-01 08:00' }),
    );
    let checked = 0;
    let checkedWhileFirstStored = 0;
    const summary = await runImport(Readable.from([lines.join('\n')]), {
      format: 'jsonl',
      batchSize: 2,
      concurrency: 1,
      now: () => {
        checked++;
        return NOW;
      },
      store: async (posts, batchNumber) => {
        if (batchNumber === 0) {
          // Turns of the event loop for the reader while the first batch is being stored.
          for (let turn = 0; turn < 50 && checked < 4; turn++) {
            await new Promise((resolve) => setImmediate(resolve));
          }
          checkedWhileFirstStored = checked;
        }
        return { stored: posts.length, duplicates: 0 };
      },
    });
    // The second batch (records 3 and 4) was read and checked before the first one finished, not after.
    expect(checkedWhileFirstStored).toBe(4);
    expect(summary).toMatchObject({ read: 6, stored: 6, rejected: 0 });
  });

  it('should import JSONL with common export fields and report bad lines by number', async () => {
    const lines = [
      JSON.stringify({
        id_str: '1',
        full_text: 'Jalan rusak di Sempaja',
        created_at: 'Wed Oct 10 20:19:24 +0000 2018',
        user: { screen_name: 'warga1' },
        favorite_count: 3,
      }),
      '{not json',
      JSON.stringify({ tweet_id: '2', content: 'Banjir lagi', date: '2025-05-01 08:00' }),
      '',
      JSON.stringify({ tweet_id: '3', content: '   ', date: '2025-05-01 08:00' }),
      JSON.stringify({ tweet_id: '4', content: 'Besok?', date: '2030-01-01T00:00:00Z' }),
      JSON.stringify({ tweet_id: '2', content: 'Banjir lagi', date: '2025-05-01 08:00' }),
      '[1,2]',
    ];
    const { store, seen } = memoryStore();
    const summary = await runImport(Readable.from([lines.join('\n')]), {
      format: 'jsonl',
      store,
      defaultUtcOffsetMinutes: 8 * 60,
      now: () => NOW,
    });
    expect(summary).toMatchObject({ read: 7, stored: 2, duplicates: 1, rejected: 4 });
    expect(summary.rejections).toEqual([
      { line: 2, reason: 'JSON tidak valid' },
      { line: 5, reason: 'teks kosong' },
      { line: 6, reason: 'waktu lebih dari 5 menit di masa depan' },
      { line: 8, reason: 'baris bukan objek JSON' },
    ]);
    expect(seen.get('1')).toMatchObject({
      author: 'warga1',
      createdAt: '2018-10-10T20:19:24.000Z',
      metrics: { likes: 3 },
    });
    // A time without a zone is read in the home zone (WITA here).
    expect(seen.get('2')?.createdAt).toBe('2025-05-01T00:00:00.000Z');
  });

  it('should import semicolon CSV with quoted multi-line text and an override mapping', async () => {
    const csv =
      'No;Isi Pesan;Tanggal;Akun\n1;"Air PDAM mati; sudah 3 hari\nmohon dibantu";05/05/2025 07:30;@budi\n2;;05/05/2025 07:31;@ani\n';
    const { store, seen } = memoryStore();
    const summary = await runImport(Readable.from([csv]), {
      format: 'csv',
      mapping: parseMappingOption('text=Isi Pesan,id=No'),
      store,
      defaultUtcOffsetMinutes: 7 * 60,
      now: () => NOW,
    });
    expect(summary).toMatchObject({ read: 2, stored: 1, rejected: 1 });
    expect(summary.rejections[0]).toEqual({ line: 4, reason: 'teks kosong' });
    expect(seen.get('1')).toMatchObject({
      text: 'Air PDAM mati; sudah 3 hari\nmohon dibantu',
      author: 'budi',
      createdAt: '2025-05-05T00:30:00.000Z',
    });
  });

  it('should give rows without an id a stable id, so a second import stores nothing twice', async () => {
    const csv = 'text,date\nSampah menumpuk,2025-05-01T01:00:00Z\n';
    const { store } = memoryStore();
    const first = await runImport(Readable.from([csv]), { format: 'csv', store, now: () => NOW });
    const second = await runImport(Readable.from([csv]), { format: 'csv', store, now: () => NOW });
    expect(first).toMatchObject({ stored: 1, duplicates: 0 });
    expect(second).toMatchObject({ stored: 0, duplicates: 1 });
  });

  it('should batch and keep memory to a few batches', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) =>
      JSON.stringify({ id: i, text: `pos ${i}`, timestamp: 1714521600 + i }),
    );
    const sizes: number[] = [];
    const summary = await runImport(Readable.from([rows.join('\n')]), {
      format: 'jsonl',
      batchSize: 1000,
      store: (posts) => {
        sizes.push(posts.length);
        return Promise.resolve({ stored: posts.length, duplicates: 0 });
      },
      now: () => NOW,
    });
    expect(summary.stored).toBe(2500);
    expect(sizes.sort()).toEqual([1000, 1000, 500]);
  });

  it('should stop with the store error', async () => {
    const rows = ['{"id":1,"text":"a","date":"2025-01-01T00:00:00Z"}'];
    await expect(
      runImport(Readable.from([rows.join('\n')]), {
        format: 'jsonl',
        store: () => Promise.reject(new Error('db down')),
        now: () => NOW,
      }),
    ).rejects.toThrow('db down');
  });
});

describe(ColumnMapper.name, () => {
  it('should explain a missing text column', () => {
    expect(new ColumnMapper().map(new Map([['foo', 'x']])).reason).toContain('--map text=');
  });
});

describe('import value parsing', () => {
  it('should read counts the way exports write them', () => {
    expect(parseCount('1,234')).toBe(1234);
    expect(parseCount('1.2K')).toBe(1200);
    expect(parseCount('3 rb')).toBe(3000);
    expect(parseCount('2,5jt')).toBe(2_500_000);
    expect(parseCount('banyak')).toBeUndefined();
  });

  it('should read times in the formats exports use', () => {
    expect(parseImportTime('2025-05-01T08:00:00+07:00', 0)).toBe(Date.parse('2025-05-01T01:00:00Z'));
    expect(parseImportTime(1714521600, 0)).toBe(1714521600000);
    expect(parseImportTime('1714521600000', 0)).toBe(1714521600000);
    expect(parseImportTime('31/12/2024 23:59', 7 * 60)).toBe(Date.parse('2024-12-31T16:59:00Z'));
    expect(parseImportTime('31/02/2024', 0)).toBeUndefined();
    expect(parseImportTime('kemarin', 0)).toBeUndefined();
  });

  it('should refuse a bad --map entry in Indonesian', () => {
    expect(() => parseMappingOption('judul=title')).toThrow('Pemetaan "judul=title" tidak valid');
  });

  it('should sniff the CSV delimiter outside quotes', () => {
    expect(sniffDelimiter('a;b;"c,d,e"')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('text')).toBe(',');
  });
});
