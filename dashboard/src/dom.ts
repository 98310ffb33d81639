/**
 * Small DOM helpers. Every piece of data reaches the page as a text node or a property that the browser
 * never parses as HTML: `h()` has no way to set innerHTML, links accept only http(s) and in-app paths.
 */

export type Child = Node | string | number | null | undefined | false | Child[];

type Handler = (event: Event) => void;

export interface Attrs {
  class?: string;
  id?: string;
  role?: string;
  title?: string;
  /** The language of an element's content when it differs from the page's (the telaahan preview stays Indonesian). */
  lang?: string;
  type?: string;
  name?: string;
  value?: string;
  placeholder?: string;
  for?: string;
  href?: string;
  target?: string;
  rel?: string;
  tabindex?: number;
  disabled?: boolean;
  checked?: boolean;
  selected?: boolean;
  required?: boolean;
  multiple?: boolean;
  hidden?: boolean;
  autocomplete?: string;
  min?: string;
  max?: string;
  step?: string;
  rows?: number;
  maxlength?: number;
  accept?: string;
  spellcheck?: boolean;
  scope?: string;
  colspan?: number;
  /** aria-* and data-* attributes, by their name without the prefix. */
  aria?: Record<string, string | undefined>;
  data?: Record<string, string | undefined>;
  on?: Partial<Record<keyof HTMLElementEventMap, Handler>>;
}

const SAFE_URL = /^(https?:\/\/|\/(?!\/))/i;

/** A URL a link may point to: http(s) or a path of this app; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  const trimmed = url.trim();
  return SAFE_URL.test(trimmed) ? trimmed : undefined;
}

const BOOLEAN_PROPS = ['disabled', 'checked', 'selected', 'required', 'multiple', 'hidden'] as const;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (attrs) {
    applyAttrs(element, attrs);
  }
  append(element, children);
  return element;
}

function applyAttrs(element: HTMLElement, attrs: Attrs): void {
  for (const [key, value] of Object.entries(attrs) as [keyof Attrs, unknown][]) {
    if (value === undefined || value === null) {
      continue;
    }
    if (key === 'on') {
      for (const [event, handler] of Object.entries(value as Record<string, Handler>)) {
        element.addEventListener(event, handler);
      }
    } else if (key === 'aria' || key === 'data') {
      for (const [name, v] of Object.entries(value as Record<string, string | undefined>)) {
        if (v !== undefined) {
          element.setAttribute(`${key}-${name}`, v);
        }
      }
    } else if (key === 'href') {
      const url = safeUrl(value as string);
      if (url) {
        element.setAttribute('href', url);
      }
    } else if (key === 'value') {
      (element as HTMLInputElement).value = value as string;
    } else if (key === 'spellcheck') {
      element.spellcheck = value as boolean;
    } else if ((BOOLEAN_PROPS as readonly string[]).includes(key)) {
      (element as unknown as Record<string, boolean>)[key] = value as boolean;
    } else {
      element.setAttribute(key, typeof value === 'number' ? String(value) : (value as string));
    }
  }
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(parent, child);
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }
}

export function clear(element: Element): void {
  element.replaceChildren();
}

export function mount(element: Element, ...children: Child[]): void {
  element.replaceChildren();
  append(element, children);
}

/** Text with the given words marked: split into text nodes and <mark> elements, never parsed as HTML. */
export function highlighted(text: string, words: string[]): Node {
  const fragment = document.createDocumentFragment();
  const terms = words.map((word) => word.trim()).filter((word) => word.length >= 2);
  if (terms.length === 0) {
    fragment.append(text);
    return fragment;
  }
  const pattern = new RegExp(`(${terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index;
    if (index > last) {
      fragment.append(text.slice(last, index));
    }
    fragment.append(h('mark', null, match[0]));
    last = index + match[0].length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

/** A labelled form field: the label's `for` names the control (every control has a label). */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) {
    control.setAttribute('aria-describedby', hintId);
  }
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('small', { id: hintId }, hint) : null,
  );
}

export function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  return h('button', { type: 'button', ...attrs, on: { click: onClick } }, label);
}

export function select(
  options: { value: string; label: string }[],
  value: string,
  attrs: Attrs = {},
): HTMLSelectElement {
  return h(
    'select',
    attrs,
    options.map((option) => h('option', { value: option.value, selected: option.value === value }, option.label)),
  );
}

/** A status line for screen readers and eyes: errors in role=alert, the rest polite. */
export function notice(kind: 'error' | 'info' | 'success', text: string): HTMLElement {
  return h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
