import { parseDocument, ScalarTag, Tags } from 'yaml';
import { PyFloat } from './python-values';
import { RenderError } from './render-error';

/**
 * Parses YAML the way PyYAML's `safe_load` does, the parser of Proton's Python tooling: YAML 1.1, where
 * `yes`/`on` are booleans, `0777` is octal and `1e3` (no dot, unsigned exponent) is a string, with floats
 * kept apart from ints (see PyFloat). Timestamps stay strings: PyYAML turns them into dates, which print
 * differently from the text, and no Proton input type holds a date.
 */
export function parsePythonYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { version: '1.1', merge: true, uniqueKeys: false, customTags: pyYamlTags });
  if (doc.errors.length > 0) {
    throw new RenderError(file, `not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  }
  return doc.toJS() ?? null;
}

/** PyYAML's implicit scalar types replace yaml's YAML 1.1 ones, whose patterns differ in places (`y`, `1e3`, `09`). */
function pyYamlTags(tags: Tags): Tags {
  const replaced = new Set(['tag:yaml.org,2002:bool', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:timestamp']);
  const kept = tags.filter((tag) => typeof tag !== 'object' || !replaced.has(tag.tag));
  const implicit = [NULL, BOOL, INT, FLOAT];
  // An explicit tag (`!!float 3`) converts whatever its text is, as PyYAML does; yaml only looks for
  // such tags among those without a pattern.
  const explicit = implicit.map((tag): ScalarTag => ({ ...tag, default: false, test: undefined }));
  return [...kept, ...implicit, ...explicit];
}

// The patterns of PyYAML's resolver.py, alternative for alternative.
const NULL: ScalarTag = {
  tag: 'tag:yaml.org,2002:null',
  default: true,
  test: /^(?:~|null|Null|NULL|)$/,
  resolve: () => null,
};

const BOOL: ScalarTag = {
  tag: 'tag:yaml.org,2002:bool',
  default: true,
  test: /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  resolve: (text) => ['yes', 'true', 'on'].includes(text.toLowerCase()),
};

const INT: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  test: /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  resolve: resolveInt,
};

const FLOAT: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  test: /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  resolve: (text) => new PyFloat(resolveFloat(text)),
};

/** PyYAML's construct_yaml_int. */
function resolveInt(text: string): number {
  const { sign, digits } = splitSign(text.replace(/_/g, ''));
  if (digits === '0') return 0;
  if (digits.startsWith('0b')) return sign * parseInt(digits.slice(2), 2);
  if (digits.startsWith('0x')) return sign * parseInt(digits.slice(2), 16);
  if (digits.startsWith('0')) return sign * parseInt(digits, 8);
  if (digits.includes(':')) return sign * sexagesimal(digits);
  return sign * Number(digits);
}

/** PyYAML's construct_yaml_float. */
function resolveFloat(text: string): number {
  const { sign, digits } = splitSign(text.replace(/_/g, '').toLowerCase());
  if (digits === '.inf') return sign * Infinity;
  if (digits === '.nan') return NaN;
  if (digits.includes(':')) return sign * sexagesimal(digits);
  return sign * Number(digits);
}

function splitSign(text: string): { sign: number; digits: string } {
  if (text.startsWith('-')) return { sign: -1, digits: text.slice(1) };
  if (text.startsWith('+')) return { sign: 1, digits: text.slice(1) };
  return { sign: 1, digits: text };
}

/** YAML 1.1's base 60 (`1:30` is 90). */
function sexagesimal(text: string): number {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}
