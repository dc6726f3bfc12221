import { parseDocument } from 'yaml';
import { ComponentState, InstanceState, ServiceState } from './instance-state';
import { SpecMap, findInstanceEntry, findInstanceIndex, parseServiceSpec } from './spec';

/** The next step of removing an instance (removal policy DESTROY). */
export type RemovalStep =
  | { readonly kind: 'done'; readonly note: string }
  | { readonly kind: 'wait'; readonly reason: string }
  | { readonly kind: 'update-service'; readonly spec: string }
  | { readonly kind: 'fail'; readonly detail: string };

const SERVICE_BUSY = new Set(['CREATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'DELETE_IN_PROGRESS']);

/**
 * Proton has no DeleteServiceInstance: an instance leaves its service through an UpdateService whose
 * spec no longer lists it. Pure: decides from the instance, its service and its components.
 */
export function removalStep(
  instanceName: string,
  instance: InstanceState | undefined,
  service: ServiceState | undefined,
  components: readonly ComponentState[],
): RemovalStep {
  if (!instance || !service) return { kind: 'done', note: 'the instance no longer exists' };
  if (SERVICE_BUSY.has(service.status)) return { kind: 'wait', reason: `the service is ${service.status}` };
  if (instance.deploymentStatus === 'IN_PROGRESS' || instance.deploymentStatus === 'CANCELLING') {
    return { kind: 'wait', reason: `the instance is ${instance.deploymentStatus}` };
  }
  const doc = parseServiceSpec(service.spec, "the service's spec");
  if (!findInstanceEntry(doc, instanceName)) {
    // ACTIVE: the update that left the instance out ended after the instance was read, or Proton is still
    // deleting it; the next polls see it gone (the last one fails if it never goes).
    if (service.status === 'ACTIVE') return { kind: 'wait', reason: 'the service no longer lists the instance; Proton is removing it' };
    // The service update that left the instance out has failed, and the instance is still there.
    return { kind: 'fail', detail: `the service is ${service.status} but still has the instance: ${service.statusMessage ?? 'Proton gave no status message'}` };
  }
  if (components.length > 0) {
    return { kind: 'fail', detail: `refusing to remove it: component ${components.map((c) => c.name).join(', ')} is attached (remove the component first)` };
  }
  const instances = doc.instances as unknown[];
  if (instances.length <= 1) {
    return { kind: 'fail', detail: 'refusing to remove it: it is the only instance of its service, and Proton cannot leave a service with none (delete the service instead)' };
  }
  return { kind: 'update-service', spec: specWithout(service.spec, instanceName) };
}

/** The service spec with the instance's entry removed, the rest of the document (comments too) untouched. */
export function specWithout(spec: string, instanceName: string): string {
  const doc = parseDocument(spec, { merge: true });
  doc.deleteIn(['instances', findInstanceIndex(doc.toJS() as SpecMap, instanceName)]);
  return doc.toString();
}
