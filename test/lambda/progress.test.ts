import { Deadline, deadline } from '../../lambda/deadline';
import { ProgressInput, nextStep } from '../../lambda/progress';
import { requestToken } from '../../lambda/request-token';
import { InstanceProperties, ResourceEvent } from '../../lambda/resource-event';
import { PROD_PROPS, currentInstance, ownToken, resourceEvent } from './fixtures';

const OLD_PROPS: InstanceProperties = { ...PROD_PROPS, Spec: 'old' };
const NEW_PROPS: InstanceProperties = { ...PROD_PROPS, Spec: 'new' };

const EARLY: Deadline = { cancelNow: false, lastPoll: false, timeoutSeconds: 3570 };
const CANCEL_WINDOW: Deadline = { cancelNow: true, lastPoll: false, timeoutSeconds: 3570 };
const LAST_POLL: Deadline = { cancelNow: true, lastPoll: true, timeoutSeconds: 3570 };
/** When the request under test reached the handler. */
const STARTED_AT = Date.UTC(2025, 0, 1, 12);

/** The rollback Update that CloudFormation sends after the update `failed` (NEW_PROPS) failed. */
const rollbackEvent = { ...resourceEvent('Update', OLD_PROPS, 'req-rollback'), OldResourceProperties: NEW_PROPS };
const failedUpdate = resourceEvent('Update', NEW_PROPS, 'req-update');

function step(
  e: ResourceEvent,
  instanceOverrides: Parameters<typeof currentInstance>[0] | undefined,
  d: Deadline = EARLY,
  removeOnDelete?: boolean,
) {
  const input: ProgressInput = {
    requestType: e.RequestType,
    instance: instanceOverrides === undefined ? undefined : currentInstance(instanceOverrides),
    token: requestToken(e),
    oldProps: e.OldResourceProperties,
    startedAt: STARTED_AT,
    deadline: d,
    removeOnDelete,
  };
  return nextStep(input);
}

describe('nextStep for its own deployment', () => {
  const e = resourceEvent('Update', NEW_PROPS, 'req-1');

  it('waits while its deployment is IN_PROGRESS', () => {
    expect(step(e, { deploymentStatus: 'IN_PROGRESS', lastClientRequestToken: ownToken(e) }).kind).toBe('wait');
  });

  it('cancels its deployment when the deadline is near', () => {
    expect(step(e, { deploymentStatus: 'IN_PROGRESS', lastClientRequestToken: ownToken(e) }, CANCEL_WINDOW).kind).toBe('cancel');
  });

  it('waits for CANCELLED while polls remain, then fails saying it cancelled', () => {
    const cancelling = { deploymentStatus: 'CANCELLING', lastClientRequestToken: ownToken(e) };
    expect(step(e, cancelling, CANCEL_WINDOW).kind).toBe('wait');
    expect(step(e, cancelling, LAST_POLL)).toMatchObject({ kind: 'fail', detail: expect.stringMatching(/not finished within 3570 s; it was cancelled and Proton reports CANCELLING/) });
  });

  it('fails saying the deadline cancelled it when it ends CANCELLED in the cancel window', () => {
    const result = step(e, { deploymentStatus: 'CANCELLED', lastClientRequestToken: ownToken(e) }, CANCEL_WINDOW);
    expect(result).toMatchObject({ kind: 'fail', detail: expect.stringMatching(/so it was cancelled; Proton put the instance back/) });
  });

  it("fails with Proton's message when someone else cancelled it before the deadline", () => {
    const result = step(e, { deploymentStatus: 'CANCELLED', deploymentStatusMessage: 'cancelled by ops', lastClientRequestToken: ownToken(e) });
    expect(result).toMatchObject({ kind: 'fail', detail: 'cancelled by ops' });
  });

  it('succeeds when its deployment SUCCEEDED', () => {
    expect(step(e, { lastClientRequestToken: ownToken(e) })).toEqual({ kind: 'done' });
  });

  it('recognises its own deployment whatever the rollback mark', () => {
    expect(step(e, { lastClientRequestToken: ownToken(e, true) }).kind).toBe('done');
  });
});

describe('nextStep for a rollback', () => {
  it('plans a rollback when the previous request of this resource FAILED and this one restores its old properties', () => {
    const result = step(rollbackEvent, { deploymentStatus: 'FAILED', lastClientRequestToken: ownToken(failedUpdate) });
    expect(result).toMatchObject({ kind: 'plan', rollback: true });
  });

  it('plans a rollback after a CANCELLED deployment of the previous request', () => {
    const result = step(rollbackEvent, { deploymentStatus: 'CANCELLED', lastClientRequestToken: ownToken(failedUpdate) });
    expect(result).toMatchObject({ kind: 'plan', rollback: true });
  });

  it('plans an ordinary update for the undoing of a SUCCEEDED request, which only the stack status tells from a rollback', () => {
    const result = step(rollbackEvent, { lastClientRequestToken: ownToken(failedUpdate) });
    expect(result).toMatchObject({ kind: 'plan', rollback: false });
  });

  it('is not a rollback when the failed request had other properties (a new update after the rollback)', () => {
    const nextUpdate = { ...resourceEvent('Update', { ...OLD_PROPS, Spec: 'newer' }, 'req-next'), OldResourceProperties: OLD_PROPS };
    const result = step(nextUpdate, { deploymentStatus: 'FAILED', lastClientRequestToken: ownToken(failedUpdate) });
    expect(result).toMatchObject({ kind: 'plan', rollback: false });
  });

  it('succeeds when its rollback deployment FAILED, so the stack is not stuck in UPDATE_ROLLBACK_FAILED', () => {
    const result = step(rollbackEvent, { deploymentStatus: 'FAILED', deploymentStatusMessage: 'boom', lastClientRequestToken: ownToken(rollbackEvent, true) });
    expect(result).toMatchObject({ kind: 'done', note: expect.stringMatching(/rollback deployment .* ended FAILED \(boom\)/) });
  });

  it('never cancels its rollback deployment, and succeeds on the last poll while Proton continues it', () => {
    const deploying = { deploymentStatus: 'IN_PROGRESS', lastClientRequestToken: ownToken(rollbackEvent, true) };
    expect(step(rollbackEvent, deploying, CANCEL_WINDOW).kind).toBe('wait');
    expect(step(rollbackEvent, deploying, LAST_POLL)).toMatchObject({ kind: 'done' });
  });

  it("fails on the last poll when someone else's deployment came after the failed one, since the rollback can no longer be told apart", () => {
    const result = step(rollbackEvent, { deploymentStatus: 'IN_PROGRESS', lastClientRequestToken: 'someone' }, LAST_POLL);
    expect(result.kind).toBe('fail');
  });
});

describe('nextStep for other deployments', () => {
  it('cancels a deployment of an abandoned request of this same resource', () => {
    const result = step(rollbackEvent, { deploymentStatus: 'IN_PROGRESS', lastClientRequestToken: ownToken(failedUpdate), lastDeploymentAttemptedAt: STARTED_AT - 60_000 });
    expect(result).toMatchObject({ kind: 'cancel', reason: expect.stringMatching(/abandoned request of this resource/) });
  });

  it('stops without a change when a newer request of this resource deployed after this one began (CloudFormation rolled it back)', () => {
    // The abandoned update still polls while the rollback, sent after it, deploys.
    for (const deploymentStatus of ['IN_PROGRESS', 'SUCCEEDED', 'CANCELLED']) {
      const rollbackDeployment = { deploymentStatus, lastClientRequestToken: ownToken(rollbackEvent, true), lastDeploymentAttemptedAt: STARTED_AT + 60_000 };
      expect(step(failedUpdate, rollbackDeployment)).toMatchObject({ kind: 'fail', doing: 'superseded by a newer request of this resource' });
    }
  });

  it('waits for a deployment someone else started, and never cancels it', () => {
    for (const d of [EARLY, CANCEL_WINDOW]) {
      expect(step(failedUpdate, { deploymentStatus: 'IN_PROGRESS', lastClientRequestToken: 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6' }, d).kind).toBe('wait');
    }
  });

  it("fails on the last poll when someone else's deployment still blocks the update, having changed nothing", () => {
    const result = step(failedUpdate, { deploymentStatus: 'IN_PROGRESS', lastClientRequestToken: 'x' }, LAST_POLL);
    expect(result).toMatchObject({ kind: 'fail', detail: expect.stringMatching(/still IN_PROGRESS .* not ours\) after 3570 s; no change made/) });
  });

  it('plans when the instance is idle', () => {
    expect(step(failedUpdate, {})).toMatchObject({ kind: 'plan', rollback: false });
  });
});

describe('nextStep when the instance is missing', () => {
  it('creates it on Create', () => {
    expect(step(resourceEvent('Create', NEW_PROPS, 'r'), undefined)).toEqual({ kind: 'create' });
  });

  it('fails clearly on Update', () => {
    expect(step(failedUpdate, undefined)).toMatchObject({ kind: 'fail', detail: expect.stringMatching(/Proton has no such instance/) });
  });

  it('succeeds on Delete', () => {
    expect(step(resourceEvent('Delete', NEW_PROPS, 'r'), undefined).kind).toBe('done');
  });
});

describe('nextStep on Delete', () => {
  const del = resourceEvent('Delete', NEW_PROPS, 'req-delete');
  const create = resourceEvent('Create', NEW_PROPS, 'req-create');

  it('cancels the deployment of a Create that CloudFormation abandoned', () => {
    expect(step(del, { deploymentStatus: 'IN_PROGRESS', lastClientRequestToken: ownToken(create) }).kind).toBe('cancel');
  });

  it('waits for that cancellation, but not past its last poll', () => {
    const cancelling = { deploymentStatus: 'CANCELLING', lastClientRequestToken: ownToken(create) };
    expect(step(del, cancelling).kind).toBe('wait');
    expect(step(del, cancelling, LAST_POLL).kind).toBe('done');
  });

  it("leaves someone else's deployment alone", () => {
    expect(step(del, { deploymentStatus: 'IN_PROGRESS', lastClientRequestToken: 'x' })).toEqual({ kind: 'done' });
  });

  describe('under removal policy DESTROY', () => {
    it('removes the instance once nothing of this resource deploys', () => {
      const result = step(del, { deploymentStatus: 'SUCCEEDED', lastClientRequestToken: ownToken(create) }, EARLY, true);
      expect(result).toEqual({ kind: 'remove', instance: currentInstance({ deploymentStatus: 'SUCCEEDED', lastClientRequestToken: ownToken(create) }) });
    });

    it('first cancels the deployment of a Create that CloudFormation abandoned, and waits for the cancellation', () => {
      expect(step(del, { deploymentStatus: 'IN_PROGRESS', lastClientRequestToken: ownToken(create) }, EARLY, true).kind).toBe('cancel');
      expect(step(del, { deploymentStatus: 'CANCELLING', lastClientRequestToken: ownToken(create) }, EARLY, true).kind).toBe('wait');
    });

    it('removes it on the last poll even while that cancellation runs', () => {
      expect(step(del, { deploymentStatus: 'CANCELLING', lastClientRequestToken: ownToken(create) }, LAST_POLL, true).kind).toBe('remove');
    });

    it('has nothing to remove when the instance no longer exists', () => {
      expect(step(del, undefined, EARLY, true)).toEqual({ kind: 'done', note: 'the instance no longer exists' });
    });
  });
});

describe('deadline', () => {
  const start = 1_000_000;

  it('neither cancels nor concludes early in the wait', () => {
    expect(deadline(start, 3570, 10, start + 60_000)).toEqual({ cancelNow: false, lastPoll: false, timeoutSeconds: 3570 });
  });

  it('cancels when 3 polls and some slack remain (at least 30 s)', () => {
    expect(deadline(start, 3570, 10, start + 3570_000 - 34_000).cancelNow).toBe(true);
    expect(deadline(start, 3570, 10, start + 3570_000 - 40_000).cancelNow).toBe(false);
  });

  it('calls the poll the last one when the next would come after the deadline', () => {
    expect(deadline(start, 3570, 10, start + 3570_000 - 14_000).lastPoll).toBe(true);
    expect(deadline(start, 3570, 10, start + 3570_000 - 16_000).lastPoll).toBe(false);
  });

  it('cancels on the last poll even when that comes before the cancel window of a short wait', () => {
    // 30 s with 10 s polls: the cancel window is the last 10 s, the last poll starts 15 s before the end.
    expect(deadline(start, 30, 10, start + 17_000)).toEqual({ cancelNow: true, lastPoll: true, timeoutSeconds: 30 });
  });

  it('keeps the cancel window within a third of a short wait', () => {
    expect(deadline(start, 30, 1, start + 9_000).cancelNow).toBe(false);
    expect(deadline(start, 30, 1, start + 21_000).cancelNow).toBe(true);
  });
});
