/**
 * Values as Python holds them, and how Python prints them. Proton rendered with Jinja, a Python library, so
 * a template printed Python's `str()` of each value: `True`, `None`, `1.0`, `['a', 1]`. JavaScript has one
 * number type, so a float is kept as a PyFloat; a plain JavaScript number always stands for a Python int.
 */

/** A Python float. Plain numbers are ints: YAML's `1.0` and `1` print differently in Python (`1.0`, `1`). */
export class PyFloat {
  constructor(readonly value: number) {}

  valueOf(): number {
    return this.value;
  }

  toString(): string {
    return formatFloat(this.value);
  }
}

/** A mapping parsed from YAML or built for a template: a plain object, never a class instance. */
export type PyDict = Record<string, unknown>;

/**
 * Where a mapping answers for keys it does not hold. Proton's namespace does this for components: a missing
 * component reads as an empty mapping (`{}`) instead of failing the rendering.
 */
export const MISSING_KEY = Symbol('value for a missing key');

/**
 * A mapping whose keys are known one at a time, when a template reads them (`outputs.VpcId`): each is asked
 * of `resolve`. Reading it as a whole (iterating it, filtering it, testing or printing it) would need every
 * key, so it fails, naming `what`.
 */
export function outputsByName(resolve: (key: string) => string, what: string): PyDict {
  const target: PyDict = {};
  Object.defineProperty(target, MISSING_KEY, { value: resolve, configurable: true });
  return new Proxy(target, {
    ownKeys() {
      throw new Error(`${what} is read as a whole, but its values are known only by name, one at a time: read them as ${what}.<name>`);
    },
  });
}

export function isDict(value: unknown): value is PyDict {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The number behind an int or a float, or undefined for anything else (bools are not numbers here). */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof PyFloat) return value.value;
  return undefined;
}

/** Python's `str(value)`, which Jinja prints for `{{ value }}`. Undefined prints as nothing, as in Jinja. */
export function pyStr(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !isDict(value) && !(value instanceof PyFloat)) {
    // Jinja's Markup (nunjucks' SafeString) and other string-like objects print their text.
    return String(value);
  }
  return pyRepr(value);
}

/** Python's `repr(value)`, which is also how a list or dict prints its items. */
export function pyRepr(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return formatInt(value);
  if (value instanceof PyFloat) return formatFloat(value.value);
  if (typeof value === 'string') return reprString(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (isDict(value)) {
    return `{${Object.keys(value).map((key) => `${reprString(key)}: ${pyRepr(value[key])}`).join(', ')}}`;
  }
  return reprString(String(value));
}

/** Python's truthiness: empty strings, lists and dicts, zero, None and undefined are false. */
export function pyTruthy(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > 0;
  const number = numberOf(value);
  if (number !== undefined) return number !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (isDict(value)) return Object.keys(value).length > 0;
  return String(value).length > 0;
}

/** Python's `==`: by value, with True == 1 and 1 == 1.0, lists and dicts compared item by item. */
export function pyEquals(a: unknown, b: unknown): boolean {
  const x = numericOf(a);
  const y = numericOf(b);
  if (x !== undefined && y !== undefined) return x === y;
  if (x !== undefined || y !== undefined) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => pyEquals(item, b[i]));
  if (isDict(a) && isDict(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && pyEquals(a[key], b[key]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return String(a) === String(b);
  return a === b;
}

/** The number a value stands for in arithmetic and comparison: Python's bool is an int. */
export function numericOf(value: unknown): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return numberOf(value);
}

/** A Python type name for error messages, as Python's own messages name them. */
export function pyTypeName(value: unknown): string {
  if (value === undefined) return 'Undefined';
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'int';
  if (value instanceof PyFloat) return 'float';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  if (isDict(value)) return 'dict';
  return typeof value;
}

/** Python prints ints in full; JavaScript switches to an exponent from 1e21. */
export function formatInt(value: number): string {
  if (!Number.isFinite(value)) return formatFloat(value);
  return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
}

/**
 * Python's `repr(float)`: the shortest digits that read back as the same number (JavaScript finds the same
 * digits), in positional notation when the decimal exponent is from -5 to 15 and in exponent notation
 * otherwise, always showing it is a float (`1.0`, `1e+16`, `1e-05`).
 */
export function formatFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  const sign = value < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const exponentDigits = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${exponentDigits}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1) || '0';
  return `${sign}${whole}.${fraction}`;
}

/**
 * Python's `repr(str)`: single quotes unless the text holds a single quote and no double quote; backslash
 * escapes for quotes, backslashes and characters Python does not print as they are.
 */
export function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (NOT_PRINTABLE.test(char)) out += escapeCodePoint(char.codePointAt(0)!);
    else out += char;
  }
  return out + quote;
}

/** Python's `str.isprintable()` is false for these categories (a plain space excepted). */
const NOT_PRINTABLE = /^(?! )[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function escapeCodePoint(code: number): string {
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** The same values with floats as plain numbers, for code that does not care about Python's types. */
export function toPlainValue(value: unknown): unknown {
  if (value instanceof PyFloat) return value.value;
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (isDict(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlainValue(item)]));
  return value;
}
