import * as fs from 'node:fs';
import * as path from 'node:path';
import { Template, isRecord } from './cloudformation-template';

/**
 * The contract between the takeover constructs (ServiceInstanceStack, EnvironmentStack) and
 * `takeover-check`, as the cloud assembly carries it. The construct marks its stack:
 *
 *     Stack.of(this).node.addMetadata('cdk-proton-instance:takeover', {
 *       kind: 'ServiceInstanceStack',   // or 'EnvironmentStack'
 *       lookups: [{ logicalId: 'EnvironmentOutputs1A2B3C', stackName: 'AWSProton-prod-env-cloudformation--QYWPQLSESXEMRBY' }],
 *     });
 *
 * - aws-cdk-lib writes the entry `{ type: 'cdk-proton-instance:takeover', data: { kind, lookups } }` under
 *   the key `/<stack's construct path>` of the stack artifact's metadata: in the file the artifact's
 *   `additionalMetadataFile` names, or (older aws-cdk-lib) inline under the artifact's `metadata`.
 *   Both are read; so are the stacks of nested cloud assemblies (stages).
 * - `kind`: 'ServiceInstanceStack' or 'EnvironmentStack'. `lookups`: the deploy-time lookups in the stack's
 *   template, each a resource `logicalId` whose `Fn::GetAtt: [<logicalId>, <OutputKey>]` stands for the
 *   output <OutputKey> of the stack `stackName` (in the stack's own account and region); empty or absent
 *   when every value is literal.
 * - The live stack, the one Proton deployed and the app takes over under the same name, is the artifact's
 *   `properties.stackName`, else the artifact id; the synthesized template is `properties.templateFile`;
 *   account and region come from the artifact's `environment` (aws://account/region).
 * - A stack artifact without the entry is not a takeover stack, and is skipped. The entry under any other
 *   key (a construct inside the stack), twice, or with other data is an error: a check that silently
 *   skipped a stack would be worse than none.
 */
export const TAKEOVER_METADATA_TYPE = 'cdk-proton-instance:takeover';

export type TakeoverKind = 'ServiceInstanceStack' | 'EnvironmentStack';

const KINDS: readonly TakeoverKind[] = ['ServiceInstanceStack', 'EnvironmentStack'];

/** A deploy-time read of another stack's outputs: `Fn::GetAtt: [logicalId, <OutputKey>]`. */
export interface Lookup {
  readonly logicalId: string;
  readonly stackName: string;
}

/** A stack of the app that takes over a live stack. */
export interface TakeoverStack {
  /** The stack artifact's id in the cloud assembly. */
  readonly artifactId: string;
  /** The stack's construct path (`PaymentsProd`, `Prod/PaymentsProd` in a stage). */
  readonly path: string;
  /** The live stack's name, and the deployed one's. */
  readonly stackName: string;
  readonly account?: string;
  /** Absent for an environment-agnostic stack: it deploys to the caller's region. */
  readonly region?: string;
  readonly kind: TakeoverKind;
  readonly lookups: Lookup[];
  /** The synthesized template. */
  readonly template: Template;
}

interface MetadataEntry {
  readonly type: string;
  readonly data?: unknown;
}

interface Artifact {
  readonly type: string;
  readonly environment?: string;
  readonly displayName?: string;
  readonly properties?: { readonly stackName?: string; readonly templateFile?: string; readonly directoryName?: string };
  readonly metadata?: Record<string, MetadataEntry[]>;
  readonly additionalMetadataFile?: string;
}

/** The takeover stacks of a cloud assembly (and of the assemblies nested in it), in manifest order. */
export function readTakeoverStacks(outdir: string): TakeoverStack[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as { artifacts?: Record<string, Artifact> };
  return Object.entries(manifest.artifacts ?? {}).flatMap(([artifactId, artifact]): TakeoverStack[] => {
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      return readTakeoverStacks(path.join(outdir, artifact.properties.directoryName));
    }
    if (artifact.type !== 'aws:cloudformation:stack') return [];
    const marking = takeoverMarking(outdir, artifactId, artifact);
    return marking ? [takeoverStack(outdir, artifactId, artifact, marking)] : [];
  });
}

function takeoverStack(outdir: string, artifactId: string, artifact: Artifact, marking: Marking): TakeoverStack {
  const templateFile = artifact.properties?.templateFile;
  if (!templateFile) throw new Error(`stack artifact ${artifactId} has no properties.templateFile`);
  const [account, region] = environmentOf(artifact.environment);
  return {
    artifactId,
    path: marking.path,
    stackName: artifact.properties?.stackName ?? artifactId,
    ...(account ? { account } : {}),
    ...(region ? { region } : {}),
    kind: marking.kind,
    lookups: marking.lookups,
    template: JSON.parse(fs.readFileSync(path.join(outdir, templateFile), 'utf8')) as Template,
  };
}

interface Marking {
  readonly path: string;
  readonly kind: TakeoverKind;
  readonly lookups: Lookup[];
}

/** The stack's takeover entry, undefined when it has none; throws when it is not where and what the contract says. */
function takeoverMarking(outdir: string, artifactId: string, artifact: Artifact): Marking | undefined {
  const stackKey = `/${artifact.displayName ?? artifactId}`;
  const found = Object.entries(metadataOf(outdir, artifact)).flatMap(([key, entries]) =>
    entries.filter((entry) => entry.type === TAKEOVER_METADATA_TYPE).map((entry) => ({ key, data: entry.data })),
  );
  if (found.length === 0) return undefined;
  const misplaced = found.find((entry) => entry.key !== stackKey);
  if (misplaced) {
    throw new Error(`stack artifact ${artifactId}: ${TAKEOVER_METADATA_TYPE} metadata is under ${misplaced.key}; it belongs on the stack, ${stackKey}`);
  }
  if (found.length > 1) {
    throw new Error(`stack artifact ${artifactId}: ${TAKEOVER_METADATA_TYPE} metadata is there ${found.length} times; once is the contract`);
  }
  return { path: stackKey.slice(1), ...takeoverData(artifactId, found[0].data) };
}

/** The artifact's metadata: the file aws-cdk-lib writes it to, and what older versions put inline. */
function metadataOf(outdir: string, artifact: Artifact): Record<string, MetadataEntry[]> {
  const inFile = artifact.additionalMetadataFile
    ? (JSON.parse(fs.readFileSync(path.join(outdir, artifact.additionalMetadataFile), 'utf8')) as Record<string, MetadataEntry[]>)
    : {};
  const merged: Record<string, MetadataEntry[]> = {};
  for (const source of [artifact.metadata ?? {}, inFile]) {
    for (const [key, entries] of Object.entries(source)) merged[key] = [...(merged[key] ?? []), ...entries];
  }
  return merged;
}

function takeoverData(artifactId: string, data: unknown): Omit<Marking, 'path'> {
  const wrong = (what: string) => new Error(`stack artifact ${artifactId}: ${TAKEOVER_METADATA_TYPE} metadata ${what}`);
  if (!isRecord(data)) throw wrong(`has no data object: ${JSON.stringify(data)}`);
  if (!KINDS.includes(data.kind as TakeoverKind)) throw wrong(`has kind ${JSON.stringify(data.kind)}; expected ${KINDS.join(' or ')}`);
  const lookups = data.lookups ?? [];
  if (!Array.isArray(lookups)) throw wrong(`has lookups that are no list: ${JSON.stringify(lookups)}`);
  for (const lookup of lookups) {
    if (!isRecord(lookup) || typeof lookup.logicalId !== 'string' || typeof lookup.stackName !== 'string') {
      throw wrong(`has a lookup without a logicalId and a stackName: ${JSON.stringify(lookup)}`);
    }
  }
  return {
    kind: data.kind as TakeoverKind,
    lookups: (lookups as Lookup[]).map(({ logicalId, stackName }) => ({ logicalId, stackName })),
  };
}

/** `aws://account/region` → [account, region]; an unknown part (an environment-agnostic stack) is undefined. */
function environmentOf(environment: string | undefined): [string | undefined, string | undefined] {
  const [account, region] = (environment ?? '').replace(/^aws:\/\//, '').split('/');
  return [account && account !== 'unknown-account' ? account : undefined, region && region !== 'unknown-region' ? region : undefined];
}
