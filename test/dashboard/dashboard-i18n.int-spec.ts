import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { DASHBOARD_SRC, forms, placeholders, readCatalogue } from '../browser/catalogues.js';

/**
 * One source of truth for the dashboard's words: every user-facing string is a message of dashboard/src/i18n/, the
 * English catalogue has every Indonesian key with the same placeholders, and no page code holds a string literal that
 * reads as text for people. (The browser test checks the other side: an English page shows no Indonesian message.)
 */

/** Object keys whose string values are codes, classes, paths or formats, never text for people. */
const TECHNICAL_KEYS = new Set([
  'class',
  'id',
  'type',
  'name',
  'role',
  'for',
  'href',
  'target',
  'rel',
  'autocomplete',
  'accept',
  'min',
  'max',
  'step',
  'scope',
  'path',
  'group',
  'method',
  'key',
  'dim',
  'level',
  'interval',
  'by',
  'file',
  'value',
  'data',
  'current',
  'controls',
  'expanded',
  'pressed',
  'hidden',
  'live',
  'inputmode',
  'pattern',
  'color',
  'backgroundColor',
  'borderColor',
  'pointStyle',
  'position',
  'axis',
  'indexAxis',
  'mode',
  'state',
  'status',
  'sentiment',
  'severity',
  'code',
  'slug',
  'event',
  'format',
  'query',
  'lang',
  'locale',
]);
/** Calls whose string arguments are selectors, event names, API paths, storage keys or message keys. */
const TECHNICAL_CALLS = new Set([
  't',
  'querySelector',
  'querySelectorAll',
  'getElementById',
  'addEventListener',
  'removeEventListener',
  'setAttribute',
  'getAttribute',
  'hasAttribute',
  'removeAttribute',
  'get',
  'post',
  'patch',
  'put',
  'delete',
  'upload',
  'createElement',
  'warn',
  'log',
  'error',
  'toggle',
  'add',
  'remove',
  'contains',
  'getItem',
  'setItem',
  'removeItem',
  'mark',
  'startsWith',
  'endsWith',
  'includes',
  'split',
  'join',
  'replace',
  'match',
  'test',
  'getEntriesByName',
  'has',
  'set',
  'toBlob',
  'closest',
  'matches',
  'withQuery',
  'navigate',
  'encodeURIComponent',
  'getContext',
  'fetch',
  'RegExp',
  'Blob',
]);
/** Technical strings that look like words: a CSS font stack, class lists, HTTP methods, Intl locales, a zone. */
const TECHNICAL_TEXT = new Set([
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif',
  'ApiError',
  'PATCH',
  'DELETE',
  'brief-list alpha',
  'grid grid-2 brief-layout',
  'Asia/Jakarta',
  'id-ID',
  'en-GB',
]);

function readsAsText(text: string, template: boolean): boolean {
  const value = text.trim();
  if (TECHNICAL_TEXT.has(value) || !/\p{L}{2,}/u.test(value)) {
    return false;
  }
  if (/^(https?:|\/|#|\.|\?|\[|data:|[a-z]+\/)/.test(value)) {
    return false;
  }
  // A word next to a placeholder ("{n} baris", "oleh {name}") is a sentence built in code.
  if (template && /\}\s+\p{L}{2,}|\p{L}{2,}\s+\{/u.test(value)) {
    return true;
  }
  if (/^[a-z0-9_.:\-/{}=]+$/.test(value) || /^[a-z][a-zA-Z0-9]*$/.test(value) || /^[a-z]\w*(\.\w+)+$/.test(value)) {
    return false; // codes, class names, paths, identifiers, message keys
  }
  if (/^[A-Z0-9]{2,4}$/.test(value)) {
    return false; // PNG, CSV, PDF, ID, EN
  }
  return true;
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const callee = call.expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
}

function technicalPlace(node: ts.Node): boolean {
  let parent = node.parent;
  // `class: open ? 'badge badge-info' : undefined`: the place is the property's.
  while (ts.isConditionalExpression(parent) || ts.isParenthesizedExpression(parent)) {
    node = parent;
    parent = parent.parent;
  }
  if (ts.isPropertyAssignment(parent)) {
    return parent.name === node || TECHNICAL_KEYS.has(parent.name.getText().replace(/['"]/g, ''));
  }
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    const name = calleeName(parent);
    return TECHNICAL_CALLS.has(name) || (name === 'h' && parent.arguments?.[0] === node);
  }
  if (ts.isBinaryExpression(parent)) {
    return [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(
      parent.operatorToken.kind,
    );
  }
  return (
    ts.isImportDeclaration(parent) ||
    ts.isExportDeclaration(parent) ||
    ts.isLiteralTypeNode(parent) ||
    ts.isCaseClause(parent) ||
    (ts.isElementAccessExpression(parent) && parent.argumentExpression === node)
  );
}

function dashboardFiles(dir = DASHBOARD_SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'i18n' ? [] : dashboardFiles(path);
    }
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

interface Finding {
  where: string;
  text: string;
}

/** String literals of dashboard/src (catalogues excepted) that read as text for people, and t() at module scope. */
function scan(): { literals: Finding[]; moduleScopeCalls: Finding[] } {
  const literals: Finding[] = [];
  const moduleScopeCalls: Finding[] = [];
  for (const file of dashboardFiles()) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node) =>
      `${relative(DASHBOARD_SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node, inFunction: boolean): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
        const template = ts.isTemplateExpression(node);
        const text = template
          ? [node.head.text, ...node.templateSpans.map((span) => `{}${span.literal.text}`)].join('')
          : node.text;
        if (!technicalPlace(node) && readsAsText(text, template)) {
          literals.push({ where: where(node), text });
        }
      }
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 't' &&
        !inFunction
      ) {
        moduleScopeCalls.push({ where: where(node), text: node.getText() });
      }
      ts.forEachChild(node, (child) => visit(child, inFunction || ts.isFunctionLike(node)));
    };
    visit(source, false);
  }
  return { literals, moduleScopeCalls };
}

describe('Dashboard messages', () => {
  const indonesian = readCatalogue('id');
  const english = readCatalogue('en');

  it('should have an English message for every Indonesian key and no other', () => {
    expect([...english.keys()].sort()).toEqual([...indonesian.keys()].sort());
  });

  it('should use the same placeholders in both languages', () => {
    const mismatched = [...indonesian].flatMap(([key, message]) => {
      const expected = placeholders(message as string);
      return forms(english.get(key) ?? '')
        .filter((text) => placeholders(text).join() !== expected.join())
        .map((text) => `${key}: ${JSON.stringify(message)} vs ${JSON.stringify(text)}`);
    });
    expect(mismatched).toEqual([]);
  });

  it('should keep no text for people in page code, only message keys', () => {
    expect(scan().literals).toEqual([]);
  });

  it('should never translate at module scope (a module is evaluated once, a page redrawn on a language switch)', () => {
    expect(scan().moduleScopeCalls).toEqual([]);
  });
});
