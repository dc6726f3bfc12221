import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { HandlerLocation, SynthesizedInstance } from './cloud-assembly';

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
  readonly region?: string;
}

/**
 * Loads the bundles as a fresh Lambda container would: a new module instance (so the SDK client it
 * builds at load time reads this environment's endpoint), AWS_ENDPOINT_URL_PROTON set, dummy credentials.
 */
export function loadHandlers(instance: SynthesizedInstance, env: HandlerEnvironment): LoadedHandlers {
  Object.assign(host.process.env, {
    AWS_ENDPOINT_URL_PROTON: env.endpoint,
    AWS_ENDPOINT_URL_CLOUDFORMATION: env.cloudFormationEndpoint,
    AWS_REGION: env.region ?? 'us-east-1',
    AWS_ACCESS_KEY_ID: 'emulator',
    AWS_SECRET_ACCESS_KEY: 'emulator',
    // The SDK warns at load time that it will need Node.js 22; Lambda runs the bundle on Node.js 24.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  return { onEvent: load(instance.onEvent), isComplete: load(instance.isComplete) };
}

/**
 * The host's own `process` and `console`. Under jest, test code sees sandboxed copies while the bundle,
 * loaded as a plain Node module, sees the host's: its environment and its logs go through these.
 */
export const host = compile('module.exports = { process, console };', path.join(__dirname, 'host.js')) as {
  process: NodeJS.Process;
  console: Console;
};

function load(location: HandlerLocation): HandlerFunction {
  const exports = compile(fs.readFileSync(location.file, 'utf8'), location.file) as Record<string, unknown>;
  const fn = exports[location.exportName];
  if (typeof fn !== 'function') throw new Error(`${location.file} exports no function ${location.exportName}`);
  return fn as HandlerFunction;
}

function compile(code: string, file: string): unknown {
  const mod = new Module(file) as Module & { _compile(code: string, file: string): void };
  mod.filename = file;
  mod.paths = [path.dirname(file)];
  mod._compile(code, file);
  return mod.exports;
}
