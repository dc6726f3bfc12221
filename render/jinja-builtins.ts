/**
 * The Jinja built-in filters and tests that CloudFormation templates use, with Jinja 2.11's semantics on
 * Python values. Jinja's other built-ins are refused by name rather than run with nunjucks' JavaScript
 * semantics: a filter that renders differently from Proton is worse than one that fails.
 */
import { Filter, bindArguments } from './filters';
import { stripSpace, stringMethod } from './python-methods';
import { PythonError } from './python-operators';
import { toJson } from './python-json';
import { PyFloat, isDict, numberOf, pyStr, pyTruthy, pyTypeName } from './python-values';

export type Test = (value: unknown, ...args: unknown[]) => boolean;

export const JINJA_FILTERS: Readonly<Record<string, Filter>> = {
  default: defaultFilter,
  d: defaultFilter,
  length,
  count: length,
  tojson: (value, ...args) => {
    const { indent } = bindArguments('tojson', args, ['indent'], { indent: null });
    return toJson(value, indent === null ? undefined : Number(indent));
  },
  safe: (value) => pyStr(value),
  string: (value) => pyStr(value),
  lower: (value) => pyStr(value).toLowerCase(),
  upper: (value) => pyStr(value).toUpperCase(),
  capitalize: (value) => {
    const [first = '', ...rest] = Array.from(pyStr(value));
    return first.toUpperCase() + rest.join('').toLowerCase();
  },
  trim: (value, ...args) => {
    const { chars } = bindArguments('trim', args, ['chars'], { chars: null });
    return stringMethod(pyStr(value), 'strip')!(chars);
  },
  replace: (value, ...args) => {
    const { old, new: replacement, count } = bindArguments('replace', args, ['old', 'new', 'count'], { count: null });
    return stringMethod(pyStr(value), 'replace')!(old, replacement, count === null ? -1 : count);
  },
  join: (value, ...args) => {
    const { d: separator } = bindArguments('join', args, ['d', 'attribute'], { d: '' });
    return iterate('join', value).map(pyStr).join(pyStr(separator));
  },
  int: toInt,
  first: (value) => iterate('first', value)[0],
  last: (value) => {
    const items = iterate('last', value);
    return items[items.length - 1];
  },
  list: (value) => iterate('list', value),
};

/** Jinja's `default(value, default_value='', boolean=False)`: only Undefined is replaced, or anything false. */
function defaultFilter(value: unknown, ...args: unknown[]): unknown {
  const { default_value: fallback, boolean } = bindArguments('default', args, ['default_value', 'boolean'], { default_value: '', boolean: false });
  return value === undefined || (pyTruthy(boolean) && !pyTruthy(value)) ? fallback : value;
}

/** Python's len(): characters by code point; Jinja's Undefined has length 0. */
function length(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value === 'string') return Array.from(value).length;
  if (Array.isArray(value)) return value.length;
  if (isDict(value)) return Object.keys(value).length;
  throw new PythonError('TypeError', `object of type '${pyTypeName(value)}' has no len()`);
}

/** Jinja's `int(value, default=0, base=10)`: a str is read as an int, else as a float and truncated. */
function toInt(value: unknown, ...args: unknown[]): unknown {
  const { default: fallback, base } = bindArguments('int', args, ['default', 'base'], { default: 0, base: 10 });
  if (typeof value === 'boolean') return value ? 1 : 0;
  const number = numberOf(value);
  if (number !== undefined) return Number.isFinite(number) ? Math.trunc(number) || 0 : fallback;
  if (typeof value !== 'string') return fallback;
  const text = stripSpace(value).replace(/_/g, '');
  const radix = Number(base);
  const digits = radix === 16 ? /^[-+]?(0x)?[0-9a-f]+$/i : radix === 8 ? /^[-+]?(0o)?[0-7]+$/i : radix === 2 ? /^[-+]?(0b)?[01]+$/i : /^[-+]?[0-9]+$/;
  if (digits.test(text)) return parseInt(text.replace(/^([-+]?)0[xob]/i, '$1'), radix) || 0;
  const float = Number(text);
  return text !== '' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) && Number.isFinite(float) ? Math.trunc(float) || 0 : fallback;
}

/** What Python's iteration yields: list items, str characters, dict keys; Undefined yields nothing. */
function iterate(filter: string, value: unknown): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return Array.from(value);
  if (isDict(value)) return Object.keys(value);
  throw new PythonError('TypeError', `${filter}: '${pyTypeName(value)}' object is not iterable`);
}

export const JINJA_TESTS: Readonly<Record<string, Test>> = {
  defined: (value) => value !== undefined,
  undefined: (value) => value === undefined,
  none: (value) => value === null,
  boolean: (value) => typeof value === 'boolean',
  true: (value) => value === true,
  false: (value) => value === false,
  // Python's bool is a Number, but not an integer in Jinja's sense.
  number: (value) => typeof value === 'boolean' || numberOf(value) !== undefined,
  integer: (value) => typeof value === 'number',
  float: (value) => value instanceof PyFloat,
  string: (value) => typeof value === 'string',
  mapping: (value) => isDict(value),
  sequence: (value) => value === undefined || typeof value === 'string' || Array.isArray(value) || isDict(value),
  iterable: (value) => value === undefined || typeof value === 'string' || Array.isArray(value) || isDict(value),
};

/** Jinja 2.11's other built-in filters: named in the error when a template uses one. */
export const UNREPRODUCED_JINJA_FILTERS = [
  'abs', 'attr', 'batch', 'center', 'dictsort', 'e', 'escape', 'filesizeformat', 'float', 'forceescape', 'format',
  'groupby', 'indent', 'map', 'max', 'min', 'pprint', 'random', 'reject', 'rejectattr', 'reverse', 'round', 'select',
  'selectattr', 'slice', 'sort', 'striptags', 'sum', 'title', 'truncate', 'unique', 'urlencode', 'urlize', 'wordcount',
  'wordwrap', 'xmlattr',
];
