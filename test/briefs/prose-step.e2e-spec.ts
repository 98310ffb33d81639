import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import request from 'supertest';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import type { SectionContent } from '../../src/briefs/rich-text.js';
import { BUCKET_MS, floodStream } from '../issues/issue-stream.js';
import { loginAs } from '../support/auth.js';
import { ingestInBatches } from '../support/ingest-batches.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

type Mode = 'reword' | 'change-number' | 'invent-place' | 'fail' | 'silent';

/** Every paragraph and list item of a section, as plain strings in document order. */
function units(section: SectionContent | undefined): string[] {
  return (section?.blocks ?? []).flatMap((block) =>
    block.type === 'paragraph'
      ? [block.runs.map((run) => run.text).join('')]
      : block.type === 'list'
        ? block.items.map((runs) => runs.map((run) => run.text).join(''))
        : [],
  );
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The optional prose step against a local server that speaks the OpenAI chat-completions shape: a rewording that
 * keeps the facts is kept; one that changes a figure or invents a name, an error and a timeout all keep the template
 * text, with the reason in the version note.
 */
describe('Briefs: the optional LLM prose step', () => {
  let running: TestSystem;
  let db: pg.Client;
  let llm: Server;
  let mode: Mode = 'reword';
  const requests: { path: string; authorization?: string; body: { model: string; messages: { content: string }[] } }[] =
    [];
  let analyst: string;
  let floodId: string;
  const start = Math.floor((Date.now() - 20 * 3600_000) / BUCKET_MS) * BUCKET_MS;
  const api = () => request(running.url);

  beforeAll(async () => {
    llm = createServer((req, res) => void answer(req, res));
    const answer = async (req: IncomingMessage, res: ServerResponse) => {
      const parsed = JSON.parse(await body(req));
      requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body: parsed });
      if (mode === 'silent') {
        return; // never answers: the product's timeout must end the wait
      }
      if (mode === 'fail') {
        res.writeHead(500).end('{"error":"overloaded"}');
        return;
      }
      const texts = JSON.parse(parsed.messages[1].content) as string[];
      const withNumber = texts.findIndex((text) => /\d/u.test(text));
      const reworded = texts.map((text, i) => {
        if (mode === 'change-number' && i === Math.max(withNumber, 0)) {
          // Change a figure where the sentence has one, or state one that the data does not.
          return withNumber >= 0 ? text.replace(/\d+/u, '999') : `${text} Sebanyak 999 warga terdampak.`;
        }
        if (mode === 'invent-place' && i === 0) {
          return `${text} Warga Kecamatan Loa Janan juga terdampak.`;
        }
        return `Catatan: ${text}`;
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'chatcmpl-uji',
          object: 'chat.completion',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: '```json\n' + JSON.stringify(reworded) + '\n```' },
              finish_reason: 'stop',
            },
          ],
        }),
      );
    };
    await new Promise<void>((resolve) => llm.listen(0, '127.0.0.1', resolve));
    const port = (llm.address() as AddressInfo).port;
    running = await startTestSystem({
      env: {
        PANTAU_HOME_REGION: '64.72',
        PANTAU_LLM_URL: `http://127.0.0.1:${port}/v1`,
        PANTAU_LLM_MODEL: 'model-uji',
        PANTAU_LLM_API_KEY: 'kunci-uji',
        PANTAU_LLM_TIMEOUT_SECONDS: '2',
      },
    });
    db = new pg.Client(running.database.url);
    await db.connect();
    analyst = await loginAs(running, 'analyst');
    const ingest = running.system.app.get(IngestService);
    const source = await ingest.findOrCreatePushSource('uji-prosa');
    const { posts } = floodStream(start, { prefix: 'prosa' });
    await ingestInBatches(ingest, source.id, posts);
    const admin = await loginAs(running, 'admin');
    expect((await api().post('/api/issues/detect').auth(admin, { type: 'bearer' }).send()).status).toBe(200);
    const list = await api().get('/api/issues?category=bencana').auth(analyst, { type: 'bearer' });
    floodId = list.body.items.find((i: { label: string }) => /banjir|kunjang/iu.test(i.label)).id;
  });

  afterAll(async () => {
    await db?.end();
    await running?.stop();
    await new Promise((resolve) => llm?.close(resolve));
  });

  const draft = async (as: Mode) => {
    mode = as;
    const created = await api().post(`/api/issues/${floodId}/briefs`).auth(analyst, { type: 'bearer' }).expect(201);
    const versions = await api().get(`/api/briefs/${created.body.id}/versions`).auth(analyst, { type: 'bearer' });
    return { brief: created.body, note: versions.body.items[0].comment as string | null };
  };

  it('should keep the template text when the endpoint fails or does not answer in time, and say why', async () => {
    const failed = await draft('fail');
    expect(failed.note).toBe('Teks templat dipakai: model bahasa tidak dapat dihubungi atau jawabannya tidak sah');
    const began = Date.now();
    const silent = await draft('silent');
    expect(Date.now() - began).toBeLessThan(30_000);
    expect(silent.note).toBe(failed.note);
    expect(units(silent.brief.sections.analisis)).toEqual(units(failed.brief.sections.analisis));
    expect(units(failed.brief.sections.analisis).length).toBeGreaterThan(0);
  });

  it('should keep a rewording that states the same figures and names, only in Analisis and Kesimpulan', async () => {
    const template = await draft('fail');
    const before = requests.length;
    const kept = await draft('reword');
    expect(requests).toHaveLength(before + 1);
    const call = requests[requests.length - 1];
    expect(call.path).toBe('/v1/chat/completions');
    expect(call.authorization).toBe('Bearer kunci-uji');
    expect(call.body.model).toBe('model-uji');
    const sent = JSON.parse(call.body.messages[1].content) as string[];
    expect(sent).toEqual([...units(template.brief.sections.analisis), ...units(template.brief.sections.kesimpulan)]);
    // No post text leaves the product: the quotes are in Fakta, which is not sent.
    for (const quote of template.brief.figures.quotes as { text: string }[]) {
      expect(call.body.messages[1].content).not.toContain(quote.text);
    }
    for (const key of ['analisis', 'kesimpulan'] as const) {
      expect(units(kept.brief.sections[key])).toEqual(units(template.brief.sections[key]).map((t) => `Catatan: ${t}`));
    }
    for (const key of ['persoalan', 'fakta', 'saran'] as const) {
      expect(kept.brief.sections[key]).toEqual(template.brief.sections[key]);
    }
    expect(kept.note).toMatch(/^Kalimat Analisis dan Kesimpulan dirapikan oleh model bahasa/u);
    const audit = await db.query(
      `SELECT details->>'prose' AS prose FROM audit_log WHERE action = 'brief.create' AND target_id = $1`,
      [kept.brief.id],
    );
    expect(audit.rows).toEqual([{ prose: 'llm' }]);
  });

  it('should reject a rewording that changes a figure or invents a place, and keep the template text', async () => {
    const template = await draft('fail');
    const changed = await draft('change-number');
    expect(changed.note).toMatch(/^Teks templat dipakai: fakta berubah \((angka hilang: [^;]*; )?angka baru: 999\)$/u);
    expect(changed.brief.sections.analisis).toEqual(template.brief.sections.analisis);
    expect(changed.brief.sections.kesimpulan).toEqual(template.brief.sections.kesimpulan);
    const invented = await draft('invent-place');
    expect(invented.note).toMatch(/^Teks templat dipakai: fakta berubah \(nama baru: (Kecamatan, )?Loa, Janan\)$/u);
    expect(invented.brief.sections.analisis).toEqual(template.brief.sections.analisis);
  });
});
