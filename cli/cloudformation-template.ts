import { Template, parseTemplate } from '../render/cloudformation-yaml';

export type { Template };

/**
 * A template's text as takeover-check compares it: read as the takeover constructs read the rendering
 * (render/cloudformation-yaml.ts: JSON, or YAML with short-form intrinsics in their long form, with the
 * YAML 1.2 core schema as cloudformation-include reads it), then normalized. `name` names it in messages.
 */
export function readTemplate(text: string, name: string): Template {
  return normalizeTemplate(parseTemplate(text, name));
}

/**
 * The template as CloudFormation compares it, so that only real changes differ:
 * - numbers and booleans are strings (`Port: '80'` and `Port: 80` are one value: cloudformation-include
 *   writes the types of the resource specification);
 * - `Fn::GetAtt: "a.b"` is `["a", "b"]`; `DependsOn` is a sorted list;
 * - a list of tags (`Tags: [{ Key, Value }]`) is sorted by key, as the CDK writes it;
 * - an `Fn::Join` of strings only is the joined string;
 * - an `Fn::Sub` variable whose value is a string is written into the string (cloudformation-include
 *   turns a parameter it replaces in `Fn::Sub: "...${P}..."` into such a variable).
 */
export function normalizeTemplate(template: Template): Template {
  return normalize(template) as Template;
}

function normalize(value: unknown, key?: string): unknown {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (key === 'DependsOn' && typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    const items = value.map((item) => normalize(item));
    if (key === 'DependsOn') return [...items].sort();
    return key === 'Tags' && items.every(isTag) ? [...items].sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0)) : items;
  }
  if (isRecord(value)) return evaluated(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)])));
  return value;
}

/** A GetAtt in its list form; a Join of strings as its result; a Sub with its string variables written in; anything else as it is. */
function evaluated(value: Record<string, unknown>): unknown {
  const [fn, ...more] = Object.keys(value);
  if (more.length > 0) return value;
  if (fn === 'Fn::GetAtt' && typeof value[fn] === 'string') return { [fn]: getAttParts(value[fn] as string) ?? value[fn] };
  if (fn === 'Fn::Join' && Array.isArray(value[fn])) {
    const [delimiter, parts] = value[fn] as unknown[];
    if (typeof delimiter === 'string' && Array.isArray(parts) && parts.every((part) => typeof part === 'string')) return parts.join(delimiter);
  }
  if (fn === 'Fn::Sub' && Array.isArray(value[fn])) {
    const [text, variables] = value[fn] as unknown[];
    if (typeof text === 'string' && isRecord(variables)) return substituted(text, variables);
  }
  return value;
}

/** `Fn::Sub: [text, variables]` with the variables whose value is a string written into the text; the string form when none is left. */
function substituted(text: string, variables: Record<string, unknown>): unknown {
  let result = text;
  const left: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(variables)) {
    if (typeof variable === 'string') result = writeIntoSub(result, `\${${name}}`, variable);
    else left[name] = variable;
  }
  return { 'Fn::Sub': Object.keys(left).length > 0 ? [result, left] : result };
}

/**
 * `text` (an `Fn::Sub` string) with each `reference` (`${Name}`) replaced by `value`, its own `${` escaped
 * as `${!` so that it stays literal (`${!Literal}` is Sub's way to write `${Literal}`).
 */
export function writeIntoSub(text: string, reference: string, value: string): string {
  return text.split(reference).join(value.replace(/\$\{/g, '${!'));
}

/**
 * The resource and attribute of `Fn::GetAtt`, in either form: `["a", "b"]`, or `"a.b"` (the attribute is
 * everything after the first dot: `Db.Endpoint.Address`). Undefined for anything else.
 */
export function getAttParts(value: unknown): [string, string] | undefined {
  if (typeof value === 'string') {
    const dot = value.indexOf('.');
    return dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : undefined;
  }
  if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return [value[0], value[1]];
  return undefined;
}

/** True for `{ "Ref": ... }` and `{ "Fn::...": ... }`: a value CloudFormation computes. */
export function isIntrinsic(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTag(value: unknown): value is { Key: string } {
  return isRecord(value) && typeof value.Key === 'string';
}
