import { compareCodePoints } from './python-operators';
import { PyFloat, formatFloat, formatInt, isDict, pyTypeName } from './python-values';

/**
 * Jinja's `tojson` filter: Python's `json.dumps(value, sort_keys=True)` (", " and ": " between items,
 * non-ASCII escaped) with `<`, `>`, `&` and `'` escaped as well so the text is safe inside HTML.
 * `indent` gives json.dumps' indented layout.
 */
export function toJson(value: unknown, indent?: number): string {
  return dumps(value, indent, '').replace(HTML_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const HTML_UNSAFE = /[<>&']/g;

function dumps(value: unknown, indent: number | undefined, margin: string): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return formatInt(value);
  if (value instanceof PyFloat) return jsonFloat(value.value);
  if (typeof value === 'string') return jsonString(value);
  if (Array.isArray(value)) return container('[', ']', value.map((item) => (inner) => dumps(item, indent, inner)), indent, margin);
  if (isDict(value)) {
    const keys = Object.keys(value).sort(compareCodePoints);
    return container('{', '}', keys.map((key) => (inner) => `${jsonString(key)}: ${dumps(value[key], indent, inner)}`), indent, margin);
  }
  throw new TypeError(`Object of type ${pyTypeName(value)} is not JSON serializable`);
}

function container(open: string, close: string, items: Array<(margin: string) => string>, indent: number | undefined, margin: string): string {
  if (items.length === 0) return open + close;
  if (indent === undefined) return open + items.map((item) => item(margin)).join(', ') + close;
  const inner = margin + ' '.repeat(indent);
  return `${open}\n${items.map((item) => inner + item(inner)).join(',\n')}\n${margin}${close}`;
}

function jsonFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return formatFloat(value);
}

const JSON_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** json.dumps' ensure_ascii: everything outside printable ASCII as `\uXXXX` (lower-case hex, UTF-16 units). */
function jsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const code = text.charCodeAt(i);
    if (JSON_ESCAPES[char]) out += JSON_ESCAPES[char];
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return out + '"';
}

