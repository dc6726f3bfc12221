import { InstanceError, protonAnswer } from '../lambda/errors';
import { DesiredState, InstanceState } from '../lambda/instance-state';
import { DecisionReads, SpecError, decide } from '../lambda/decision';
import { DeploymentType, Plan, componentsBusy } from '../lambda/planner';
import { schemaDefaults } from '../lambda/schema-defaults';
import { InstanceRef, ProtonPort } from '../lambda/proton-port';
import { InstanceProperties, desiredState } from '../lambda/resource-event';
import { SpecDifference } from '../lambda/spec';
import type { SynthesizedInstance } from '../lifecycle/cloud-assembly';
import { maskDifference } from './mask';

/** The Proton calls a preview makes: reads only, so a preview cannot change anything. */
export type ProtonReader = Pick<ProtonPort, 'getInstance' | 'listAttachedComponents' | 'recommendedMinorVersion' | 'templateSchema'>;

/** A ProtonServiceInstance as a cloud assembly declares it: what a preview needs of `readInstances`' answer. */
export type DeclaredInstance = Pick<SynthesizedInstance, 'stackName' | 'logicalId' | 'constructPath' | 'region' | 'properties'>;

/**
 * What a deployment would do to one instance: `update` (with a deploymentType), `create`, `none`, `wait`
 * (the instance or a component attached to it is deploying) or `fail` (the handler would refuse).
 */
export type PreviewAction = 'none' | 'update' | 'create' | 'wait' | 'fail';

export interface VersionsSeen {
  readonly major: string;
  readonly minor: string;
  /** The instance's last deployment status. */
  readonly status: string;
}

/** A template version; a part left undefined is not declared, and Proton picks it. */
export interface VersionsDeclared {
  readonly major?: string;
  readonly minor?: string;
}

export interface InstancePreview {
  readonly stack: string;
  readonly logicalId: string;
  /** The construct's path, when the app records it (`PaymentsInstances/Prod`). */
  readonly path?: string;
  readonly serviceName: string;
  readonly instanceName: string;
  readonly action: PreviewAction;
  /** With `update`: what UpdateServiceInstance would be called with. */
  readonly deploymentType?: DeploymentType;
  /** What Proton reports now; absent when it has no such instance. */
  readonly current?: VersionsSeen;
  /** The version the instance would end at (`update`, `none`), else the declared one. */
  readonly desired: VersionsDeclared;
  /** The keys of this instance's spec that differ; secret-looking values masked. */
  readonly specChanges: SpecDifference[];
  /** Why, in the handler's own words: versions, key paths, statuses; never spec values. */
  readonly reasons: string[];
}

/**
 * What deploying the declared instances would do, one read-only pass over Proton per instance. The
 * decision is the handler's: the same planner, fed the same reads in the same order
 * (test/cli/lifecycle-steps.test.ts holds the two side by side, step by step).
 * `protonFor` gives the reader of a stack's region (undefined: the caller's default region).
 * Throws an InstanceError naming the instance when Proton cannot be read.
 */
export async function planInstances(
  instances: readonly DeclaredInstance[],
  protonFor: (region: string | undefined) => ProtonReader,
): Promise<InstancePreview[]> {
  const previews: InstancePreview[] = [];
  for (const instance of instances) {
    previews.push(await previewInstance(instance, protonFor(instance.region)));
  }
  return previews;
}

async function previewInstance(instance: DeclaredInstance, proton: ProtonReader): Promise<InstancePreview> {
  const desired = declaredState(instance);
  const ref: InstanceRef = { serviceName: desired.serviceName, instanceName: desired.instanceName };
  return {
    stack: instance.stackName,
    logicalId: instance.logicalId,
    ...(instance.constructPath ? { path: instance.constructPath.replace(/\/Resource\/Default$/, '') } : {}),
    ...ref,
    ...(await outcome(ref, desired, proton)),
  };
}

type Outcome = Pick<InstancePreview, 'action' | 'deploymentType' | 'current' | 'desired' | 'specChanges' | 'reasons'>;

async function outcome(ref: InstanceRef, desired: DesiredState, proton: ProtonReader): Promise<Outcome> {
  const declared = declaredVersions(desired);
  const instance = await readOrFail(ref, 'reading the instance', () => proton.getInstance(ref));
  if (!instance) {
    return {
      action: 'create',
      desired: declared,
      specChanges: [],
      reasons: ['Proton has no such instance: a Create calls CreateServiceInstance; an Update of an existing resource fails'],
    };
  }
  const current = versionsSeen(instance);
  const decision = await decideAsHandler(ref, instance, desired, proton);
  switch (decision.action) {
    case 'none':
      return { action: 'none', current, desired: targetOf(instance), specChanges: [], reasons: decision.reasons };
    case 'wait':
    case 'fail':
      return { action: decision.action, current, desired: declared, specChanges: [], reasons: decision.reasons };
    case 'update': {
      const target = targetOf(instance, decision);
      const specChanges = decision.specDifferences.map(maskDifference);
      const busy = componentsBusy(await readOrFail(ref, 'listing attached components', () => proton.listAttachedComponents(ref)));
      if (busy.length > 0) return { action: 'wait', current, desired: target, specChanges, reasons: busy };
      return { action: 'update', deploymentType: decision.request.deploymentType, current, desired: target, specChanges, reasons: decision.reasons };
    }
  }
}

/** The handler's plan for an existing instance, from the same reads; a busy instance waits for its deployment, named. */
async function decideAsHandler(ref: InstanceRef, current: InstanceState, desired: DesiredState, proton: ProtonReader): Promise<Plan> {
  const reads: DecisionReads = {
    recommendedMinor: (templateName, major) =>
      readOrFail(ref, `reading the recommended minor of ${templateName} ${major}`, () => proton.recommendedMinorVersion(templateName, major)),
    defaults: async (templateName, major, minor) => {
      const schema = await readOrFail(ref, `reading the schema of ${templateName} ${major}.${minor}`, () => proton.templateSchema(templateName, major, minor));
      return schema === undefined ? undefined : schemaDefaults(schema, `the schema of ${templateName} ${major}.${minor}`);
    },
  };
  let decision: Plan;
  try {
    decision = await decide(current, desired, reads);
  } catch (e) {
    // The handler fails the request on a spec it cannot read; so would this deployment.
    if (e instanceof SpecError) return { action: 'fail', reasons: [e.message] };
    throw e;
  }
  if (decision.action !== 'wait') return decision;
  return { action: 'wait', reasons: [`deployment ${current.lastAttemptedDeploymentId ?? '(no id)'} is ${current.deploymentStatus}`] };
}

function declaredState({ stackName, logicalId, properties }: DeclaredInstance): DesiredState {
  const missing = ['ServiceName', 'InstanceName', 'Spec'].filter((key) => !properties[key]);
  if (missing.length > 0) throw new Error(`${stackName}/${logicalId}: the resource has no ${missing.join(', ')}`);
  // The three properties the desired state is read from are there; the timing ones are not used.
  return desiredState(properties as unknown as InstanceProperties);
}

function declaredVersions(desired: DesiredState): VersionsDeclared {
  return {
    ...(desired.templateMajorVersion ? { major: desired.templateMajorVersion } : {}),
    ...(desired.templateMinorVersion ? { minor: desired.templateMinorVersion } : {}),
  };
}

function versionsSeen(current: InstanceState): VersionsSeen {
  return { major: current.templateMajorVersion, minor: current.templateMinorVersion, status: current.deploymentStatus };
}

/** Where the instance ends: the versions the update request names, else the current ones. */
function targetOf(current: InstanceState, decision?: Extract<Plan, { action: 'update' }>): Required<VersionsDeclared> {
  return {
    major: decision?.request.templateMajorVersion ?? current.templateMajorVersion,
    minor: decision?.request.templateMinorVersion ?? current.templateMinorVersion,
  };
}

async function readOrFail<T>(ref: InstanceRef, doing: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw new InstanceError(ref, doing, protonAnswer(e));
  }
}
