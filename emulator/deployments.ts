import { randomUUID } from 'crypto';
import { Backend } from './backend';
import { conflict, validationError } from './errors';
import { DeploymentPlan, DeploymentRecord, InstanceRecord, InstanceVersion, ServiceRecord, SpecMap } from './records';
import { InstanceEntry, renderServiceSpec, resolveCurrentValues, withEntry } from './service-spec';
import { VersionPair } from './versions';

/** Statuses during which Proton refuses another change to an instance. */
const BUSY = new Set(['IN_PROGRESS', 'CANCELLING', 'DELETE_IN_PROGRESS']);

/** Proton refuses a change while the instance or a component on it is busy; callers check its service first. */
export function assertInstanceIdle(b: Backend, instance: InstanceRecord): void {
  if (BUSY.has(instance.deploymentStatus)) {
    throw conflict(
      `Service instance ${instance.name} of service ${instance.serviceName} has a deployment ${instance.deploymentStatus}`,
    );
  }
  const busyComponent = b.state
    .componentsOf(instance.serviceName, instance.name)
    .find((component) => BUSY.has(component.deploymentStatus));
  if (busyComponent) {
    throw conflict(
      `Component ${busyComponent.name} attached to service instance ${instance.name} ` +
        `has a deployment ${busyComponent.deploymentStatus}`,
    );
  }
}

export function assertServiceActive(service: ServiceRecord): void {
  if (service.status !== 'ACTIVE') {
    throw conflict(`Service ${service.name} is ${service.status}, not ACTIVE`);
  }
}

export function currentVersion(instance: InstanceRecord): InstanceVersion {
  return {
    templateMajorVersion: instance.templateMajorVersion,
    templateMinorVersion: instance.templateMinorVersion,
    spec: instance.spec,
  };
}

export interface DeploymentStart {
  instance: InstanceRecord;
  target: InstanceVersion;
  clientToken?: string;
  /** The deployment that creates the instance has no initial state. */
  creates: boolean;
  /** Defaults to the configured duration and whatever the scripted faults say. */
  plan?: DeploymentPlan;
}

/** What a new instance is created with. */
export interface NewInstance {
  name: string;
  serviceName: string;
  environmentName: string;
  templateName: string;
  versions: VersionPair;
  spec: SpecMap;
}

/**
 * Adds an instance and starts the deployment that creates it; the instance joins the service spec
 * when that deployment succeeds.
 */
export function createInstance(
  b: Backend,
  fields: NewInstance,
  start: Pick<DeploymentStart, 'clientToken' | 'plan'> = {},
): { instance: InstanceRecord; creation: DeploymentRecord } {
  const now = b.clock.now();
  const instance: InstanceRecord = {
    name: fields.name,
    serviceName: fields.serviceName,
    environmentName: fields.environmentName,
    createdAt: now,
    templateName: fields.templateName,
    templateMajorVersion: fields.versions.major,
    templateMinorVersion: fields.versions.minor,
    spec: fields.spec,
    deploymentStatus: 'IN_PROGRESS',
    lastDeploymentAttemptedAt: now,
    lastDeploymentSucceededAt: now,
  };
  b.state.addInstance(instance);
  const creation = startDeployment(b, { ...start, instance, target: currentVersion(instance), creates: true });
  return { instance, creation };
}

/** Validates a spec entry, then creates its instance; CreateServiceInstance and UpdateService both add instances. */
export function addInstance(
  b: Backend,
  service: ServiceRecord,
  entry: InstanceEntry,
  versions: VersionPair,
  clientToken?: string,
): InstanceRecord {
  if (entry.environment === undefined) {
    throw validationError(`The spec entry for service instance ${entry.name} needs an environment`);
  }
  b.state.requireEnvironment(entry.environment);
  const { instance } = createInstance(
    b,
    {
      name: entry.name,
      serviceName: service.name,
      environmentName: entry.environment,
      templateName: service.templateName,
      versions,
      spec: resolveCurrentValues(entry.spec, {}),
    },
    { clientToken },
  );
  return instance;
}

/** A call that repeats the client token of the one that started the instance's latest deployment is a retry of it. */
export function isRetryOfLastRequest(instance: InstanceRecord, clientToken: string | undefined): boolean {
  return clientToken !== undefined && clientToken === instance.lastClientRequestToken;
}

/** Starts a deployment; the instance keeps its fields until the deployment SUCCEEDED. */
export function startDeployment(b: Backend, start: DeploymentStart): DeploymentRecord {
  const { instance, target, clientToken, creates } = start;
  const now = b.clock.now();
  const serviceSpec = b.state.serviceSpec(instance.serviceName);
  const targetEntry = { name: instance.name, environment: instance.environmentName, spec: target.spec };
  const deployment: DeploymentRecord = {
    id: randomUUID(),
    serviceName: instance.serviceName,
    serviceInstanceName: instance.name,
    environmentName: instance.environmentName,
    templateName: instance.templateName,
    targetResourceCreatedAt: instance.createdAt,
    createdAt: now,
    lastModifiedAt: now,
    deploymentStatus: 'IN_PROGRESS',
    initial: creates ? undefined : currentVersion(instance),
    target,
    initialServiceSpec: creates ? undefined : renderServiceSpec(serviceSpec),
    targetServiceSpec: renderServiceSpec(withEntry(serviceSpec, targetEntry)),
    plan: start.plan ?? b.plan.planDeployment(now, b.behaviour.deploymentDurationMs),
  };
  b.state.deployments.set(deployment.id, deployment);
  instance.deploymentStatus = 'IN_PROGRESS';
  instance.deploymentStatusMessage = undefined;
  instance.lastAttemptedDeploymentId = deployment.id;
  instance.lastDeploymentAttemptedAt = now;
  instance.lastClientRequestToken = clientToken;
  return deployment;
}

/** The instance's running deployment goes CANCELLING; it is CANCELLED after the configured time. */
export function cancelDeployment(b: Backend, instance: InstanceRecord): DeploymentRecord {
  const id = instance.lastAttemptedDeploymentId;
  if (instance.deploymentStatus !== 'IN_PROGRESS' || id === undefined) {
    throw validationError(
      `Service instance ${instance.name} has no deployment IN_PROGRESS to cancel (it is ${instance.deploymentStatus})`,
    );
  }
  const now = b.clock.now();
  const deployment = b.state.deployment(id);
  deployment.deploymentStatus = 'CANCELLING';
  deployment.lastModifiedAt = now;
  deployment.cancelDueAt = now + b.behaviour.cancellationDurationMs;
  instance.deploymentStatus = 'CANCELLING';
  return deployment;
}

/** A deployment whose plan counts reads moves one read closer to its end. */
export function countRead(deployment: DeploymentRecord | undefined): void {
  if (deployment?.deploymentStatus === 'IN_PROGRESS' && deployment.plan.readsLeft !== undefined) {
    deployment.plan.readsLeft = Math.max(0, deployment.plan.readsLeft - 1);
  }
}

/** When the deployment ends, if it is due by now; undefined while it still runs. */
export function endTime(deployment: DeploymentRecord, now: number): number | undefined {
  if (deployment.deploymentStatus === 'CANCELLING') {
    return deployment.cancelDueAt! <= now ? deployment.cancelDueAt : undefined;
  }
  if (deployment.deploymentStatus !== 'IN_PROGRESS') {
    return undefined;
  }
  const { readsLeft, dueAt } = deployment.plan;
  if (readsLeft !== undefined) {
    return readsLeft === 0 ? now : undefined;
  }
  return dueAt !== undefined && dueAt <= now ? dueAt : undefined;
}

/** Ends a due deployment and applies its result to the instance, if the instance is still there. */
export function endDeployment(b: Backend, deployment: DeploymentRecord, at: number): void {
  const cancelled = deployment.deploymentStatus === 'CANCELLING';
  const status = cancelled ? 'CANCELLED' : deployment.plan.outcome;
  const message = status === 'FAILED' ? deployment.plan.failureMessage : undefined;
  deployment.deploymentStatus = status;
  deployment.deploymentStatusMessage = message;
  deployment.completedAt = at;
  deployment.lastModifiedAt = at;
  const instance = b.state.findInstance(deployment.serviceName, deployment.serviceInstanceName);
  if (!instance || instance.lastAttemptedDeploymentId !== deployment.id) {
    return;
  }
  instance.deploymentStatus = status;
  instance.deploymentStatusMessage = message;
  if (status === 'SUCCEEDED') {
    applyVersion(instance, deployment.target);
    instance.lastSucceededDeploymentId = deployment.id;
    instance.lastDeploymentSucceededAt = at;
  } else if (status === 'FAILED' && b.behaviour.failedShows === 'attempted') {
    applyVersion(instance, deployment.target);
  }
  // A CANCELLED instance is back as it was before the deployment simply because nothing was applied.
}

function applyVersion(instance: InstanceRecord, version: InstanceVersion): void {
  instance.templateMajorVersion = version.templateMajorVersion;
  instance.templateMinorVersion = version.templateMinorVersion;
  instance.spec = version.spec;
}
