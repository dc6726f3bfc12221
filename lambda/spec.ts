import { parseSpecText } from '../render/spec-text';

/** Proton's placeholder for "keep whatever value is there now". */
export const CURRENT_VAL = '${Proton::CURRENT_VAL}';

/** A mapping parsed from YAML. */
export type SpecMap = Record<string, unknown>;

/** One key (dotted path) whose value differs between the current and the desired spec. */
export interface SpecDifference {
  readonly path: string;
  readonly current: unknown;
  readonly desired: unknown;
}

/** Parses a service spec; throws with `what` in the message when it is not a YAML mapping. */
export function parseServiceSpec(text: string, what: string): SpecMap {
  let doc: unknown;
  try {
    doc = parseSpecText(text);
  } catch (e) {
    throw new Error(`${what} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isMap(doc)) {
    throw new Error(`${what} must be a YAML mapping (proton: ServiceSpec, instances: [...])`);
  }
  return doc;
}

/** The entry of `instances` whose `name` is instanceName, if the spec has one. */
export function findInstanceEntry(doc: SpecMap, instanceName: string): SpecMap | undefined {
  const index = findInstanceIndex(doc, instanceName);
  return index < 0 ? undefined : (doc.instances as SpecMap[])[index];
}

/** The position of that entry in `instances`, or -1. */
export function findInstanceIndex(doc: SpecMap, instanceName: string): number {
  const instances = doc.instances;
  if (!Array.isArray(instances)) return -1;
  return instances.findIndex((entry) => isMap(entry) && entry.name === instanceName);
}

/** Fills the inputs an instance's spec leaves out with its template version's schema defaults. */
export type FillDefaults = (inputs: SpecMap) => SpecMap;

/**
 * Compares the parts of two instance entries that a deployment of this instance changes: its `spec`
 * map and its `environment`. Other keys of the entry, other instances and the pipeline are ignored.
 * A missing `spec`, `spec: {}` and `spec:` (null) are one declaration: no inputs. With `defaults`, the
 * inputs are compared after the schema's defaults fill what either side leaves out, as Proton fills them
 * before it renders; a `null` input is a value, which no default replaces.
 */
export function instanceEntryDifferences(current: SpecMap | undefined, desired: SpecMap, defaults?: FillDefaults): SpecDifference[] {
  const inputs = (entry: SpecMap | undefined) => {
    const spec = entry?.spec ?? {};
    return defaults && isMap(spec) ? defaults(spec) : spec;
  };
  return [
    ...differences(current?.environment, desired.environment, 'environment'),
    ...differences(inputs(current), inputs(desired), 'spec'),
  ];
}

/**
 * Whether the schema's defaults could change a comparison: some input is absent on one side, which a
 * default may fill. An input present on both sides differs whatever the defaults are.
 */
export function defaultsMayMatter(specDifferences: readonly SpecDifference[]): boolean {
  return specDifferences.some((d) => d.path.startsWith('spec') && (d.current === undefined || d.desired === undefined));
}

/**
 * Semantic difference of two parsed YAML values. Key order and quoting never differ; a desired
 * `${Proton::CURRENT_VAL}` equals anything. Scalars of different types compare by their text, since
 * Proton validates inputs against the template schema and `80` and `"80"` reach it as the same input.
 */
export function differences(current: unknown, desired: unknown, path: string): SpecDifference[] {
  if (desired === CURRENT_VAL) return [];
  if (isMap(current) && isMap(desired)) {
    const keys = new Set([...Object.keys(current), ...Object.keys(desired)]);
    return [...keys].sort().flatMap((key) => differences(current[key], desired[key], `${path}.${key}`));
  }
  if (Array.isArray(current) && Array.isArray(desired)) {
    if (current.length !== desired.length) return [{ path, current, desired }];
    return current.flatMap((item, i) => differences(item, desired[i], `${path}[${i}]`));
  }
  return sameScalar(current, desired) ? [] : [{ path, current, desired }];
}

function sameScalar(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  return scalar(a) && scalar(b) && String(a) === String(b);
}

function isMap(value: unknown): value is SpecMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
