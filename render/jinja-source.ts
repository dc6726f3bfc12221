/**
 * The template source as nunjucks' lexer must see it to read it as Jinja's lexer does:
 * - `\r\n` and `\r` become `\n`, and one newline at the very end is dropped (keep_trailing_newline off);
 * - `{% raw %}...{% endraw %}` blocks, found as Jinja finds them, become a string literal nunjucks prints
 *   unchanged. nunjucks' own raw blocks nest (`{% raw %}` inside raw text needs its own `{% endraw %}`)
 *   and reject whitespace control (`{%- raw -%}`, `{%- endraw %}`), both of which Jinja reads. Newlines
 *   stay newlines inside the literal, so line numbers do not move;
 * - `{%+`, which only matters with lstrip_blocks (off), becomes `{% `.
 */
import { TemplateSyntaxError } from './template-errors';

/** Jinja 2.11's raw patterns: the sign after `{%` strips whitespace before, `-%}` strips it after. */
const RAW_BEGIN = /\{%([-+]?)\s*raw\s*(-%\}\s*|%\})/y;
const RAW_END = /\{%([-+]?)\s*endraw\s*(-%\}\s*|%\})/g;
const TAG_START = /\{[{%#]/g;

export function asNunjucksSource(source: string): string {
  const normalized = source.replace(/\r\n?/g, '\n');
  return replaceRawBlocks(normalized.endsWith('\n') ? normalized.slice(0, -1) : normalized);
}

/** Raw blocks replaced by `{{ "..." }}`, `{%+` by `{% `; everything else left as it is. */
function replaceRawBlocks(source: string): string {
  let out = '';
  let position = 0;
  for (;;) {
    const start = nextTagStart(source, position);
    if (start < 0) return out + source.slice(position);
    const begin = matchAt(RAW_BEGIN, source, start);
    if (!begin) {
      const end = tagEnd(source, start);
      const tag = source.slice(start, end);
      out += source.slice(position, start) + (tag.startsWith('{%+') ? `{% ${tag.slice(3)}` : tag);
      position = end;
      continue;
    }
    const before = source.slice(position, start);
    out += begin[1] === '-' ? before.trimEnd() : before;
    const contentStart = start + begin[0].length;
    const end = matchAt(RAW_END, source, contentStart);
    if (!end) throw new TemplateSyntaxError('a raw block has no {% endraw %}', lineOf(source, start));
    const content = source.slice(contentStart, end.index);
    out += `{{ "${escapeForLiteral(end[1] === '-' ? content.trimEnd() : content)}" }}`;
    position = end.index + end[0].length;
  }
}

function nextTagStart(source: string, from: number): number {
  return matchAt(TAG_START, source, from)?.index ?? -1;
}

/** The pattern's match at `from` (sticky pattern) or after it (global pattern). */
function matchAt(pattern: RegExp, source: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  return pattern.exec(source);
}

/** Where the comment, statement or expression starting at `start` ends: its end delimiter, outside strings and brackets. */
function tagEnd(source: string, start: number): number {
  const opener = source[start + 1];
  if (opener === '#') {
    const close = source.indexOf('#}', start + 2);
    return close < 0 ? source.length : close + 2;
  }
  const closer = opener === '{' ? '}}' : '%}';
  let depth = 0;
  for (let i = start + 2; i < source.length; i++) {
    const char = source[i];
    if (char === '"' || char === "'") i = stringEnd(source, i);
    else if ('([{'.includes(char)) depth++;
    else if (depth > 0 && ')]}'.includes(char)) depth--;
    else if (depth === 0 && source.startsWith(closer, i)) return i + 2;
  }
  return source.length;
}

function stringEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === source[open]) return i;
  }
  return source.length;
}

/** nunjucks' string literals read `\\` and `\"` as escapes; newlines are taken as they are. */
function escapeForLiteral(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}
