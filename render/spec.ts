/**
 * The inputs a Proton spec gives one resource: `proton: ServiceSpec` with `instances: [{ name, environment,
 * spec }]`, or `proton: EnvironmentSpec` with `spec`. Read with Python's YAML rules (python-yaml), not with
 * lambda/spec.ts's YAML 1.2 reading, which serves comparing specs: a render must see `1.0` as a float and
 * `yes` as true, as Proton's Jinja did.
 */
import { PyDict, isDict } from './python-values';
import { parsePythonYaml } from './python-yaml';
import { RenderError } from './render-error';

/** Proton's placeholder for "keep the current value", which only Proton could resolve. */
const CURRENT_VAL = '${Proton::CURRENT_VAL}';

export interface ServiceInstanceEntry {
  /** The entry's `environment`: the name of the environment the instance runs in. */
  readonly environment: string;
  /** The entry's `spec`: the instance's inputs as given, without schema defaults. */
  readonly inputs: PyDict;
}

/** The entry of `instances` named `instanceName`; `file` names the spec in messages. */
export function readServiceInstanceEntry(text: string, file: string, instanceName: string): ServiceInstanceEntry {
  const doc = readSpec(text, file, 'ServiceSpec');
  const instances = Array.isArray(doc.instances) ? doc.instances : [];
  const entry = instances.find((item): item is PyDict => isDict(item) && item.name === instanceName);
  if (!entry) {
    const names = instances.filter(isDict).map((item) => String(item.name));
    throw new RenderError(file, `has no entry for instance "${instanceName}" under \`instances\` (it has: ${names.join(', ') || 'none'})`);
  }
  if (typeof entry.environment !== 'string' || entry.environment === '') {
    throw new RenderError(file, `instance "${instanceName}" must name its \`environment\``);
  }
  return { environment: entry.environment, inputs: inputsOf(entry.spec, file, `instance "${instanceName}"`) };
}

/** The inputs of an EnvironmentSpec. */
export function readEnvironmentInputs(text: string, file: string): PyDict {
  return inputsOf(readSpec(text, file, 'EnvironmentSpec').spec, file, 'the environment');
}

function readSpec(text: string, file: string, expected: 'ServiceSpec' | 'EnvironmentSpec'): PyDict {
  const doc = parsePythonYaml(text, file);
  if (!isDict(doc)) throw new RenderError(file, `must be a YAML mapping with \`proton: ${expected}\``);
  if (doc.proton !== expected) {
    const found = doc.proton === undefined ? 'no `proton:` key' : `\`proton: ${String(doc.proton)}\``;
    const renders = expected === 'ServiceSpec' ? 'a service instance renders' : 'an environment renders';
    throw new RenderError(file, `has ${found}; ${renders} from a spec with \`proton: ${expected}\``);
  }
  return doc;
}

function inputsOf(spec: unknown, file: string, owner: string): PyDict {
  if (spec === undefined || spec === null) return {};
  if (!isDict(spec)) throw new RenderError(file, `the \`spec\` of ${owner} must be a mapping of inputs`);
  const placeholder = findCurrentVal(spec, '');
  if (placeholder !== undefined) {
    throw new RenderError(file, `input ${placeholder} of ${owner} is ${CURRENT_VAL}, which only Proton could resolve: give its value`);
  }
  return spec;
}

function findCurrentVal(value: unknown, path: string): string | undefined {
  if (value === CURRENT_VAL) return path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findCurrentVal(item, `${path}[${i}]`);
      if (found !== undefined) return found;
    }
  }
  if (isDict(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findCurrentVal(item, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
