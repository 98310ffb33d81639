/**
 * The dashboard's message catalogues (dashboard/src/i18n/id.ts, en.ts) read from their source with the TypeScript
 * parser, so node-side tests can use them without importing browser code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export type Language = 'id' | 'en';
export type Message = string | { one: string; other: string };

export const DASHBOARD_SRC = join(import.meta.dirname, '..', '..', 'dashboard', 'src');

function literalText(node: ts.Expression): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return node.text;
  }
  throw new Error(`a catalogue message must be a string literal, got: ${node.getText()}`);
}

export function readCatalogue(language: Language): Map<string, Message> {
  const file = join(DASHBOARD_SRC, 'i18n', `${language}.ts`);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const messages = new Map<string, Message>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === language && node.initializer) {
      const object = node.initializer as ts.ObjectLiteralExpression;
      for (const property of object.properties) {
        if (!ts.isPropertyAssignment(property)) {
          throw new Error(`${file}: unexpected ${property.getText()}`);
        }
        const key = ts.isStringLiteral(property.name) ? property.name.text : property.name.getText();
        const value = property.initializer;
        if (ts.isObjectLiteralExpression(value)) {
          const forms = new Map(
            value.properties
              .filter(ts.isPropertyAssignment)
              .map((form) => [form.name.getText(), literalText(form.initializer)]),
          );
          messages.set(key, { one: forms.get('one') ?? '', other: forms.get('other') ?? '' });
        } else {
          messages.set(key, literalText(value));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return messages;
}

export function forms(message: Message): string[] {
  return typeof message === 'string' ? [message] : [message.one, message.other];
}

export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();
}

/**
 * The Indonesian messages that English must not show: those whose English differs (the telaahan layout's labels are
 * the same in both), as anchored patterns with each placeholder matching anything. Only messages of two words or more
 * of their own: a single word ("Laporan", "kategori {list}") also occurs in server-given Indonesian text (a keyword,
 * a report sentence) and would be found there; the static check of the page code covers those.
 */
export function indonesianOnlyPatterns(): { key: string; pattern: string }[] {
  const english = readCatalogue('en');
  const result: { key: string; pattern: string }[] = [];
  for (const [key, message] of readCatalogue('id')) {
    const text = message as string;
    const translated = english.get(key);
    if (translated !== undefined && forms(translated).includes(text)) {
      continue;
    }
    if ((text.replace(/\{\w+\}/g, ' ').match(/\p{L}{2,}/gu) ?? []).length < 2) {
      continue;
    }
    result.push({ key, pattern: anchored(text) });
  }
  return result;
}

/** The English messages without placeholders: a text that is one of them ("Tanggal" of the telaahan form) is not a leftover. */
export function englishTexts(): string[] {
  return [...readCatalogue('en').values()]
    .flatMap(forms)
    .filter((text) => placeholders(text).length === 0)
    .map((text) => text.trim());
}

function anchored(text: string): string {
  const parts = text
    .trim()
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `^${parts.join('[\\s\\S]*?')}$`;
}
