import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One ProtonServiceInstance found in a synthesized template, with the handler code `cdk deploy` would upload. */
export interface SynthesizedInstance {
  readonly stackName: string;
  readonly logicalId: string;
  /** The custom resource's properties as CloudFormation would send them (ServiceToken left out). */
  readonly properties: Record<string, string>;
  /** Absolute path of the bundle file behind the onEvent function, and its exported handler name. */
  readonly onEvent: HandlerLocation;
  readonly isComplete: HandlerLocation;
}

export interface HandlerLocation {
  readonly file: string;
  readonly exportName: string;
}

type Resource = { Type: string; Properties?: Record<string, any> };
type Template = { Resources: Record<string, Resource> };

/** Runs `cdk synth` for the app in `appDir` (its cdk.json) into `outdir`, offline, quietly. */
export function synthesize(appDir: string, outdir: string): void {
  execFileSync('npx', ['cdk', 'synth', '--quiet', '--no-notices', '--output', outdir], {
    cwd: appDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' },
  });
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
      return Object.entries(template.Resources)
        .filter(([, r]) => r.Type === 'Custom::ProtonServiceInstance')
        .map(([logicalId, r]) => instanceOf(outdir, template, stackName, logicalId, r));
    });
}

function instanceOf(outdir: string, template: Template, stackName: string, logicalId: string, resource: Resource): SynthesizedInstance {
  const { ServiceToken, ...properties } = resource.Properties ?? {};
  const framework = template.Resources[getAttTarget(ServiceToken)];
  const env = framework.Properties?.Environment?.Variables ?? {};
  return {
    stackName,
    logicalId,
    properties: stringProperties(properties),
    onEvent: handlerOf(outdir, template, env.USER_ON_EVENT_FUNCTION_ARN),
    isComplete: handlerOf(outdir, template, env.USER_IS_COMPLETE_FUNCTION_ARN),
  };
}

function handlerOf(outdir: string, template: Template, arnRef: unknown): HandlerLocation {
  const fn = template.Resources[getAttTarget(arnRef)];
  const [file, exportName] = String(fn.Properties?.Handler).split('.');
  const assetHash = String(fn.Properties?.Code?.S3Key).replace(/\.zip$/, '');
  return { file: path.join(outdir, `asset.${assetHash}`, `${file}.js`), exportName };
}

function getAttTarget(ref: unknown): string {
  const target = (ref as { 'Fn::GetAtt'?: [string, string] })?.['Fn::GetAtt']?.[0];
  if (!target) throw new Error(`expected an Fn::GetAtt reference, found ${JSON.stringify(ref)}`);
  return target;
}

/** CloudFormation hands every scalar property to a custom resource as a string. */
function stringProperties(properties: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(properties).map(([k, v]) => {
      if (typeof v === 'object') throw new Error(`property ${k} is not resolved at synth time: ${JSON.stringify(v)}`);
      return [k, String(v)];
    }),
  );
}
