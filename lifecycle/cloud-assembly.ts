import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One ProtonServiceInstance found in a synthesized template, with the handler code `cdk deploy` would upload. */
export interface SynthesizedInstance {
  readonly stackName: string;
  readonly logicalId: string;
  /** The construct path (`aws:cdk:path` metadata), when the app records it. */
  readonly constructPath?: string;
  /** The stack's region, when the stack names one; an environment-agnostic stack deploys to the caller's. */
  readonly region?: string;
  /** The custom resource's properties as CloudFormation would send them (ServiceToken left out). */
  readonly properties: Record<string, string>;
  /** Where the onEvent function's code is: its asset folder, the module Lambda loads and the function it exports. */
  readonly onEvent: HandlerLocation;
  /** Where the isComplete function's code is, likewise. */
  readonly isComplete: HandlerLocation;
}

export interface HandlerLocation {
  /** The function's asset folder in the cloud assembly. */
  readonly assetDir: string;
  /** The handler string's module part: the file Lambda loads, without its extension. */
  readonly moduleName: string;
  readonly exportName: string;
}

/** The file of a handler's module: Lambda's Node.js runtime takes it as .js, .mjs or .cjs. */
export function handlerModuleFile({ assetDir, moduleName }: HandlerLocation): string {
  const found = ['.js', '.mjs', '.cjs'].map((ext) => path.join(assetDir, moduleName + ext)).find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`no module ${moduleName} (.js, .mjs or .cjs) in ${assetDir}`);
  return found;
}

type Resource = { Type: string; Properties?: Record<string, any>; Metadata?: Record<string, unknown> };
type Template = { Resources: Record<string, Resource> };

/**
 * Runs `cdk synth` in `appDir` into `outdir`, offline, quietly: the app of its cdk.json, or `app` (a
 * command, as `cdk synth --app` takes it), given `context` as `cdk synth --context key=value` gives it.
 */
export function synthesize(appDir: string, outdir: string, app?: string, context: Readonly<Record<string, string>> = {}): void {
  const appArgs = app === undefined ? [] : ['--app', app];
  const contextArgs = Object.entries(context).flatMap(([key, value]) => ['--context', `${key}=${value}`]);
  try {
    execFileSync('npx', ['cdk', 'synth', '--quiet', '--no-notices', ...appArgs, ...contextArgs, '--output', outdir], {
      cwd: appDir,
      // The CLI prints notices (feature flags) even with --quiet: its output matters only when synth fails.
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' },
    });
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? '').trim();
    throw new Error(`cdk synth failed in ${appDir}${stderr ? `:\n${stderr}` : ''}`);
  }
}

/**
 * Every ProtonServiceInstance of every stack in a cloud assembly. The handler code is found the way
 * CloudFormation would reach it: ServiceToken → the framework's onEvent function → its environment's
 * USER_ON_EVENT_FUNCTION_ARN / USER_IS_COMPLETE_FUNCTION_ARN → our function → its code asset.
 */
export function readInstances(outdir: string): SynthesizedInstance[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  return Object.entries<any>(manifest.artifacts)
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .flatMap(([stackName, artifact]) => {
      const template: Template = JSON.parse(fs.readFileSync(path.join(outdir, artifact.properties.templateFile), 'utf8'));
      const region = regionOf(artifact.environment);
      return Object.entries(template.Resources)
        .filter(([, r]) => r.Type === 'Custom::ProtonServiceInstance')
        .map(([logicalId, r]) => ({ ...instanceOf(outdir, template, stackName, logicalId, r), ...(region ? { region } : {}) }));
    });
}

/** The instance whose InstanceName property is `instanceName`, in a cloud assembly; throws when there is none. */
export function findInstance(outdir: string, instanceName: string): SynthesizedInstance {
  const found = readInstances(outdir).find((instance) => instance.properties.InstanceName === instanceName);
  if (!found) throw new Error(`the cloud assembly ${outdir} declares no instance ${instanceName}`);
  return found;
}

function instanceOf(outdir: string, template: Template, stackName: string, logicalId: string, resource: Resource): SynthesizedInstance {
  const { ServiceToken, ...properties } = resource.Properties ?? {};
  const framework = template.Resources[getAttTarget(ServiceToken)];
  const env = framework.Properties?.Environment?.Variables ?? {};
  const constructPath = resource.Metadata?.['aws:cdk:path'];
  return {
    stackName,
    logicalId,
    ...(typeof constructPath === 'string' ? { constructPath } : {}),
    properties: stringProperties(properties, `${stackName}/${logicalId}`),
    onEvent: handlerOf(outdir, template, env.USER_ON_EVENT_FUNCTION_ARN),
    isComplete: handlerOf(outdir, template, env.USER_IS_COMPLETE_FUNCTION_ARN),
  };
}

function handlerOf(outdir: string, template: Template, arnRef: unknown): HandlerLocation {
  const fn = template.Resources[getAttTarget(arnRef)];
  const [moduleName, exportName] = String(fn.Properties?.Handler).split('.');
  const assetHash = String(fn.Properties?.Code?.S3Key).replace(/\.zip$/, '');
  return { assetDir: path.join(outdir, `asset.${assetHash}`), moduleName, exportName };
}

function getAttTarget(ref: unknown): string {
  const target = (ref as { 'Fn::GetAtt'?: [string, string] })?.['Fn::GetAtt']?.[0];
  if (!target) throw new Error(`expected an Fn::GetAtt reference, found ${JSON.stringify(ref)}`);
  return target;
}

/** `aws://account/region` → region; undefined for an environment-agnostic stack. */
function regionOf(environment: unknown): string | undefined {
  const region = typeof environment === 'string' ? environment.split('/')[3] : undefined;
  return region && region !== 'unknown-region' ? region : undefined;
}

/** CloudFormation hands every scalar property to a custom resource as a string. */
function stringProperties(properties: Record<string, unknown>, resource: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(properties).map(([k, v]) => {
      if (typeof v === 'object') throw new Error(`${resource}: property ${k} is not resolved at synth time: ${JSON.stringify(v)}`);
      return [k, String(v)];
    }),
  );
}
