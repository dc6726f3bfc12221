import type { CreateServiceInstanceInput, CreateServiceInstanceOutput } from '@aws-sdk/client-proton';
import { Backend } from '../backend';
import { addInstance, assertServiceActive, isRetryOfLastRequest } from '../deployments';
import { conflict } from '../errors';
import { findEntry, parseServiceSpec } from '../service-spec';
import { creationTarget } from '../versions';
import { instanceView } from '../views';

export function createServiceInstance(b: Backend, input: CreateServiceInstanceInput): CreateServiceInstanceOutput {
  const serviceName = input.serviceName!;
  const name = input.name!;
  const service = b.state.service(serviceName);
  const existing = b.state.findInstance(serviceName, name);
  if (existing) {
    if (isRetryOfLastRequest(existing, input.clientToken)) {
      return { serviceInstance: instanceView(b.state, existing) };
    }
    throw conflict(`Service instance ${name} already exists in service ${serviceName}`);
  }
  const entry = findEntry(parseServiceSpec(input.spec!), name);
  const versions = creationTarget(b.state.template(service.templateName), input.templateMajorVersion, input.templateMinorVersion);
  assertServiceActive(service);
  const instance = addInstance(b, service, entry, versions, input.clientToken);
  return { serviceInstance: instanceView(b.state, instance) };
}
