import type {
  GetServiceInstanceInput,
  GetServiceInstanceOutput,
  ListServiceInstancesFilter,
  ListServiceInstancesInput,
  ListServiceInstancesOutput,
} from '@aws-sdk/client-proton';
import { Backend } from '../backend';
import { countRead } from '../deployments';
import { validationError } from '../errors';
import { paginate } from '../pagination';
import { InstanceRecord } from '../records';
import { instanceKey } from '../state';
import { instanceSummaryView, instanceView } from '../views';

export function getServiceInstance(b: Backend, input: GetServiceInstanceInput): GetServiceInstanceOutput {
  const serviceName = input.serviceName!;
  const name = input.name!;
  b.state.service(serviceName);
  const stale = b.plan.takeStaleRead(instanceKey(serviceName, name));
  if (stale) {
    return { serviceInstance: stale };
  }
  const instance = b.state.instance(serviceName, name);
  const view = instanceView(b.state, instance);
  const running = instance.lastAttemptedDeploymentId;
  countRead(running === undefined ? undefined : b.state.deployments.get(running));
  return { serviceInstance: view };
}

/** Filter keys the emulator can answer; Proton's date filters are not emulated. */
const FILTERS: Partial<Record<string, (instance: InstanceRecord) => string>> = {
  name: (instance) => instance.name,
  deploymentStatus: (instance) => instance.deploymentStatus,
  templateName: (instance) => instance.templateName,
  serviceName: (instance) => instance.serviceName,
  environmentName: (instance) => instance.environmentName,
};

/**
 * Times are read through Date, as the summaries show them: it drops fractions of a millisecond (a
 * ManualClock can make them), so times equal to the millisecond keep their list order.
 */
const SORT_KEYS: Record<string, (instance: InstanceRecord) => string | number> = {
  ...FILTERS,
  lastDeploymentAttemptedAt: (instance) => new Date(instance.lastDeploymentAttemptedAt).getTime(),
  createdAt: (instance) => new Date(instance.createdAt).getTime(),
};

export function listServiceInstances(b: Backend, input: ListServiceInstancesInput): ListServiceInstancesOutput {
  if (input.serviceName !== undefined) {
    b.state.service(input.serviceName);
  }
  const matches = b.state
    .instancesOf(input.serviceName)
    .filter((instance) => (input.filters ?? []).every((filter) => matchesFilter(instance, filter)));
  const sortKey = SORT_KEYS[input.sortBy ?? 'name'];
  const direction = input.sortOrder === 'DESCENDING' ? -1 : 1;
  const summaries = matches
    .sort((x, y) => direction * compare(sortKey(x), sortKey(y)))
    .map((instance) => instanceSummaryView(b.state, instance));
  const { page, nextToken } = paginate(summaries, input.maxResults, input.nextToken);
  return { serviceInstances: page, nextToken };
}

function matchesFilter(instance: InstanceRecord, filter: ListServiceInstancesFilter): boolean {
  const read = FILTERS[filter.key ?? ''];
  if (!read) {
    throw validationError(`The emulator does not support the service instance filter ${filter.key}`);
  }
  return read(instance) === filter.value;
}

function compare(x: string | number, y: string | number): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
