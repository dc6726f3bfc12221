import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TAKEOVER_METADATA_TYPE } from '../../cli/takeover-stacks';
import { ACCOUNT, REGION } from './takeover-fixtures';

/** One stack of a hand-built cloud assembly. */
export interface AssemblyStack {
  readonly artifactId: string;
  /** The stack's construct path (the artifact's displayName). @default the artifact id, as for a stack at the app's top */
  readonly path?: string;
  /** properties.stackName; absent: the artifact id is the stack's name. */
  readonly stackName?: string;
  /** @default REGION */
  readonly region?: string;
  readonly template: object;
  /** The takeover entry's data, as the construct writes it; absent: an ordinary stack. */
  readonly takeover?: unknown;
  /** Where the entry goes: the additionalMetadataFile (aws-cdk-lib 2.x today) or the artifact's `metadata` (older). @default 'file' */
  readonly metadata?: 'file' | 'inline';
  /** The metadata key the entry goes under. @default `/${path}`: the stack's construct path */
  readonly metadataKey?: string;
}

/**
 * A cloud assembly as `cdk synth` writes it, by hand: manifest.json, each stack's template and its
 * metadata file, following the contract in cli/takeover-stacks.ts. Returns its directory (`outdir`, or a
 * new one).
 */
export function writeCloudAssembly(stacks: readonly AssemblyStack[], outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'takeover-assembly-'))): string {
  fs.mkdirSync(outdir, { recursive: true });
  const artifacts: Record<string, unknown> = {};
  for (const stack of stacks) {
    const constructPath = stack.path ?? stack.artifactId;
    const templateFile = `${stack.artifactId}.template.json`;
    fs.writeFileSync(path.join(outdir, templateFile), JSON.stringify(stack.template, null, 1));
    const entries = {
      [stack.metadataKey ?? `/${constructPath}`]: [
        { type: 'aws:cdk:stack-tags', data: [] },
        ...(stack.takeover !== undefined ? [{ type: TAKEOVER_METADATA_TYPE, data: stack.takeover }] : []),
      ],
      [`/${constructPath}/CDKMetadata/Default`]: [{ type: 'aws:cdk:logicalId', data: 'CDKMetadata' }],
    };
    const metadataFile = `${stack.artifactId}.metadata.json`;
    if (stack.metadata !== 'inline') fs.writeFileSync(path.join(outdir, metadataFile), JSON.stringify(entries, null, 1));
    artifacts[`${stack.artifactId}.assets`] = {
      type: 'cdk:asset-manifest',
      properties: { file: `${stack.artifactId}.assets.json`, requiresBootstrapStackVersion: 6 },
    };
    artifacts[stack.artifactId] = {
      type: 'aws:cloudformation:stack',
      environment: `aws://${ACCOUNT}/${stack.region ?? REGION}`,
      properties: {
        templateFile,
        terminationProtection: false,
        validateOnSynth: false,
        ...(stack.stackName ? { stackName: stack.stackName } : {}),
      },
      dependencies: [`${stack.artifactId}.assets`],
      ...(stack.metadata === 'inline' ? { metadata: entries } : { additionalMetadataFile: metadataFile }),
      displayName: constructPath,
    };
  }
  artifacts.Tree = { type: 'cdk:tree', properties: { file: 'tree.json' } };
  fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify({ version: '55.0.0', artifacts }, null, 1));
  return outdir;
}

/** A cloud assembly holding a stage's: the stacks under `assembly-<stage>`, as aws-cdk-lib writes a Stage. */
export function writeStageAssembly(stage: string, stacks: readonly AssemblyStack[]): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'takeover-assembly-'));
  const directoryName = `assembly-${stage}`;
  writeCloudAssembly(stacks, path.join(outdir, directoryName));
  const artifacts = { [directoryName]: { type: 'cdk:cloud-assembly', properties: { directoryName, displayName: stage } } };
  fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify({ version: '55.0.0', artifacts }, null, 1));
  return outdir;
}
