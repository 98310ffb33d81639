/**
 * The optional prose step of a telaahan draft: when an OpenAI-compatible endpoint is configured (PANTAU_LLM_URL),
 * the sentences of Analisis and Kesimpulan are sent to it to be tightened, one string per paragraph or list item,
 * and come back in the same order. The rewording is kept only if every sentence states the same figures and names
 * (fact-guard.ts); otherwise, or when the endpoint fails, the template text stays. Off by default, never required.
 * Post texts are not sent: these two sections are written from templates and the figures.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { BriefSections, RichTextError, SectionKey, TextRun, validateSections } from '../rich-text.js';
import { changedFacts } from './fact-guard.js';

/** The sections the step may reword; the rest (facts, quotes, recommendations) stay exactly as drafted. */
const REWORDED: SectionKey[] = ['analisis', 'kesimpulan'];
const MAX_RESPONSE_BYTES = 256 * 1024;

const INSTRUCTION =
  'Anda penyunting naskah dinas pemerintah daerah. Rapikan setiap kalimat berikut menjadi bahasa Indonesia ' +
  'formal yang ringkas dan jelas. Jangan mengubah, menambah, atau menghapus angka, persentase, tanggal, waktu, ' +
  'nama orang, nama tempat, nama instansi, atau singkatan. Jawab hanya dengan larik JSON berisi string, ' +
  'sebanyak dan seurut masukan.';

export interface ProseOutcome {
  /** 'llm' when the rewording was kept, 'template' otherwise (also when the step is off). */
  source: 'llm' | 'template';
  /** Why the rewording was not kept (Indonesian, for the version note); absent when kept or when off. */
  reason?: string;
}

/** One piece of text the step may reword: a paragraph or a list item made of plain runs only. */
interface Unit {
  text: string;
  replace(text: string): void;
}

@Injectable()
export class ProseRefiner {
  private readonly logger = new Logger('Briefs');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.llm !== undefined;
  }

  /** The sections with Analisis and Kesimpulan reworded when that is safe; the input is not modified. */
  async refine(sections: BriefSections): Promise<{ sections: BriefSections; prose: ProseOutcome }> {
    if (!this.config.llm) {
      return { sections, prose: { source: 'template' } };
    }
    const copy = structuredClone(sections);
    const units = rewordableUnits(copy);
    if (units.length === 0) {
      return { sections, prose: { source: 'template', reason: 'tidak ada kalimat yang dapat dirapikan' } };
    }
    let rewritten: string[];
    try {
      rewritten = await this.ask(units.map((unit) => unit.text));
    } catch (error) {
      // The reason only: never the texts, nor the endpoint's answer.
      this.logger.warn(`Prose step skipped: ${(error as Error).message}`);
      return {
        sections,
        prose: { source: 'template', reason: 'model bahasa tidak dapat dihubungi atau jawabannya tidak sah' },
      };
    }
    if (rewritten.length !== units.length) {
      return { sections, prose: { source: 'template', reason: 'jumlah kalimat dari model bahasa tidak sesuai' } };
    }
    for (const [i, unit] of units.entries()) {
      const problems = changedFacts(unit.text, rewritten[i]);
      if (problems.length > 0) {
        this.logger.warn(`Prose step rejected: the rewording changed facts (${problems.length} problems)`);
        return { sections, prose: { source: 'template', reason: `fakta berubah (${problems.join('; ')})` } };
      }
    }
    units.forEach((unit, i) => unit.replace(rewritten[i].trim()));
    try {
      validateSections(copy);
    } catch (error) {
      if (error instanceof RichTextError) {
        return { sections, prose: { source: 'template', reason: `hasil model bahasa tidak sah (${error.message})` } };
      }
      throw error;
    }
    return { sections: copy, prose: { source: 'llm' } };
  }

  private async ask(texts: string[]): Promise<string[]> {
    const llm = this.config.llm as NonNullable<AppConfig['llm']>;
    const endpoint = llm.url.replace(/\/+$/u, '');
    const url = endpoint.endsWith('/chat/completions') ? endpoint : `${endpoint}/chat/completions`;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(llm.apiKey ? { authorization: `Bearer ${llm.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: llm.model,
        temperature: 0,
        messages: [
          { role: 'system', content: INSTRUCTION },
          { role: 'user', content: JSON.stringify(texts) },
        ],
      }),
      signal: AbortSignal.timeout(llm.timeoutMs),
      redirect: 'error',
    });
    if (!response.ok) {
      throw new Error(`endpoint answered HTTP ${response.status}`);
    }
    const body = await response.text();
    if (Buffer.byteLength(body) > MAX_RESPONSE_BYTES) {
      throw new Error('answer too large');
    }
    const content = (JSON.parse(body) as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message
      ?.content;
    if (typeof content !== 'string') {
      throw new Error('answer has no choices[0].message.content');
    }
    return parseStringArray(content);
  }
}

/** The JSON array of strings in a chat answer (models often wrap it in a code fence or a sentence). */
export function parseStringArray(content: string): string[] {
  const start = content.indexOf('[');
  const end = content.lastIndexOf(']');
  if (start < 0 || end < start) {
    throw new Error('answer holds no JSON array');
  }
  const parsed: unknown = JSON.parse(content.slice(start, end + 1));
  if (!Array.isArray(parsed) || parsed.some((item) => typeof item !== 'string' || item.trim() === '')) {
    throw new Error('answer is not an array of non-empty strings');
  }
  return parsed as string[];
}

const plain = (runs: TextRun[]): boolean => runs.every((run) => !run.bold && !run.italic);

function rewordableUnits(sections: BriefSections): Unit[] {
  const units: Unit[] = [];
  for (const key of REWORDED) {
    for (const block of sections[key]?.blocks ?? []) {
      if (block.type === 'paragraph' && plain(block.runs)) {
        units.push({
          text: block.runs.map((run) => run.text).join(''),
          replace: (text) => (block.runs = [{ text }]),
        });
      } else if (block.type === 'list') {
        block.items.forEach((runs, i) => {
          if (plain(runs)) {
            units.push({
              text: runs.map((run) => run.text).join(''),
              replace: (text) => (block.items[i] = [{ text }]),
            });
          }
        });
      }
    }
  }
  return units;
}
