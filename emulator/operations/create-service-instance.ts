import type { CreateServiceInstanceInput, CreateServiceInstanceOutput } from '@aws-sdk/client-proton';
import { Backend } from '../backend';
import { assertServiceActive, startDeployment } from '../deployments';
import { conflict, validationError } from '../errors';
import { InstanceRecord } from '../records';
import { InstanceEntry, findEntry, parseServiceSpec, resolveCurrentValues } from '../service-spec';
import { VersionPair, creationTarget } from '../versions';
import { instanceView } from '../views';

export function createServiceInstance(b: Backend, input: CreateServiceInstanceInput): CreateServiceInstanceOutput {
  const serviceName = input.serviceName!;
  const name = input.name!;
  const service = b.state.service(serviceName);
  const existing = b.state.findInstance(serviceName, name);
  if (existing) {
    if (input.clientToken !== undefined && input.clientToken === existing.lastClientRequestToken) {
      return { serviceInstance: instanceView(b.state, existing) };
    }
    throw conflict(`Service instance ${name} already exists in service ${serviceName}`);
  }
  const entry = findEntry(parseServiceSpec(input.spec!), name);
  const versions = creationTarget(b.state.template(service.templateName), input.templateMajorVersion, input.templateMinorVersion);
  assertServiceActive(b, serviceName);
  const instance = addInstance(b, serviceName, entry, versions, input.clientToken);
  return { serviceInstance: instanceView(b.state, instance) };
}

/**
 * Adds an instance and starts the deployment that creates it; it joins the service spec when that
 * deployment succeeds. Shared with UpdateService, whose spec can add instances too.
 */
export function addInstance(
  b: Backend,
  serviceName: string,
  entry: InstanceEntry,
  versions: VersionPair,
  clientToken: string | undefined,
): InstanceRecord {
  if (entry.environment === undefined) {
    throw validationError(`The spec entry for service instance ${entry.name} needs an environment`);
  }
  b.state.requireEnvironment(entry.environment);
  const service = b.state.service(serviceName);
  const now = b.clock.now();
  const spec = resolveCurrentValues(entry.spec, {});
  const instance: InstanceRecord = {
    name: entry.name,
    serviceName,
    environmentName: entry.environment,
    createdAt: now,
    templateName: service.templateName,
    templateMajorVersion: versions.major,
    templateMinorVersion: versions.minor,
    spec,
    inServiceSpec: false,
    deploymentStatus: 'IN_PROGRESS',
    lastDeploymentAttemptedAt: now,
    lastDeploymentSucceededAt: now,
  };
  b.state.addInstance(instance);
  const target = { templateMajorVersion: versions.major, templateMinorVersion: versions.minor, spec };
  startDeployment(b, { instance, target, clientToken, creates: true });
  return instance;
}
