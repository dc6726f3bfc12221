import type { CreateServiceInstanceInput, CreateServiceInstanceOutput } from '@aws-sdk/client-proton';
import { Backend } from '../backend';
import { assertServiceActive, createInstance } from '../deployments';
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

/** Validates the spec entry, then creates the instance; shared with UpdateService, whose spec can add instances too. */
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
  const { instance } = createInstance(
    b,
    {
      name: entry.name,
      serviceName,
      environmentName: entry.environment,
      templateName: b.state.service(serviceName).templateName,
      versions,
      spec: resolveCurrentValues(entry.spec, {}),
    },
    { clientToken },
  );
  return instance;
}
