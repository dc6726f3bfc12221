/**
 * The runtime the compiled templates call, with nunjucks' functions replaced where Jinja evaluates Python
 * values differently. nunjucks has no hook for printing or attribute access; its compiled code calls
 * `runtime.suppressValue`, `runtime.memberLookup` and the like on the runtime object it is handed, so the
 * renderer hands it this one: nunjucks' own runtime underneath, these functions on top, nothing patched.
 */
import { Frame, Runtime, runtime as nunjucksRuntime } from './nunjucks-internals';
import { contains, dictMethod, listMethod, stringMethod } from './python-methods';
import { PythonError, pyBinary, pyCompareChain, pyConcat, pyUnary } from './python-operators';
import { TemplateFailure } from './template-errors';
import { MISSING_KEY, PyDict, PyFloat, isDict, pyStr, pyTruthy, pyTypeName } from './python-values';

/**
 * The template's variables, as the compiled code reaches them through `context`. Own properties only:
 * `{{ constructor }}` is undefined, as in Jinja, not JavaScript's Object constructor.
 */
export class JinjaContext {
  constructor(
    private readonly variables: PyDict,
    private readonly globals: PyDict,
  ) {}

  lookup(name: string): unknown {
    if (Object.prototype.hasOwnProperty.call(this.variables, name)) return this.variables[name];
    return Object.prototype.hasOwnProperty.call(this.globals, name) ? this.globals[name] : undefined;
  }

  /** A top-level `{% set %}` or macro. */
  setVariable(name: string, value: unknown): void {
    this.variables[name] = value;
  }

  /** Top-level names are exported for templates that import this one; none can here. */
  addExport(): void {}
}

/** Python's spellings of the three constants, which Jinja accepts besides true, false and none. */
const CONSTANTS: Record<string, boolean | null> = { True: true, False: false, None: null };

function contextOrFrameLookup(context: JinjaContext, frame: Frame, name: string): unknown {
  const local = frame.lookup(name);
  if (local !== undefined) return local;
  const value = context.lookup(name);
  if (value !== undefined) return value;
  return Object.prototype.hasOwnProperty.call(CONSTANTS, name) ? CONSTANTS[name] : undefined;
}

/**
 * `obj.key`, `obj[key]` and slices `obj[start:stop:step]` (four arguments). Jinja returns Undefined for a
 * missing attribute, but raises UndefinedError for an attribute of something undefined: `description`
 * (the source of `obj`) names it in the message.
 */
function memberLookup(obj: unknown, key: unknown, description?: unknown, step?: unknown): unknown {
  if (arguments.length === 4) return slice(obj, key, description, step);
  if (obj === undefined) throw new PythonError('UndefinedError', `'${String(description)}' is undefined`);
  if (obj === null) return undefined;
  if (typeof obj === 'string') return typeof key === 'number' ? indexed(Array.from(obj), key) : stringMethod(obj, String(key));
  if (Array.isArray(obj)) return typeof key === 'number' ? indexed(obj, key) : listMethod(obj, String(key));
  if (isDict(obj)) return dictMember(obj, String(key));
  return undefined;
}

function dictMember(dict: PyDict, key: string): unknown {
  const method = dictMethod(dict, key);
  if (method) return method;
  if (Object.prototype.hasOwnProperty.call(dict, key)) return dict[key];
  const fallback = (dict as Record<symbol, unknown>)[MISSING_KEY];
  return typeof fallback === 'function' ? fallback(key) : undefined;
}

function indexed(items: unknown[], index: number): unknown {
  return items[index < 0 ? items.length + index : index];
}

/** Python's slice of a list or a str (by code point, as Python counts). */
function slice(obj: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  if (obj === undefined) throw new PythonError('UndefinedError', 'a slice of an undefined value');
  const text = typeof obj === 'string';
  const items = text ? Array.from(obj as string) : Array.isArray(obj) ? obj : undefined;
  if (items === undefined) throw new PythonError('TypeError', 'only strings and lists can be sliced');
  const by = step === null || step === undefined ? 1 : Number(step);
  if (by === 0) throw new PythonError('ValueError', 'slice step cannot be zero');
  const length = items.length;
  const bound = (value: unknown, fallback: number, low: number, high: number) => {
    if (value === null || value === undefined) return fallback;
    const n = Number(value);
    return Math.min(Math.max(n < 0 ? n + length : n, low), high);
  };
  const picked: unknown[] = [];
  if (by > 0) {
    for (let i = bound(start, 0, 0, length); i < bound(stop, length, 0, length); i += by) picked.push(items[i]);
  } else {
    for (let i = bound(start, length - 1, -1, length - 1); i > bound(stop, -1, -1, length - 1); i += by) picked.push(items[i]);
  }
  return text ? picked.join('') : picked;
}

/** What `{% for %}` walks: a dict's keys, a str's characters. */
function fromIterator(value: unknown): unknown {
  if (isDict(value)) return Object.keys(value);
  if (typeof value === 'string') return Array.from(value);
  if (Array.isArray(value)) return value;
  throw new PythonError('TypeError', `'${pyTypeName(value)}' object is not iterable`);
}

/** The compiled code keeps the 0-based line of the last lookup, call or filter it started. */
function handleError(error: unknown, lineno: number): TemplateFailure {
  if (error instanceof TemplateFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new TemplateFailure(message, lineno + 1);
}

export const jinjaRuntime: Runtime = Object.assign(Object.create(nunjucksRuntime) as Runtime, {
  suppressValue: (value: unknown) => pyStr(value),
  contextOrFrameLookup,
  memberLookup,
  fromIterator,
  handleError,
  inOperator: (item: unknown, container: unknown) => contains(container, item),
  pyFloat: (value: number) => new PyFloat(value),
  pyTruthy,
  pyCompareChain,
  pyBinary,
  pyUnary,
  pyConcat,
});
