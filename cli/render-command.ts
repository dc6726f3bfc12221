import * as fs from 'node:fs';
import { RenderError, parseSpecText, readTemplateBundle, renderEnvironment, renderServiceInstance } from '../render';

/** `render`'s options, as the command line gives them. */
export interface RenderCommand {
  readonly template: string;
  readonly spec: string;
  readonly instance?: string;
  readonly service?: string;
  readonly environmentName?: string;
  readonly environmentOutputs?: string;
  readonly componentOutputs?: string;
  readonly componentNames?: string;
  readonly environmentAccountId?: string;
}

/**
 * `cdk-proton-instance render`: the template Proton rendered from one bundle version and a spec, on stdout.
 * The spec's `proton:` key says what it renders: a ServiceSpec the instance `--instance` names, an
 * EnvironmentSpec the environment. Any problem throws an error whose message names the file at fault.
 */
export function runRender(command: RenderCommand): number {
  const specText = readFile(command.spec, 'the spec');
  const bundle = readTemplateBundle(command.template);
  if (specKind(specText, command.spec) === 'EnvironmentSpec') {
    const environmentName = required(command.environmentName, '--environment-name', 'an EnvironmentSpec renders an environment, which needs its name');
    process.stdout.write(renderEnvironment(bundle, { environmentName, spec: specText, specName: command.spec }));
  } else {
    const instanceName = required(command.instance, '--instance', 'a ServiceSpec renders one of its instances');
    const serviceName = required(command.service, '--service', 'a service instance renders with its service\'s name');
    process.stdout.write(
      renderServiceInstance(bundle, {
        serviceName,
        instanceName,
        spec: specText,
        specName: command.spec,
        environmentOutputs: command.environmentOutputs ? readOutputs(command.environmentOutputs) : undefined,
        components: command.componentOutputs ? readComponentOutputs(command.componentOutputs) : undefined,
        componentNames: command.componentNames ? stringMap(readJson(command.componentNames), command.componentNames, 'the component names') : undefined,
        environmentAccountId: command.environmentAccountId,
      }),
    );
  }
  return 0;
}

/** What the spec renders, by its `proton:` key; the renderer checks the rest. */
function specKind(text: string, file: string): 'ServiceSpec' | 'EnvironmentSpec' {
  let doc: unknown;
  try {
    doc = parseSpecText(text);
  } catch (e) {
    throw new RenderError(file, `is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const kind = (doc as { proton?: unknown } | null)?.proton;
  if (kind !== 'ServiceSpec' && kind !== 'EnvironmentSpec') {
    throw new RenderError(file, `must say what it specifies with \`proton: ServiceSpec\` or \`proton: EnvironmentSpec\` (found ${JSON.stringify(kind ?? null)})`);
  }
  return kind;
}

function required(value: string | undefined, flag: string, why: string): string {
  if (value === undefined) throw new Error(`render needs ${flag}: ${why}`);
  return value;
}

/** `{ "VpcId": "vpc-0abc", ... }`: a stack's outputs, each a string as CloudFormation gives them. */
function readOutputs(file: string): Record<string, string> {
  return stringMap(readJson(file), file, 'the outputs');
}

/** `{ "default": { "BucketName": "..." } }`: each attached component's outputs by slot. */
function readComponentOutputs(file: string): Record<string, Record<string, string>> {
  const slots = readJson(file);
  if (!isObject(slots)) throw new RenderError(file, 'must hold a JSON object of component slots, each an object of outputs');
  return Object.fromEntries(Object.entries(slots).map(([slot, outputs]) => [slot, stringMap(outputs, file, `component ${slot}`)]));
}

function stringMap(value: unknown, file: string, what: string): Record<string, string> {
  if (!isObject(value)) throw new RenderError(file, `${what} must be a JSON object of names and values`);
  for (const [name, output] of Object.entries(value)) {
    if (typeof output !== 'string') throw new RenderError(file, `${name} of ${what} must be a string, as CloudFormation outputs and Proton's names are (found ${JSON.stringify(output)})`);
  }
  return value as Record<string, string>;
}

function readJson(file: string): unknown {
  const text = readFile(file, 'a JSON file given on the command line');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RenderError(file, `is not valid JSON: ${(e as Error).message}`);
  }
}

function readFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RenderError(file, code === 'ENOENT' ? `missing: ${what} given on the command line` : `cannot be read: ${(e as Error).message}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
