import { randomUUID } from 'node:crypto';
import Module from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HandlerLocation, SynthesizedInstance, handlerModuleFile } from './cloud-assembly';

export type HandlerFunction = (event: any) => Promise<any>;

/** The two handlers of one synthesized instance, loaded from its bundled assets. */
export interface LoadedHandlers {
  readonly onEvent: HandlerFunction;
  readonly isComplete: HandlerFunction;
}

/** What a Lambda container's environment would give the bundle, pointed at a Proton endpoint. */
export interface HandlerEnvironment {
  readonly endpoint: string;
  /** Where the handler asks CloudFormation whether its stack is rolling back: a CloudFormationStandIn. */
  readonly cloudFormationEndpoint: string;
}

/**
 * Loads the bundles as a fresh Lambda container would: each entry module evaluated anew (so the SDK
 * clients it builds read this environment's endpoints), AWS_ENDPOINT_URL_PROTON set, dummy credentials.
 * Like Lambda, the bundle reads its environment when it builds a client: the Proton client at load, the
 * CloudFormation client at its first use; so handlers of one run are loaded, then used, before the next.
 */
export async function loadHandlers(instance: SynthesizedInstance, env: HandlerEnvironment): Promise<LoadedHandlers> {
  Object.assign(host.process.env, {
    AWS_ENDPOINT_URL_PROTON: env.endpoint,
    AWS_ENDPOINT_URL_CLOUDFORMATION: env.cloudFormationEndpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'emulator',
    AWS_SECRET_ACCESS_KEY: 'emulator',
    // The SDK warns at load time that it will need Node.js 22; Lambda runs the bundle on Node.js 24.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const [onEvent, isComplete] = await Promise.all([load(instance.onEvent), load(instance.isComplete)]);
  return { onEvent, isComplete };
}

/**
 * The host's own `process` and `console`. Under jest, test code sees sandboxed copies while the bundle,
 * loaded as a plain Node module, sees the host's: its environment and its logs go through these.
 */
export const host = compile('module.exports = { process, console };', path.join(__dirname, 'host.js')) as {
  process: NodeJS.Process;
  console: Console;
};

/**
 * The host's own dynamic import. Under jest, `import()` in test code goes through jest's module system,
 * which cannot load ES modules; the bundle's entries are ES modules (.mjs), loaded here as Lambda's Node does.
 */
const hostImport = compile('module.exports = (url) => import(url);', path.join(__dirname, 'host-import.js')) as (url: string) => Promise<Record<string, unknown>>;

/**
 * Each load evaluates the entry anew: a module URL with its own query is a module of its own. The query
 * is unique in the process, not per module instance: jest gives each test file its own copy of this
 * module, while Node's module cache, like hostImport, outlives them.
 */
async function load(location: HandlerLocation): Promise<HandlerFunction> {
  const file = handlerModuleFile(location);
  const url = `${pathToFileURL(file).href}?container=${randomUUID()}`;
  const exports = await hostImport(url);
  const fn = exports[location.exportName];
  if (typeof fn !== 'function') throw new Error(`${file} exports no function ${location.exportName}`);
  return fn as HandlerFunction;
}

function compile(code: string, file: string): unknown {
  const mod = new Module(file) as Module & { _compile(code: string, file: string): void };
  mod.filename = file;
  mod.paths = [path.dirname(file)];
  mod._compile(code, file);
  return mod.exports;
}
