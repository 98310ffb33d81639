/**
 * The text of a brief section: a small JSON tree of paragraphs and numbered lists made of plain-text runs (bold,
 * italic), plus the place of the volume chart. Never HTML: the dashboard renders runs as text nodes and the exporters
 * map them to DOCX/PDF runs, so a post quoted in a brief can never become markup.
 */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface ParagraphBlock {
  type: 'paragraph';
  runs: TextRun[];
}

export interface ListBlock {
  type: 'list';
  /** 'alpha' numbers a., b., c.; 'decimal' 1., 2., 3. */
  style: 'alpha' | 'decimal';
  items: TextRun[][];
}

/** Where the volume chart of the brief's figures goes (Fakta by default). */
export interface ChartBlock {
  type: 'chart';
  chart: 'volume';
}

export type Block = ParagraphBlock | ListBlock | ChartBlock;

export interface SectionContent {
  blocks: Block[];
}

export const SECTION_KEYS = ['dasar', 'persoalan', 'praanggapan', 'fakta', 'analisis', 'kesimpulan', 'saran'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export type BriefSections = Partial<Record<SectionKey, SectionContent>>;

const MAX_RUN_CHARS = 5_000;
const MAX_BLOCKS = 60;
const MAX_ITEMS = 60;
const MAX_RUNS = 60;

/** Thrown with the path of the offending field (`sections.fakta.blocks[2].items[0][1].text`) and an Indonesian reason. */
export class RichTextError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

export const paragraph = (...runs: (TextRun | string)[]): ParagraphBlock => ({
  type: 'paragraph',
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)),
});

export const list = (items: (TextRun | string)[][], style: ListBlock['style'] = 'alpha'): ListBlock => ({
  type: 'list',
  style,
  items: items.map((runs) => runs.map((r) => (typeof r === 'string' ? { text: r } : r))),
});

/** Plain text of a section (search, comparison, the LLM step's guard). */
export function plainText(section: SectionContent | undefined): string {
  return (section?.blocks ?? [])
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
          return b.runs.map((r) => r.text).join('');
        case 'list':
          return b.items.map((runs) => runs.map((r) => r.text).join('')).join('\n');
        case 'chart':
          return '';
      }
    })
    .join('\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, allowed: string[], field: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new RichTextError(`${field}.${key}`, 'kolom tidak dikenal');
    }
  }
}

function validateRuns(value: unknown, field: string): TextRun[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new RichTextError(field, 'harus berupa daftar potongan teks yang tidak kosong');
  }
  if (value.length > MAX_RUNS) {
    throw new RichTextError(field, `paling banyak ${MAX_RUNS} potongan teks`);
  }
  return value.map((run, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(run)) {
      throw new RichTextError(at, 'harus berupa objek {text, bold?, italic?}');
    }
    onlyKeys(run, ['text', 'bold', 'italic'], at);
    if (typeof run.text !== 'string') {
      throw new RichTextError(`${at}.text`, 'harus berupa teks');
    }
    if (run.text.length > MAX_RUN_CHARS) {
      throw new RichTextError(`${at}.text`, `paling banyak ${MAX_RUN_CHARS} karakter`);
    }
    for (const mark of ['bold', 'italic'] as const) {
      if (run[mark] !== undefined && typeof run[mark] !== 'boolean') {
        throw new RichTextError(`${at}.${mark}`, 'harus bernilai true atau false');
      }
    }
    return {
      text: run.text,
      ...(run.bold ? { bold: true } : {}),
      ...(run.italic ? { italic: true } : {}),
    };
  });
}

function validateBlock(value: unknown, field: string): Block {
  if (!isRecord(value)) {
    throw new RichTextError(field, 'harus berupa objek blok');
  }
  switch (value.type) {
    case 'paragraph':
      onlyKeys(value, ['type', 'runs'], field);
      return { type: 'paragraph', runs: validateRuns(value.runs, `${field}.runs`) };
    case 'list': {
      onlyKeys(value, ['type', 'style', 'items'], field);
      const style = value.style ?? 'alpha';
      if (style !== 'alpha' && style !== 'decimal') {
        throw new RichTextError(`${field}.style`, "harus 'alpha' (a., b.) atau 'decimal' (1., 2.)");
      }
      if (!Array.isArray(value.items) || value.items.length === 0) {
        throw new RichTextError(`${field}.items`, 'harus berupa daftar butir yang tidak kosong');
      }
      if (value.items.length > MAX_ITEMS) {
        throw new RichTextError(`${field}.items`, `paling banyak ${MAX_ITEMS} butir`);
      }
      return {
        type: 'list',
        style,
        items: value.items.map((item, i) => validateRuns(item, `${field}.items[${i}]`)),
      };
    }
    case 'chart':
      onlyKeys(value, ['type', 'chart'], field);
      if (value.chart !== 'volume') {
        throw new RichTextError(`${field}.chart`, "hanya grafik 'volume' yang tersedia");
      }
      return { type: 'chart', chart: 'volume' };
    default:
      throw new RichTextError(`${field}.type`, "harus 'paragraph', 'list' atau 'chart'");
  }
}

/** Checks a section as sent by a client and returns it normalised (unknown keys refused, marks only when true). */
export function validateSection(value: unknown, field: string): SectionContent {
  if (!isRecord(value)) {
    throw new RichTextError(field, 'harus berupa objek {blocks: [...]}');
  }
  onlyKeys(value, ['blocks'], field);
  if (!Array.isArray(value.blocks)) {
    throw new RichTextError(`${field}.blocks`, 'harus berupa daftar blok');
  }
  if (value.blocks.length > MAX_BLOCKS) {
    throw new RichTextError(`${field}.blocks`, `paling banyak ${MAX_BLOCKS} blok`);
  }
  return { blocks: value.blocks.map((b, i) => validateBlock(b, `${field}.blocks[${i}]`)) };
}

/** Checks a `sections` patch: only known keys; `null` removes an optional section. */
export function validateSections(
  value: unknown,
  field = 'sections',
): Partial<Record<SectionKey, SectionContent | null>> {
  if (!isRecord(value)) {
    throw new RichTextError(field, 'harus berupa objek per bagian');
  }
  const out: Partial<Record<SectionKey, SectionContent | null>> = {};
  for (const [key, section] of Object.entries(value)) {
    if (!(SECTION_KEYS as readonly string[]).includes(key)) {
      throw new RichTextError(`${field}.${key}`, `bagian tidak dikenal (yang tersedia: ${SECTION_KEYS.join(', ')})`);
    }
    out[key as SectionKey] = section === null ? null : validateSection(section, `${field}.${key}`);
  }
  return out;
}
