import { ComponentState, DesiredState, InstanceState, BUSY_STATUSES } from './instance-state';
import { FillDefaults, SpecDifference, findInstanceEntry, instanceEntryDifferences, parseServiceSpec } from './spec';

export type DeploymentType = 'CURRENT_VERSION' | 'MINOR_VERSION' | 'MAJOR_VERSION';

/** The parameters of one UpdateServiceInstance call (besides names and client token). */
export interface UpdateRequest {
  readonly deploymentType: DeploymentType;
  readonly spec?: string;
  readonly templateMajorVersion?: string;
  readonly templateMinorVersion?: string;
}

/** The decision for one instance. `reasons` never hold spec values, only key paths and versions. */
export type Plan =
  | { readonly action: 'none'; readonly reasons: string[] }
  | { readonly action: 'wait'; readonly reasons: string[] }
  | { readonly action: 'update'; readonly request: UpdateRequest; readonly reasons: string[]; readonly specDifferences: SpecDifference[] }
  | { readonly action: 'fail'; readonly reasons: string[] };

/** Everything the planner needs, gathered by the handler beforehand. */
export interface PlanInput {
  readonly current: InstanceState;
  readonly desired: DesiredState;
  /** Proton's recommended minor of the desired major; needed only when {@link recommendedMinorNeeded} says so. */
  readonly recommendedMinor?: string;
  /**
   * The schema defaults of the version the instance runs; needed only when a plan without them finds inputs
   * that one side leaves out (see decision.ts).
   */
  readonly defaults?: FillDefaults;
}

/**
 * The major whose recommended minor the plan needs: when the major changes and no minor is declared,
 * Proton's recommended minor of the new major is the target.
 */
export function recommendedMinorNeeded(current: InstanceState, desired: DesiredState): string | undefined {
  const major = desired.templateMajorVersion;
  if (major === undefined || desired.templateMinorVersion !== undefined) return undefined;
  return Number(major) > Number(current.templateMajorVersion) ? major : undefined;
}

/** Why the instance cannot be updated right now, if a component attached to it is deploying. */
export function componentsBusy(components: readonly ComponentState[]): string[] {
  return components
    .filter((c) => BUSY_STATUSES.has(c.deploymentStatus))
    .map((c) => `component ${c.name} is ${c.deploymentStatus}`);
}

/** Current state + desired state → what to do. Pure: no I/O, no clock. */
export function plan(input: PlanInput): Plan {
  const { current, desired } = input;
  if (BUSY_STATUSES.has(current.deploymentStatus)) {
    return { action: 'wait', reasons: [`the instance is ${current.deploymentStatus}`] };
  }
  if (current.deploymentStatus.startsWith('DELETE_')) {
    return { action: 'fail', reasons: [`the instance is ${current.deploymentStatus} and cannot be updated`] };
  }

  const desiredEntry = findInstanceEntry(parseServiceSpec(desired.spec, 'the desired spec'), desired.instanceName);
  if (!desiredEntry) {
    return { action: 'fail', reasons: [`the desired spec has no entry for instance ${desired.instanceName} under instances`] };
  }
  const currentEntry = current.spec
    ? findInstanceEntry(parseServiceSpec(current.spec, 'the spec Proton reports'), desired.instanceName)
    : undefined;
  const specDifferences = instanceEntryDifferences(currentEntry, desiredEntry, input.defaults);
  if (currentEntry && specDifferences.some((d) => d.path === 'environment')) {
    return {
      action: 'fail',
      reasons: [
        `the instance runs in environment ${String(currentEntry.environment)} but the spec declares ` +
          `${String(desiredEntry.environment)}; Proton cannot move an instance to another environment`,
      ],
    };
  }

  const versions = targetVersions(input);
  if ('fail' in versions) return { action: 'fail', reasons: [versions.fail] };

  const specReasons = specDifferences.map((d) => `${d.path} differs`);
  const specParam = specDifferences.length > 0 ? { spec: desired.spec } : {};
  const from = `${current.templateMajorVersion}.${current.templateMinorVersion}`;
  const to = `${versions.major}.${versions.minor}`;

  if (versions.major !== current.templateMajorVersion) {
    return {
      action: 'update',
      request: { deploymentType: 'MAJOR_VERSION', templateMajorVersion: versions.major, templateMinorVersion: versions.minor, ...specParam },
      reasons: [`template major version ${from} → ${to}`, ...specReasons],
      specDifferences,
    };
  }
  if (versions.minor !== current.templateMinorVersion) {
    return {
      action: 'update',
      request: { deploymentType: 'MINOR_VERSION', templateMinorVersion: versions.minor, ...specParam },
      reasons: [`template minor version ${from} → ${to}`, ...specReasons],
      specDifferences,
    };
  }
  if (specDifferences.length > 0) {
    return { action: 'update', request: { deploymentType: 'CURRENT_VERSION', spec: desired.spec }, reasons: specReasons, specDifferences };
  }
  if (current.deploymentStatus !== 'SUCCEEDED') {
    // A FAILED or CANCELLED deployment may have left resources between two states: redeploying the
    // declared spec is the only way to know the instance matches it.
    return {
      action: 'update',
      request: { deploymentType: 'CURRENT_VERSION', spec: desired.spec },
      reasons: [`the last deployment is ${current.deploymentStatus}: redeploying the declared spec at ${from}`],
      specDifferences,
    };
  }
  return { action: 'none', reasons: [`spec and template version ${from} match; last deployment SUCCEEDED`] };
}

type TargetVersions = { major: string; minor: string } | { fail: string };

function targetVersions({ current, desired, recommendedMinor }: PlanInput): TargetVersions {
  const major = desired.templateMajorVersion ?? current.templateMajorVersion;
  if (Number(major) < Number(current.templateMajorVersion)) {
    return {
      fail:
        `templateMajorVersion ${major} is lower than the instance's current major version ` +
        `${current.templateMajorVersion} (template ${current.templateName}); Proton only moves a major version up`,
    };
  }
  if (desired.templateMinorVersion !== undefined) return { major, minor: desired.templateMinorVersion };
  if (major === current.templateMajorVersion) return { major, minor: current.templateMinorVersion };
  if (recommendedMinor === undefined) {
    return { fail: `template ${current.templateName} has no recommended minor version for major version ${major}` };
  }
  return { major, minor: recommendedMinor };
}
