import type { GetServiceInput, GetServiceOutput, UpdateServiceInput, UpdateServiceOutput } from '@aws-sdk/client-proton';
import { Backend } from '../backend';
import { addInstance, assertInstanceIdle, assertServiceActive } from '../deployments';
import { validationError } from '../errors';
import { parseServiceSpec } from '../service-spec';
import { creationTarget } from '../versions';
import { serviceView } from '../views';

export function getService(b: Backend, input: GetServiceInput): GetServiceOutput {
  return { service: serviceView(b.state, b.state.service(input.name!)) };
}

/**
 * A spec adds the instances it names that do not exist yet and, when the update ends, removes the
 * ones it leaves out. Edits to existing instances or the pipeline are ignored, as Proton ignores them.
 */
export function updateService(b: Backend, input: UpdateServiceInput): UpdateServiceOutput {
  const service = b.state.service(input.name!);
  if (input.spec === undefined) {
    assertServiceActive(service);
    service.description = input.description ?? service.description;
    service.lastModifiedAt = b.clock.now();
    return { service: serviceView(b.state, service) };
  }
  const entries = parseServiceSpec(input.spec).entries;
  const keep = entries.map((entry) => entry.name);
  const instances = b.state.instancesOf(service.name);
  for (const leaving of instances.filter((instance) => !keep.includes(instance.name))) {
    const components = b.state.componentsOf(service.name, leaving.name);
    if (components.length > 0) {
      throw validationError(
        `Service instance ${leaving.name} can't be removed: component ${components[0].name} is attached to it`,
      );
    }
  }
  const template = b.state.template(service.templateName);
  const added = entries.filter((entry) => !b.state.findInstance(service.name, entry.name));
  const addedVersions = added.map(() => creationTarget(template));
  assertServiceActive(service);
  instances.forEach((instance) => assertInstanceIdle(b, instance));

  const now = b.clock.now();
  added.forEach((entry, index) => addInstance(b, service, entry, addedVersions[index]));
  service.description = input.description ?? service.description;
  service.status = 'UPDATE_IN_PROGRESS';
  service.lastModifiedAt = now;
  service.pendingUpdate = { dueAt: now + b.behaviour.deploymentDurationMs, keep };
  return { service: serviceView(b.state, service) };
}
