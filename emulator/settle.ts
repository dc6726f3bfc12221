import { Backend } from './backend';
import { endDeployment, endTime } from './deployments';
import { DeploymentRecord } from './records';

/**
 * Brings the state up to the clock: ends the deployments, component deployments and service
 * updates that are due. Called before an operation runs (calls refused earlier, as faulted, invalid
 * or unimplemented, never get here), before every inspection and before a fault changes the state,
 * so time only has to be compared, never waited for, and a manual clock makes every transition
 * deterministic.
 */
export function settle(b: Backend): void {
  const now = b.clock.now();
  const due: { deployment: DeploymentRecord; at: number }[] = [];
  for (const deployment of b.state.deployments.values()) {
    const at = endTime(deployment, now);
    if (at !== undefined) {
      due.push({ deployment, at });
    }
  }
  due.sort((x, y) => x.at - y.at);
  for (const { deployment, at } of due) {
    endDeployment(b, deployment, at);
  }
  settleComponents(b, now);
  settleServiceUpdates(b, now);
}

function settleComponents(b: Backend, now: number): void {
  for (const component of b.state.components.values()) {
    if (component.busyUntil !== undefined && component.busyUntil <= now) {
      component.deploymentStatus = 'SUCCEEDED';
      component.lastModifiedAt = component.busyUntil;
      component.lastDeploymentSucceededAt = component.busyUntil;
      component.busyUntil = undefined;
    }
  }
}

/** An UpdateService ends by removing the instances its spec left out. */
function settleServiceUpdates(b: Backend, now: number): void {
  for (const service of b.state.services.values()) {
    const update = service.pendingUpdate;
    if (update && update.dueAt <= now) {
      for (const instance of b.state.instancesOf(service.name)) {
        if (!update.keep.includes(instance.name)) {
          b.state.removeInstance(service.name, instance.name);
        }
      }
      service.status = 'ACTIVE';
      service.lastModifiedAt = update.dueAt;
      service.pendingUpdate = undefined;
    }
  }
}
