/** Filters as the compiled template calls them, with what their arguments mean in Python. */
import { PythonError } from './python-operators';

/** A filter: the filtered value, then the template's arguments (keyword arguments last, as one object). */
export type Filter = (value: unknown, ...args: unknown[]) => unknown;

/** nunjucks passes `f(a, b=1)` as the arguments `a, { b: 1, __keywords: true }`. */
interface KeywordArguments {
  readonly __keywords: true;
  readonly [name: string]: unknown;
}

function isKeywordArguments(value: unknown): value is KeywordArguments {
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, '__keywords');
}

/**
 * A filter's arguments by parameter name, the way Python binds them: positional first, then keywords, each
 * parameter once; missing ones take `defaults`. Errors read like Python's TypeError.
 */
export function bindArguments(filter: string, args: readonly unknown[], names: readonly string[], defaults: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const last = args[args.length - 1];
  const keywords = isKeywordArguments(last) ? last : undefined;
  const positional = keywords ? args.slice(0, -1) : args;
  if (positional.length > names.length) {
    throw new PythonError('TypeError', `${filter}() takes at most ${names.length} arguments (${positional.length} given)`);
  }
  const bound: Record<string, unknown> = { ...defaults };
  positional.forEach((value, i) => (bound[names[i]] = value));
  for (const [name, value] of Object.entries(keywords ?? {})) {
    if (name === '__keywords') continue;
    if (!names.includes(name)) throw new PythonError('TypeError', `${filter}() got an unexpected keyword argument '${name}'`);
    if (names.indexOf(name) < positional.length) throw new PythonError('TypeError', `${filter}() got multiple values for argument '${name}'`);
    bound[name] = value;
  }
  return bound;
}
