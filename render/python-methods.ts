/**
 * The methods a template can call on a value (`d.items()`, `name.lower()`), as Python defines them.
 * Anything else on a str, list or dict reads as undefined, as an unknown attribute does in Jinja; JavaScript's
 * own members (`length`, `constructor`, JavaScript's `replace`) never leak into a template.
 */
import { PyDict, isDict, pyEquals } from './python-values';
import { PythonError } from './python-operators';

type Method = (...args: unknown[]) => unknown;

export function dictMethod(dict: PyDict, name: string): Method | undefined {
  switch (name) {
    case 'items':
      return () => Object.entries(dict);
    case 'keys':
      return () => Object.keys(dict);
    case 'values':
      return () => Object.values(dict);
    case 'get':
      return (key, fallback = null) => (Object.prototype.hasOwnProperty.call(dict, String(key)) ? dict[String(key)] : fallback);
    default:
      return undefined;
  }
}

export function listMethod(list: unknown[], name: string): Method | undefined {
  switch (name) {
    case 'index':
      return (item) => {
        const found = list.findIndex((candidate) => pyEquals(candidate, item));
        if (found < 0) throw new PythonError('ValueError', 'item is not in list');
        return found;
      };
    case 'count':
      return (item) => list.filter((candidate) => pyEquals(candidate, item)).length;
    default:
      return undefined;
  }
}

/** The characters Python's str.isspace() accepts, which str.strip() and str.split() remove. */
const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${PY_SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${PY_SPACE}]+$`);
const SPACE_RUN = new RegExp(`[${PY_SPACE}]+`);

export function stripSpace(text: string, side: 'both' | 'left' | 'right' = 'both'): string {
  const left = side === 'right' ? text : text.replace(LEADING_SPACE, '');
  return side === 'left' ? left : left.replace(TRAILING_SPACE, '');
}

export function stringMethod(text: string, name: string): Method | undefined {
  switch (name) {
    case 'upper':
      return () => text.toUpperCase();
    case 'lower':
      return () => text.toLowerCase();
    case 'strip':
      return (chars) => stripChars(text, chars, 'both');
    case 'lstrip':
      return (chars) => stripChars(text, chars, 'left');
    case 'rstrip':
      return (chars) => stripChars(text, chars, 'right');
    case 'replace':
      return (old, replacement, count = -1) => replace(text, String(old), String(replacement), Number(count));
    case 'split':
      return (separator = null, maxsplit = -1) => split(text, separator, Number(maxsplit));
    case 'startswith':
      return (prefix) => affixes(prefix).some((affix) => text.startsWith(affix));
    case 'endswith':
      return (suffix) => affixes(suffix).some((affix) => text.endsWith(affix));
    default:
      return undefined;
  }
}

function stripChars(text: string, chars: unknown, side: 'both' | 'left' | 'right'): string {
  if (chars === undefined || chars === null) return stripSpace(text, side);
  const set = new Set(Array.from(String(chars)));
  const points = Array.from(text);
  let start = 0;
  let end = points.length;
  if (side !== 'right') while (start < end && set.has(points[start])) start++;
  if (side !== 'left') while (end > start && set.has(points[end - 1])) end--;
  return points.slice(start, end).join('');
}

/** Python's str.replace: every occurrence, or the first `count`; an empty `old` inserts between characters. */
function replace(text: string, old: string, replacement: string, count: number): string {
  const parts = old === '' ? ['', ...Array.from(text), ''] : text.split(old);
  if (count < 0 || count >= parts.length - 1) return parts.join(replacement);
  return parts.slice(0, count + 1).join(replacement) + old + parts.slice(count + 1).join(old);
}

/** Python's str.split: by runs of whitespace (dropping empty ends) without a separator, else by the separator. */
function split(text: string, separator: unknown, maxsplit: number): string[] {
  if (separator === null || separator === undefined) {
    const words: string[] = [];
    let rest = stripSpace(text, 'left');
    while (rest !== '' && (maxsplit < 0 || words.length < maxsplit)) {
      const match = SPACE_RUN.exec(rest);
      if (!match) break;
      words.push(rest.slice(0, match.index));
      rest = stripSpace(rest.slice(match.index), 'left');
    }
    const last = maxsplit < 0 || words.length < maxsplit ? stripSpace(rest, 'right') : rest;
    return last === '' ? words : [...words, last];
  }
  const sep = String(separator);
  if (sep === '') throw new PythonError('ValueError', 'empty separator');
  const parts = text.split(sep);
  return maxsplit < 0 || parts.length - 1 <= maxsplit ? parts : [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
}

function affixes(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** Python's `x in container`. Jinja's Undefined holds nothing. */
export function contains(container: unknown, item: unknown): boolean {
  if (container === undefined) return false;
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw new PythonError('TypeError', "'in <string>' requires string as left operand");
    return container.includes(item);
  }
  if (Array.isArray(container)) return container.some((candidate) => pyEquals(candidate, item));
  if (isDict(container)) return Object.prototype.hasOwnProperty.call(container, String(item));
  throw new PythonError('TypeError', 'argument of this type is not iterable');
}
