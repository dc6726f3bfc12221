/**
 * Values a template printed before they are known: a takeover stack renders each output it reads at deploy
 * time (environment.outputs.<name>) as a placeholder, then turns each placeholder of the rendered template
 * into a reference to a template parameter that stands for the value: `{ "Ref": P }` where the placeholder
 * is a whole value, an `Fn::Join` where it is part of a string, `${P}` inside an `Fn::Sub`. aws-cdk-lib's
 * cloudformation-include then replaces each parameter with the deploy-time value.
 */
import { RenderError } from './render-error';

/** One deferred value: the placeholder printed for it, and the parameter it becomes. */
export interface DeferredValue {
  readonly placeholder: string;
  readonly parameter: string;
  /** How messages name the value (`environment output VpcId`). */
  readonly description: string;
}

/** The deferred values of one rendering. */
export interface DeferredValues {
  /** A text every placeholder holds, and nothing else the template prints: what is left of it shows a changed value. */
  readonly marker: string;
  readonly values: readonly DeferredValue[];
}

/** Sections where CloudFormation takes no reference to a resource, so no deferred value can go. */
const LITERAL_SECTIONS = ['Parameters', 'Mappings', 'Conditions', 'Rules'];

/**
 * The template with every placeholder replaced, and the parameters declared; `file` names the template in
 * messages. Throws when a deferred value sits where a reference cannot (a key, a parameter, a mapping, a
 * condition), or when the template printed it changed (a filter, a slice) or not at all (it compared it),
 * which would need the value itself.
 */
export function substituteDeferred(template: Record<string, unknown>, deferred: DeferredValues, file: string): Record<string, unknown> {
  const { values } = deferred;
  if (values.length === 0) return template;
  const byPlaceholder = new Map(values.map((value) => [value.placeholder, value]));
  const pattern = new RegExp(values.map((value) => escape(value.placeholder)).join('|'), 'g');
  const used = new Set<DeferredValue>();
  const substituted: Record<string, unknown> = {};
  for (const [section, content] of Object.entries(template)) {
    const where = (path: string) => `${section}${path}`;
    if (LITERAL_SECTIONS.includes(section)) {
      findPlaceholder(content, pattern, '', (path, value) => {
        throw new RenderError(file, `${byPlaceholder.get(value)!.description} is only known at deploy time, but ${where(path)} takes no reference: give its value instead`);
      });
      substituted[section] = content;
    } else {
      substituted[section] = replace(content, '', { pattern, byPlaceholder, used, file, where });
    }
  }
  checkPrintedAsIs(substituted, deferred, used, file);
  const parameters = (substituted.Parameters ?? {}) as Record<string, unknown>;
  for (const value of values.filter((v) => used.has(v))) parameters[value.parameter] = { Type: 'String' };
  return { ...substituted, Parameters: parameters };
}

interface Replacing {
  readonly pattern: RegExp;
  readonly byPlaceholder: ReadonlyMap<string, DeferredValue>;
  readonly used: Set<DeferredValue>;
  readonly file: string;
  readonly where: (path: string) => string;
}

function replace(value: unknown, path: string, r: Replacing): unknown {
  if (typeof value === 'string') return replaceInString(value, r);
  if (Array.isArray(value)) return value.map((item, i) => replace(item, `${path}[${i}]`, r));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [key] of entries) {
    const found = key.match(r.pattern);
    if (found) throw new RenderError(r.file, `${r.byPlaceholder.get(found[0])!.description} is only known at deploy time, but ${r.where(path)} uses it as a key`);
  }
  if (entries.length === 1 && entries[0][0] === 'Fn::Sub') return { 'Fn::Sub': replaceInSub(entries[0][1], `${path}.Fn::Sub`, r) };
  return Object.fromEntries(entries.map(([key, item]) => [key, replace(item, `${path}.${key}`, r)]));
}

/** A string with placeholders: a Ref when it is one whole, a Join of its parts otherwise. */
function replaceInString(text: string, r: Replacing): unknown {
  const parts: unknown[] = [];
  let last = 0;
  for (const match of text.matchAll(r.pattern)) {
    const value = r.byPlaceholder.get(match[0])!;
    r.used.add(value);
    if (match.index! > last) parts.push(text.slice(last, match.index));
    parts.push({ Ref: value.parameter });
    last = match.index! + match[0].length;
  }
  if (parts.length === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts.length === 1 ? parts[0] : { 'Fn::Join': ['', parts] };
}

/** `Fn::Sub`'s string names parameters itself: a placeholder becomes `${P}`; its variables are values as anywhere. */
function replaceInSub(sub: unknown, path: string, r: Replacing): unknown {
  const inString = (text: string) =>
    text.replace(r.pattern, (placeholder) => {
      const value = r.byPlaceholder.get(placeholder)!;
      r.used.add(value);
      return `\${${value.parameter}}`;
    });
  if (typeof sub === 'string') return inString(sub);
  if (Array.isArray(sub) && typeof sub[0] === 'string') return [inString(sub[0]), ...sub.slice(1).map((item, i) => replace(item, `${path}[${i + 1}]`, r))];
  return replace(sub, path, r);
}

/** Every value the template read must reach the template as it was printed: anything else needed the value. */
function checkPrintedAsIs(template: unknown, { marker, values }: DeferredValues, used: ReadonlySet<DeferredValue>, file: string): void {
  // A placeholder changed by a filter (upper, replace, a slice) keeps its marker, in some case.
  if (JSON.stringify(template).toLowerCase().includes(marker.toLowerCase())) {
    throw new RenderError(file, 'an output known only at deploy time is changed before it is printed (a filter, a slice): give its value instead');
  }
  for (const value of values) {
    if (!used.has(value)) {
      throw new RenderError(file, `${value.description} is only known at deploy time, but the template reads it without printing it (a test or a comparison): give its value instead`);
    }
  }
}

/** Calls `found` for the first placeholder in a value, with its path. */
function findPlaceholder(value: unknown, pattern: RegExp, path: string, found: (path: string, placeholder: string) => void): void {
  if (typeof value === 'string') {
    const match = value.match(pattern);
    if (match) found(path, match[0]);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findPlaceholder(item, pattern, `${path}[${i}]`, found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      findPlaceholder(key, pattern, path, found);
      findPlaceholder(item, pattern, `${path}.${key}`, found);
    }
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
