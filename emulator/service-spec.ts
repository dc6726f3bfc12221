import { parse, stringify } from 'yaml';
import { validationError } from './errors';
import { isObject } from './model-validator';
import { SpecMap } from './records';

/** In a submitted spec, this value means "keep what the instance has now". */
const CURRENT_VAL = '${Proton::CURRENT_VAL}';

/** One entry of the `instances:` list of a service spec. */
export interface InstanceEntry {
  name: string;
  environment?: string;
  spec: SpecMap;
}

/** A whole service spec, split into its instance entries and everything else. */
export interface ServiceSpec {
  header: SpecMap;
  entries: InstanceEntry[];
}

/** Parses a spec as Proton receives it (YAML text); a spec that is not one is a ValidationException. */
export function parseServiceSpec(text: string): ServiceSpec {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw validationError(`The spec is not valid YAML: ${(error as Error).message}`);
  }
  return readServiceSpec(document);
}

/** Reads an already-parsed spec document (seeds may give one as an object). */
export function readServiceSpec(document: unknown): ServiceSpec {
  if (!isObject(document)) {
    throw validationError('The spec must be a YAML map with an instances list');
  }
  const { instances, ...header } = document;
  if (instances === undefined || instances === null) {
    return { header, entries: [] };
  }
  if (!Array.isArray(instances)) {
    throw validationError('The spec field instances must be a list');
  }
  return { header, entries: instances.map(readEntry) };
}

export function renderServiceSpec(spec: ServiceSpec): string {
  // An instance without inputs shows as an entry without `spec:`, as it was submitted: no inputs, or `{}`.
  const instances = spec.entries.map(({ name, environment, spec: own }) => ({ name, environment, ...(Object.keys(own).length > 0 ? { spec: own } : {}) }));
  return stringify({ ...spec.header, instances });
}

/** The spec with `entry` in place of the instance's entry, or appended when it has none. */
export function withEntry(spec: ServiceSpec, entry: InstanceEntry): ServiceSpec {
  const present = spec.entries.some((candidate) => candidate.name === entry.name);
  const entries = present
    ? spec.entries.map((candidate) => (candidate.name === entry.name ? entry : candidate))
    : [...spec.entries, entry];
  return { header: spec.header, entries };
}

export function findEntry(spec: ServiceSpec, instanceName: string): InstanceEntry {
  const entry = spec.entries.find((candidate) => candidate.name === instanceName);
  if (!entry) {
    throw validationError(`The spec has no entry under instances for service instance ${instanceName}`);
  }
  return entry;
}

/** Replaces every CURRENT_VAL in a submitted spec by the value the instance has at the same place. */
export function resolveCurrentValues(submitted: SpecMap, current: SpecMap, path = ''): SpecMap {
  const resolved: SpecMap = {};
  for (const [key, value] of Object.entries(submitted)) {
    const where = path ? `${path}.${key}` : key;
    if (value === CURRENT_VAL) {
      if (!(key in current)) {
        throw validationError(`${CURRENT_VAL} at ${where}, but the service instance has no current value there`);
      }
      resolved[key] = current[key];
    } else if (isObject(value)) {
      resolved[key] = resolveCurrentValues(value, isObject(current[key]) ? current[key] : {}, where);
    } else {
      resolved[key] = value;
    }
  }
  return resolved;
}

function readEntry(entry: unknown, index: number): InstanceEntry {
  if (!isObject(entry) || typeof entry.name !== 'string' || entry.name === '') {
    throw validationError(`Entry ${index + 1} under instances needs a name`);
  }
  const { name, environment, spec } = entry;
  if (environment !== undefined && typeof environment !== 'string') {
    throw validationError(`The environment of instance ${name} must be a string`);
  }
  if (spec !== undefined && spec !== null && !isObject(spec)) {
    throw validationError(`The spec of instance ${name} must be a map`);
  }
  return { name, environment, spec: spec ?? {} };
}

/**
 * The instance's own spec out of a submitted whole-service spec: its entry under `instances:`,
 * with CURRENT_VAL resolved against `current`. An instance cannot move to another environment.
 */
export function submittedInstanceSpec(
  text: string,
  instanceName: string,
  environmentName: string,
  current: SpecMap,
): SpecMap {
  const entry = findEntry(parseServiceSpec(text), instanceName);
  if (entry.environment !== undefined && entry.environment !== CURRENT_VAL && entry.environment !== environmentName) {
    throw validationError(
      `Service instance ${instanceName} is in environment ${environmentName}; the spec can't move it to ${entry.environment}`,
    );
  }
  return resolveCurrentValues(entry.spec, current);
}
