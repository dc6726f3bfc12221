/**
 * Jinja's operators as Python evaluates them. nunjucks compiles `==`, `+`, `~` and friends to JavaScript's
 * operators, which differ: `'1' == 1` is true, `1 + '1'` is `'11'`, `4 / 2` is `2` (Python: `2.0`),
 * `-7 % 3` is `-1` (Python: `2`), and `'a' ~ true` is `'atrue'` (Python: `'aTrue'`).
 */
import { PyFloat, numericOf, pyEquals, pyStr, pyTypeName } from './python-values';

/** A Python TypeError, ZeroDivisionError or Jinja UndefinedError, with Python's wording. */
export class PythonError extends Error {
  constructor(kind: string, message: string) {
    super(`${kind}: ${message}`);
    this.name = kind;
  }
}

export type CompareOperator = '==' | '!=' | '<' | '>' | '<=' | '>=';
export type BinaryOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**';

/** `a op1 b op2 c ...`: Python chains comparisons (`1 < x < 5` is `1 < x and x < 5`). */
export function pyCompareChain(first: unknown, ...rest: unknown[]): boolean {
  let left = first;
  for (let i = 0; i < rest.length; i += 2) {
    const right = rest[i + 1];
    if (!pyCompare(left, rest[i] as CompareOperator, right)) return false;
    left = right;
  }
  return true;
}

export function pyCompare(left: unknown, op: CompareOperator, right: unknown): boolean {
  if (op === '==') return pyEquals(left, right);
  if (op === '!=') return !pyEquals(left, right);
  const order = pyOrder(left, right, op);
  switch (op) {
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    default:
      return order >= 0;
  }
}

function pyOrder(left: unknown, right: unknown, op: string): number {
  failOnUndefined(left, right);
  const x = numericOf(left);
  const y = numericOf(right);
  if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  if (typeof left === 'string' && typeof right === 'string') return compareCodePoints(left, right);
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
      if (!pyEquals(left[i], right[i])) return pyOrder(left[i], right[i], op);
    }
    return left.length - right.length;
  }
  throw new PythonError('TypeError', `'${op}' not supported between instances of '${pyTypeName(left)}' and '${pyTypeName(right)}'`);
}

/** Python sorts and compares strings by code point; JavaScript's default goes by UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = left[i].codePointAt(0)! - right[i].codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

export function pyBinary(op: BinaryOperator, left: unknown, right: unknown): unknown {
  failOnUndefined(left, right);
  const x = numericOf(left);
  const y = numericOf(right);
  if (x !== undefined && y !== undefined) return arithmetic(op, x, y, left instanceof PyFloat || right instanceof PyFloat);
  if (op === '+' && typeof left === 'string' && typeof right === 'string') return left + right;
  if (op === '+' && Array.isArray(left) && Array.isArray(right)) return [...left, ...right];
  if (op === '*' && (typeof left === 'string' || Array.isArray(left)) && typeof right === 'number') return repeat(left, right);
  if (op === '*' && (typeof right === 'string' || Array.isArray(right)) && typeof left === 'number') return repeat(right, left);
  throw new PythonError('TypeError', `unsupported operand type(s) for ${op}: '${pyTypeName(left)}' and '${pyTypeName(right)}'`);
}

export function pyUnary(op: '-' | '+', value: unknown): unknown {
  failOnUndefined(value);
  const x = numericOf(value);
  if (x === undefined) throw new PythonError('TypeError', `bad operand type for unary ${op}: '${pyTypeName(value)}'`);
  const result = op === '-' ? -x : x;
  return value instanceof PyFloat ? new PyFloat(result) : result === 0 ? 0 : result;
}

/** Jinja's `~`: both sides as Python's str(). */
export function pyConcat(left: unknown, right: unknown): string {
  return pyStr(left) + pyStr(right);
}

function arithmetic(op: BinaryOperator, x: number, y: number, float: boolean): unknown {
  const asFloat = (value: number) => new PyFloat(value);
  const asInt = (value: number) => (value === 0 ? 0 : value);
  const result = (value: number) => (float ? asFloat(value) : asInt(value));
  if ((op === '/' || op === '//' || op === '%') && y === 0) {
    throw new PythonError('ZeroDivisionError', op === '/' ? 'division by zero' : 'integer division or modulo by zero');
  }
  switch (op) {
    case '+':
      return result(x + y);
    case '-':
      return result(x - y);
    case '*':
      return result(x * y);
    case '/':
      return asFloat(x / y);
    case '//':
      return result(Math.floor(x / y));
    case '%':
      return result(x - y * Math.floor(x / y));
    default:
      return !float && y < 0 ? asFloat(x ** y) : result(x ** y);
  }
}

function repeat(sequence: string | unknown[], times: number): string | unknown[] {
  if (typeof sequence === 'string') return sequence.repeat(Math.max(0, times));
  return Array.from({ length: Math.max(0, times) }, () => sequence).flat();
}

/** Jinja's Undefined fails any arithmetic or ordering with UndefinedError. */
function failOnUndefined(...values: unknown[]): void {
  if (values.includes(undefined)) throw new PythonError('UndefinedError', 'an undefined value was used in an expression');
}
