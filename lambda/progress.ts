import { Deadline } from './deadline';
import { BUSY_STATUSES, InstanceState } from './instance-state';
import { RequestToken, TokenOwner, deployedProps, isRollbackToken, ownerOf } from './request-token';
import { InstanceProperties } from './resource-event';

/** How far this request has got, and what the handler does next. */
export type Step =
  | { readonly kind: 'create' }
  /** Diff and maybe deploy. `rollback`: this request undoes a failed one of the same resource. */
  | { readonly kind: 'plan'; readonly instance: InstanceState; readonly rollback: boolean }
  | { readonly kind: 'wait'; readonly reason: string }
  /** Cancel the deployment running on the instance (always one of this resource's requests). */
  | { readonly kind: 'cancel'; readonly reason: string }
  /** Report success; `note` says why when it is not plain convergence. */
  | { readonly kind: 'done'; readonly note?: string }
  | { readonly kind: 'fail'; readonly doing: string; readonly detail: string }
  /** Removal policy DESTROY: nothing of this resource deploys any more; take the instance out of its service. */
  | { readonly kind: 'remove'; readonly instance: InstanceState };

/** The steps that need no Proton call: an answer to the framework. */
export type Settled = Extract<Step, { readonly kind: 'done' | 'wait' | 'fail' }>;

export interface ProgressInput {
  readonly requestType: 'Create' | 'Update' | 'Delete';
  /** Undefined when Proton says the instance does not exist. */
  readonly instance: InstanceState | undefined;
  readonly token: RequestToken;
  /** The properties of the request before this one (Update only). */
  readonly oldProps?: InstanceProperties;
  /** When this request reached the handler (epoch ms, onEvent's StartedAt). */
  readonly startedAt: number;
  readonly deadline: Deadline;
  /** A Delete under removal policy DESTROY, which ends with the instance removed rather than left. */
  readonly removeOnDelete?: boolean;
}

/** Pure: derives the next step from one read of the instance, the request and the clock. */
export function nextStep(input: ProgressInput): Step {
  const { instance, requestType } = input;
  if (!instance) {
    if (requestType === 'Delete') return { kind: 'done', note: 'the instance no longer exists' };
    if (requestType === 'Create') return { kind: 'create' };
    return { kind: 'fail', doing: 'update request', detail: 'Proton has no such instance (deleted or renamed outside CloudFormation?)' };
  }
  const owner = ownerOf(instance.lastClientRequestToken, input.token);
  if (requestType === 'Delete') {
    const step = deleteStep(instance, owner, input.deadline);
    return step.kind === 'done' && input.removeOnDelete ? { kind: 'remove', instance } : step;
  }
  if (owner === 'this-request') return followOwn(instance, input.deadline);
  return beforeOwnDeployment(instance, owner, input);
}

function deleteStep(instance: InstanceState, owner: TokenOwner, deadline: Deadline): Step {
  if (owner !== 'this-resource' || !BUSY_STATUSES.has(instance.deploymentStatus)) return { kind: 'done' };
  // CloudFormation deletes while an earlier request of this resource still deploys (a Delete during a
  // long Create, or after a timeout): nobody waits for that deployment any more.
  if (instance.deploymentStatus === 'IN_PROGRESS') return cancelAbandoned(instance);
  if (deadline.lastPoll) return { kind: 'done', note: `deployment ${deploymentOf(instance)} is still ${instance.deploymentStatus}` };
  return { kind: 'wait', reason: `abandoned deployment ${deploymentOf(instance)} is ${instance.deploymentStatus}` };
}

/** The instance's last deployment is the one this request started. */
function followOwn(instance: InstanceState, deadline: Deadline): Step {
  const rollback = isRollbackToken(instance.lastClientRequestToken);
  const deployment = deploymentOf(instance);
  const status = instance.deploymentStatus;
  if (BUSY_STATUSES.has(status)) {
    if (rollback) {
      // A rollback deployment is what CloudFormation wants to happen: let it finish even past our wait.
      return deadline.lastPoll ? { kind: 'done', note: `rollback deployment ${deployment} is still ${status}; Proton continues it` } : waitFor(deployment, status);
    }
    if (status === 'IN_PROGRESS' && deadline.cancelNow) {
      return { kind: 'cancel', reason: `deployment ${deployment} is still IN_PROGRESS near the ${deadline.timeoutSeconds} s deadline` };
    }
    if (deadline.lastPoll) {
      return {
        kind: 'fail',
        doing: `waiting for deployment ${deployment}`,
        detail: `not finished within ${deadline.timeoutSeconds} s; it was cancelled and Proton reports ${status}`,
      };
    }
    return waitFor(deployment, status);
  }
  if (status === 'SUCCEEDED') return { kind: 'done' };
  const message = instance.deploymentStatusMessage ?? 'Proton gave no status message';
  if (rollback) {
    return { kind: 'done', note: `rollback deployment ${deployment} ended ${status} (${message}); the instance stays as Proton left it` };
  }
  if (status === 'CANCELLED' && deadline.cancelNow) {
    return {
      kind: 'fail',
      doing: `waiting for deployment ${deployment}`,
      detail: `not finished within ${deadline.timeoutSeconds} s, so it was cancelled; Proton put the instance back as it was`,
    };
  }
  return { kind: 'fail', doing: `expected deployment ${deployment} to succeed, Proton reports ${status}`, detail: message };
}

/** This request has not deployed yet: wait for the instance to be idle, then plan. */
function beforeOwnDeployment(instance: InstanceState, owner: TokenOwner, input: ProgressInput): Step {
  const status = instance.deploymentStatus;
  if (owner === 'this-resource' && (instance.lastDeploymentAttemptedAt ?? 0) > input.startedAt) {
    // Another request of this resource deployed after this one began: CloudFormation sent it after giving
    // up on this one (a rollback while this request still polls). Cancelling or redeploying would undo it.
    return {
      kind: 'fail',
      doing: 'superseded by a newer request of this resource',
      detail: `its deployment ${deploymentOf(instance)} started after this request; CloudFormation no longer waits for this request, which leaves the instance to the newer one`,
    };
  }
  // Undoing this resource's previous request that did not succeed: CloudFormation's rollback.
  const rollback = owner === 'this-resource' && status !== 'SUCCEEDED' && deployedProps(instance.lastClientRequestToken, input.oldProps);
  // CloudFormation sends a new request for this resource only after it gave up on the previous one.
  if (owner === 'this-resource' && status === 'IN_PROGRESS') return cancelAbandoned(instance);
  if (BUSY_STATUSES.has(status)) {
    const deployment = deploymentOf(instance);
    return whileBlocked(
      input.deadline,
      rollback,
      [`the instance is ${status} (deployment ${deployment})`],
      `the instance was still ${status} (deployment ${deployment}, not ours) after ${input.deadline.timeoutSeconds} s; no change made`,
    );
  }
  return { kind: 'plan', instance, rollback };
}

/**
 * Something else keeps this request waiting: wait while polls remain; on the last poll a verdict, which
 * a rollback turns into success so the stack is not left in UPDATE_ROLLBACK_FAILED. `doing` names the
 * wait in that verdict.
 */
export function whileBlocked(
  deadline: Deadline,
  rollback: boolean,
  reasons: string[],
  detail: string,
  doing = 'waiting for the instance to be idle',
): Settled {
  if (!deadline.lastPoll) return { kind: 'wait', reason: reasons.join('; ') };
  return rollback ? { kind: 'done', note: detail } : { kind: 'fail', doing, detail };
}

/** A deployment of an earlier request of this resource, which CloudFormation no longer waits for. */
function cancelAbandoned(instance: InstanceState): Step {
  return { kind: 'cancel', reason: `deployment ${deploymentOf(instance)} of an abandoned request of this resource` };
}

function waitFor(deployment: string, status: string): Step {
  return { kind: 'wait', reason: `deployment ${deployment} is ${status}` };
}

function deploymentOf(instance: InstanceState): string {
  return instance.lastAttemptedDeploymentId ?? '(no id)';
}
