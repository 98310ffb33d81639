/**
 * A brief section (the JSON tree of src/briefs/rich-text.ts) as plain text an analyst can edit, and back:
 * paragraphs separated by a blank line; lines "a. …" or "1. …" form a list; **bold** and _italic_ mark runs;
 * the line "[grafik volume]" places the volume chart. Rendering uses text nodes only.
 */
import type { Block, SectionContent, TextRun } from '../../src/briefs/rich-text.js';
import { h } from './dom.js';

export type { Block, SectionContent, TextRun };

export const CHART_LINE = '[grafik volume]';
const ALPHA_ITEM = /^([a-z])\.\s+/;
const DECIMAL_ITEM = /^(\d{1,2})\.\s+/;

function runsToText(runs: TextRun[]): string {
  return runs.map((run) => (run.bold ? `**${run.text}**` : run.italic ? `_${run.text}_` : run.text)).join('');
}

export function sectionToText(section: SectionContent | undefined): string {
  if (!section) {
    return '';
  }
  return section.blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return runsToText(block.runs);
        case 'list':
          return block.items
            .map(
              (item, index) =>
                `${block.style === 'alpha' ? String.fromCharCode(97 + (index % 26)) : index + 1}. ${runsToText(item)}`,
            )
            .join('\n');
        case 'chart':
          return CHART_LINE;
      }
    })
    .join('\n\n');
}

export function textToRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const pattern = /\*\*(.+?)\*\*|_(.+?)_/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) {
      runs.push({ text: text.slice(last, match.index) });
    }
    runs.push(match[1] !== undefined ? { text: match[1], bold: true } : { text: match[2], italic: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) {
    runs.push({ text: text.slice(last) });
  }
  return runs.length > 0 ? runs : [{ text: '' }];
}

export function textToSection(text: string): SectionContent {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r/g, '').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) {
      continue;
    }
    let list: { style: 'alpha' | 'decimal'; items: TextRun[][] } | null = null;
    let paragraph: string[] = [];
    const flushParagraph = () => {
      if (paragraph.length > 0) {
        blocks.push({ type: 'paragraph', runs: textToRuns(paragraph.join(' ')) });
        paragraph = [];
      }
    };
    const flushList = () => {
      if (list) {
        blocks.push({ type: 'list', style: list.style, items: list.items });
        list = null;
      }
    };
    for (const line of lines) {
      const style = ALPHA_ITEM.test(line) ? 'alpha' : DECIMAL_ITEM.test(line) ? 'decimal' : null;
      if (line.toLowerCase() === CHART_LINE) {
        flushParagraph();
        flushList();
        blocks.push({ type: 'chart', chart: 'volume' });
      } else if (style) {
        flushParagraph();
        const current: { style: 'alpha' | 'decimal'; items: TextRun[][] } = list ?? { style, items: [] };
        list = current;
        current.items.push(textToRuns(line.replace(style === 'alpha' ? ALPHA_ITEM : DECIMAL_ITEM, '')));
      } else if (list) {
        // a continuation line of the last list item
        const current: { style: 'alpha' | 'decimal'; items: TextRun[][] } = list;
        current.items[current.items.length - 1].push({ text: ` ${line}` });
      } else {
        paragraph.push(line);
      }
    }
    flushParagraph();
    flushList();
  }
  return { blocks };
}

function runNodes(runs: TextRun[]): Node[] {
  return runs.map((run) =>
    run.bold ? h('strong', null, run.text) : run.italic ? h('em', null, run.text) : document.createTextNode(run.text),
  );
}

/** A section as the official layout shows it (text nodes only); `chart` renders the volume chart's place. */
export function renderSection(section: SectionContent | undefined, chart: () => Node): Node[] {
  if (!section) {
    return [];
  }
  return section.blocks.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return h('p', null, runNodes(block.runs));
      case 'list':
        return h(
          'ol',
          { class: block.style === 'alpha' ? 'brief-list alpha' : 'brief-list' },
          block.items.map((item) => h('li', null, runNodes(item))),
        );
      case 'chart':
        return chart();
    }
  });
}
