// Issue 4's fault matrix through the synthesized handler, the real SDK and the emulator. Each test
// names the fault, then checks what the handler did, the Proton calls it made (the counts in
// docs/reliability.md's tables come from here), the final state, and that nothing of ours is left
// deploying. The emulator runs on a manual clock moved one poll per poll (150 ms deployments end on
// the third poll after they start), except where a test needs Proton's timestamps to be real.
import { ProtonEmulatorOptions } from '../../emulator';
import { RunOutcome } from '../../lifecycle';
import {
  Harness,
  SEEDED,
  adoptSeeded,
  callCounts,
  cancelOnSecondPoll,
  declare,
  exampleSeed,
  seededProps,
  serviceSpec,
  startHarness,
} from './support';

let h: Harness;
afterEach(() => h.stop());

async function start(options: ProtonEmulatorOptions = {}): Promise<void> {
  h = await startHarness({ seed: exampleSeed(), clock: 'manual', ...options });
}

const base = () => seededProps(h);
const minorUpgrade = () => seededProps(h, { TemplateMinorVersion: '1' });
const majorUpgrade = () => seededProps(h, { TemplateMajorVersion: '2', TemplateMinorVersion: undefined });
const specChange = () => seededProps(h, { Spec: serviceSpec({ prod: { ...SEEDED.prod, image: 'payments:1.4.0' } }) });

const clientTokens = () => new Set(h.emulator.calls.of('UpdateServiceInstance').map((c) => (c.input as { clientToken: string }).clientToken));
const answeredWith = (errorType: string) => h.emulator.calls.entries.filter((c) => c.errorType === errorType).length;

describe('stale reads after an update', () => {
  it('never reports success before its deployment ends, and starts a single deployment even when reads lag past its end', async () => {
    await start();
    await adoptSeeded(h);
    // Four stale reads: two while the deployment runs, two after it SUCCEEDED still showing 1.0.
    h.emulator.faults.staleReadsAfterUpdate(4);
    // When the handler says done: the deployment it names, and the newest one with its status.
    const atDone: string[] = [];
    const recordAtDone = (d: Record<string, unknown>) => {
      const [newest] = h.prodDeployments();
      if (d.action === 'done') atDone.push(`${d.deployment} ${newest.id} ${newest.deploymentStatus}`);
    };

    const outcome = await h.resource.update(minorUpgrade(), h.stepped({ onDecision: recordAtDone }));

    const [ours] = h.prodDeployments();
    expect(outcome.status).toBe('SUCCESS');
    expect(h.prodDeployments()).toHaveLength(2);
    expect(atDone).toEqual([`${ours.id} ${ours.id} SUCCEEDED`]);
    expect(clientTokens().size).toBe(1);
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 6, ListComponents: 5, UpdateServiceInstance: 5 });
    expect(h.prod()).toMatchObject({ templateMinorVersion: '1', deploymentStatus: 'SUCCEEDED' });
  });
});

describe('throttling', () => {
  it('converges with one deployment when half of all calls are throttled', async () => {
    await start();
    await adoptSeeded(h);
    h.emulator.faults.throttleRate(0.5, { seed: 2 });

    const outcome = await h.resource.update(minorUpgrade(), h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    // The SDK's adaptive retries absorb every throttle here (slowly: seconds of backoff), so the handler
    // polls as often as without throttling.
    expect(answeredWith('ThrottlingException')).toBe(5);
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 7, ListComponents: 3, UpdateServiceInstance: 1 });
    expect(outcome.polls).toBe(4);
    expect(h.prodDeployments()).toHaveLength(2);
    expect(clientTokens().size).toBe(1);
    expect(h.prod()).toMatchObject({ templateMinorVersion: '1', deploymentStatus: 'SUCCEEDED' });
  }, 30_000);
});

describe('5xx bursts', () => {
  it('outlasts bursts of InternalServerException longer than the SDK retries, on a read and on the update', async () => {
    await start();
    await adoptSeeded(h);
    h.emulator.faults.serverErrorNextCalls(5);
    h.emulator.faults.serverErrorNextCalls(5, 'UpdateServiceInstance');

    const outcome = await h.resource.update(minorUpgrade(), h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(outcome.decisions.filter((d) => d.action === 'retry')).toEqual([
      expect.objectContaining({ error: 'InternalServerException' }),
      expect.objectContaining({ error: 'InternalServerException' }),
    ]);
    expect(answeredWith('InternalServerException')).toBe(10);
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 10, ListComponents: 2, UpdateServiceInstance: 6 });
    expect(h.prodDeployments()).toHaveLength(2);
    expect(h.prod()).toMatchObject({ templateMinorVersion: '1', deploymentStatus: 'SUCCEEDED' });
  });
});

describe('ConflictException', () => {
  it("waits out another client's deployment that started between its read and its update, and never cancels it", async () => {
    await start();
    await adoptSeeded(h);
    let external: string | undefined;
    h.emulator.calls.onCall((call) => {
      if (call.operation === 'ListComponents' && !external) {
        external = h.emulator.faults.startExternalDeployment({ serviceName: 'payments', instanceName: 'prod', durationMs: 200 });
      }
    });

    const outcome = await h.resource.update(minorUpgrade(), h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(h.emulator.calls.of('UpdateServiceInstance').map((c) => c.errorType ?? c.status)).toEqual(['ConflictException', 200]);
    expect(h.emulator.calls.count('CancelServiceInstanceDeployment')).toBe(0);
    expect(h.emulator.state.deployment(external!)?.deploymentStatus).toBe('SUCCEEDED');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 8, ListComponents: 2, UpdateServiceInstance: 2 });
    expect(h.prodDeployments().map((d) => d.deploymentStatus)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(h.prod()).toMatchObject({ templateMinorVersion: '1', deploymentStatus: 'SUCCEEDED' });
  });
});

describe('a component deploying', () => {
  it('waits while a component attached to the instance deploys, then updates once', async () => {
    await start({ seed: exampleSeed({}, [{ name: 'payments-queue', serviceInstanceName: 'prod' }]) });
    await adoptSeeded(h);
    let started = false;
    h.emulator.calls.onCall((call) => {
      if (call.operation === 'GetServiceInstance' && !started) {
        started = true;
        h.emulator.faults.startComponentDeployment({ componentName: 'payments-queue', durationMs: 200 });
      }
    });

    const outcome = await h.resource.update(minorUpgrade(), h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(outcome.decisions).toContainEqual(expect.objectContaining({ action: 'wait', reasons: ['component payments-queue is IN_PROGRESS'] }));
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 8, ListComponents: 5, UpdateServiceInstance: 1 });
    expect(h.emulator.calls.of('UpdateServiceInstance').map((c) => c.status)).toEqual([200]);
    expect(h.emulator.state.component('payments-queue')?.deploymentStatus).toBe('SUCCEEDED');
    expect(h.prod()).toMatchObject({ templateMinorVersion: '1', deploymentStatus: 'SUCCEEDED' });
  });
});

describe('a deployment that FAILS', () => {
  it("fails with Proton's message and leaves the instance FAILED, not deploying", async () => {
    await start();
    await adoptSeeded(h);
    h.emulator.faults.failNextDeployments(1, 'ECS service payments-prod did not stabilize');

    const outcome = await h.resource.update(minorUpgrade(), h.stepped());

    expect(outcome.status).toBe('FAILED');
    expect(outcome.reason).toMatch(/Proton reports FAILED: ECS service payments-prod did not stabilize$/);
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 4, ListComponents: 1, UpdateServiceInstance: 1 });
    expect(h.prod()).toMatchObject({ templateMinorVersion: '0', deploymentStatus: 'FAILED' });
  });
});

describe('Lambda retries', () => {
  it('makes no extra call when Lambda retries onEvent', async () => {
    await start();
    await adoptSeeded(h);

    const outcome = await h.resource.update(minorUpgrade(), h.stepped({ repeatOnEvent: true }));

    expect(outcome.status).toBe('SUCCESS');
    expect(outcome.decisions.filter((d) => d.action === 'accepted')).toHaveLength(2);
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 4, ListComponents: 1, UpdateServiceInstance: 1 });
    expect(h.prodDeployments()).toHaveLength(2);
    expect(h.prod()).toMatchObject({ templateMinorVersion: '1', deploymentStatus: 'SUCCEEDED' });
  });

  it('starts one deployment when Lambda retries an isComplete that cannot see the deployment yet', async () => {
    // The deployment ends at once and the retry's read is stale: it sends the update again, with the same token.
    await start({ deploymentDurationMs: 0 });
    await adoptSeeded(h);
    h.emulator.faults.staleReadsAfterUpdate(1);

    const outcome = await h.resource.update(minorUpgrade(), h.stepped({ repeatIsComplete: true }));

    expect(outcome.status).toBe('SUCCESS');
    expect(h.prodDeployments()).toHaveLength(2);
    expect(clientTokens().size).toBe(1);
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 4, ListComponents: 2, UpdateServiceInstance: 2 });
    expect(h.prod()).toMatchObject({ templateMinorVersion: '1', deploymentStatus: 'SUCCEEDED' });
  });
});

describe('CloudFormation rollback after a failed update', () => {
  const failedUpdate = async (props: Record<string, string>) => {
    h.emulator.faults.failNextDeployments(1, 'stack update failed');
    expect((await h.resource.update(props, h.stepped())).status).toBe('FAILED');
    h.emulator.calls.clear();
  };

  it.each(['previous', 'attempted'] as const)('redeploys 1.0 after a failed minor upgrade (FAILED shows %s)', async (failedShows) => {
    await start({ failedShows });
    await adoptSeeded(h);
    await failedUpdate(minorUpgrade());
    expect(h.prod()?.templateMinorVersion).toBe(failedShows === 'previous' ? '0' : '1');

    const outcome = await h.resource.rollback(h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    const [update] = h.emulator.calls.of('UpdateServiceInstance');
    expect(update.input).toMatchObject({ deploymentType: failedShows === 'previous' ? 'CURRENT_VERSION' : 'MINOR_VERSION' });
    expect((update.input as { clientToken: string }).clientToken[32]).toBe('r');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 4, ListComponents: 1, UpdateServiceInstance: 1 });
    expect(h.prod()).toMatchObject({ templateMajorVersion: '1', templateMinorVersion: '0', deploymentStatus: 'SUCCEEDED' });
  });

  it('redeploys 1.0 after a failed major upgrade when Proton shows the previous versions', async () => {
    await start({ failedShows: 'previous' });
    await adoptSeeded(h);
    await failedUpdate(majorUpgrade());

    const outcome = await h.resource.rollback(h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(h.emulator.calls.of('UpdateServiceInstance').map((c) => c.input)).toEqual([expect.objectContaining({ deploymentType: 'CURRENT_VERSION' })]);
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 4, ListComponents: 1, UpdateServiceInstance: 1 });
    expect(h.prod()).toMatchObject({ templateMajorVersion: '1', templateMinorVersion: '0', deploymentStatus: 'SUCCEEDED' });
  });

  it('succeeds without a write after a failed major upgrade when Proton shows the attempted major, which cannot go back', async () => {
    await start({ failedShows: 'attempted' });
    await adoptSeeded(h);
    await failedUpdate(majorUpgrade());

    const outcome = await h.resource.rollback(h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
    expect(outcome.decisions).toContainEqual(
      expect.objectContaining({ action: 'done', note: expect.stringMatching(/^cannot go back: templateMajorVersion 1 is lower than the instance's current major version 2/) }),
    );
    expect(h.prod()).toMatchObject({ templateMajorVersion: '2', deploymentStatus: 'FAILED' });
  });

  it('redeploys after a deployment someone cancelled', async () => {
    await start();
    await adoptSeeded(h);
    h.emulator.faults.hangNextDeployments(1);
    expect((await h.resource.update(minorUpgrade(), h.stepped({ beforePoll: cancelOnSecondPoll(h.emulator) }))).status).toBe('FAILED');
    h.emulator.calls.clear();

    const outcome = await h.resource.rollback(h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(h.emulator.calls.of('UpdateServiceInstance').map((c) => c.input)).toEqual([expect.objectContaining({ deploymentType: 'CURRENT_VERSION' })]);
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 4, ListComponents: 1, UpdateServiceInstance: 1 });
    expect(h.prod()).toMatchObject({ templateMinorVersion: '0', deploymentStatus: 'SUCCEEDED' });
  });

  it.each(['previous', 'attempted'] as const)('redeploys the old spec after a failed spec-only update (FAILED shows %s)', async (failedShows) => {
    await start({ failedShows });
    await adoptSeeded(h);
    await failedUpdate(specChange());

    const outcome = await h.resource.rollback(h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(h.emulator.calls.of('UpdateServiceInstance').map((c) => c.input)).toEqual([
      expect.objectContaining({ deploymentType: 'CURRENT_VERSION', spec: base().Spec }),
    ]);
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 4, ListComponents: 1, UpdateServiceInstance: 1 });
    expect(h.prod()).toMatchObject({ deploymentStatus: 'SUCCEEDED', spec: expect.stringMatching(/payments:1\.3\.2/) });
  });

  it('succeeds when the rollback deployment itself fails, so the stack is not stuck in UPDATE_ROLLBACK_FAILED', async () => {
    await start();
    await adoptSeeded(h);
    await failedUpdate(minorUpgrade());
    h.emulator.faults.failNextDeployments(1, 'still broken');

    const outcome = await h.resource.rollback(h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(outcome.decisions).toContainEqual(expect.objectContaining({ action: 'done', note: expect.stringMatching(/ended FAILED \(still broken\)/) }));
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 4, ListComponents: 1, UpdateServiceInstance: 1 });
    expect(h.prod()?.deploymentStatus).toBe('FAILED');
  });
  it("succeeds when someone else's failed deployment came after ours and the rollback deployment fails too", async () => {
    await start();
    await adoptSeeded(h);
    await failedUpdate(minorUpgrade());
    h.emulator.faults.startExternalDeployment({ serviceName: 'payments', instanceName: 'prod', durationMs: 0, outcome: 'FAILED', failureMessage: 'theirs failed' });
    h.emulator.faults.failNextDeployments(1, 'still broken');

    const outcome = await h.resource.rollback(h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(outcome.decisions).toContainEqual(
      expect.objectContaining({ action: 'done', note: expect.stringMatching(/^the stack is rolling back; not failing it: .*still broken/) }),
    );
    expect(h.prod()?.deploymentStatus).toBe('FAILED');
  });
});

describe('CloudFormation rollback after another resource failed', () => {
  /** The rollback Update of a request that SUCCEEDED: back to `previous`, from `current`. */
  const rollbackOf = (current: Record<string, string>, previous: Record<string, string>) =>
    h.resource.sendAsIs({ RequestType: 'Update', RequestId: 'rollback-after-other-resource', ResourceProperties: previous, OldResourceProperties: current, PhysicalResourceId: 'payments/prod' }, h.stepped());

  it('succeeds without a write, saying why, when our major upgrade had succeeded: Proton cannot go back', async () => {
    await start();
    await adoptSeeded(h);
    expect((await h.resource.update(majorUpgrade(), h.stepped())).status).toBe('SUCCESS');
    h.resource.setStackStatus('UPDATE_ROLLBACK_IN_PROGRESS');
    h.emulator.calls.clear();

    const outcome = await rollbackOf(majorUpgrade(), base());

    expect(outcome.status).toBe('SUCCESS');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
    expect(outcome.decisions).toContainEqual(
      expect.objectContaining({ action: 'done', note: expect.stringMatching(/^the stack is rolling back; not failing it: .*templateMajorVersion 1 is lower than the instance's current major version 2/) }),
    );
    expect(h.prod()).toMatchObject({ templateMajorVersion: '2', deploymentStatus: 'SUCCEEDED' });
  });

  it('refuses the same lower major when it is a plain update', async () => {
    await start();
    await adoptSeeded(h);
    expect((await h.resource.update(majorUpgrade(), h.stepped())).status).toBe('SUCCESS');
    h.emulator.calls.clear();

    const outcome = await h.resource.update(base(), h.stepped());

    expect(outcome).toMatchObject({ status: 'FAILED', reason: expect.stringMatching(/templateMajorVersion 1 is lower than the instance's current major version 2/) });
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
    expect(h.prod()).toMatchObject({ templateMajorVersion: '2', deploymentStatus: 'SUCCEEDED' });
  });

  it('succeeds when the deployment back to our previous minor fails, since CloudFormation is rolling back', async () => {
    await start();
    await adoptSeeded(h);
    expect((await h.resource.update(minorUpgrade(), h.stepped())).status).toBe('SUCCESS');
    h.emulator.faults.failNextDeployments(1, 'still broken');
    h.resource.setStackStatus('UPDATE_ROLLBACK_IN_PROGRESS');
    h.emulator.calls.clear();

    const outcome = await rollbackOf(minorUpgrade(), base());

    expect(outcome.status).toBe('SUCCESS');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 4, ListComponents: 1, UpdateServiceInstance: 1 });
    expect(outcome.decisions).toContainEqual(
      expect.objectContaining({ action: 'done', note: expect.stringMatching(/^the stack is rolling back; not failing it: .*still broken/) }),
    );
    expect(h.prod()).toMatchObject({ templateMinorVersion: '1', deploymentStatus: 'FAILED' });
  });

  it('fails the same deployment back when the stack is not rolling back (a plain update)', async () => {
    await start();
    await adoptSeeded(h);
    expect((await h.resource.update(minorUpgrade(), h.stepped())).status).toBe('SUCCESS');
    h.emulator.faults.failNextDeployments(1, 'still broken');

    const outcome = await rollbackOf(minorUpgrade(), base());

    expect(outcome).toMatchObject({ status: 'FAILED', reason: expect.stringMatching(/still broken/) });
  });

  it('moves the minor version back when our minor upgrade had succeeded', async () => {
    await start();
    await adoptSeeded(h);
    expect((await h.resource.update(minorUpgrade(), h.stepped())).status).toBe('SUCCESS');
    h.emulator.calls.clear();

    const outcome = await rollbackOf(minorUpgrade(), base());

    expect(outcome.status).toBe('SUCCESS');
    expect(h.emulator.calls.of('UpdateServiceInstance').map((c) => c.input)).toEqual([
      expect.objectContaining({ deploymentType: 'MINOR_VERSION', templateMinorVersion: '0' }),
    ]);
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 4, ListComponents: 1, UpdateServiceInstance: 1 });
    expect(h.prod()).toMatchObject({ templateMinorVersion: '0', deploymentStatus: 'SUCCEEDED' });
  });

  it('cancels our update that still deploys, restores the old version, and the abandoned request leaves it so', async () => {
    // Real clock: the abandoned request tells the rollback's deployment from an older one by Proton's timestamps.
    h = await startHarness({ seed: exampleSeed() });
    await h.resource.sendAsIs({ RequestType: 'Create', RequestId: 'create', ResourceProperties: base() });
    h.emulator.calls.clear();
    h.emulator.faults.hangNextDeployments(1);
    let rollback: RunOutcome | undefined;
    // CloudFormation rolls back while the update's waiter sleeps between two polls; the waiter polls on after.
    const rollbackDuringThirdPoll = async (poll: number) => {
      if (poll === 3) {
        rollback = await h.resource.sendAsIs({ RequestType: 'Update', RequestId: 'rollback', ResourceProperties: base(), OldResourceProperties: minorUpgrade(), PhysicalResourceId: 'payments/prod' });
      }
    };

    const abandoned = await h.resource.sendAsIs({ RequestType: 'Update', RequestId: 'update', ResourceProperties: minorUpgrade(), OldResourceProperties: base(), PhysicalResourceId: 'payments/prod' }, { beforePoll: rollbackDuringThirdPoll });

    expect(rollback?.status).toBe('SUCCESS');
    expect(rollback?.decisions).toContainEqual(expect.objectContaining({ action: 'cancel', reasons: [expect.stringMatching(/of an abandoned request of this resource$/)] }));
    expect(abandoned).toMatchObject({ status: 'FAILED', reason: expect.stringMatching(/superseded by a newer request of this resource/) });
    expect(h.prodDeployments().map((d) => d.deploymentStatus)).toEqual(['SUCCEEDED', 'CANCELLED', 'SUCCEEDED']);
    // Reads depend on real time here; the writes do not: our update, the cancel, the rollback's update.
    expect(h.emulator.calls.count('UpdateServiceInstance')).toBe(2);
    expect(h.emulator.calls.count('CancelServiceInstanceDeployment')).toBe(1);
    expect(h.prod()).toMatchObject({ templateMinorVersion: '0', deploymentStatus: 'SUCCEEDED' });
  });
});

describe('a Delete during a long Create or Update', () => {
  it('cancels the deployment of the Create that CloudFormation abandoned', async () => {
    await start();
    const canary = { name: 'canary', environment: 'prod', spec: { port: 8080 } };
    const props = declare(base(), { InstanceName: 'canary', Spec: serviceSpec({ extraInstances: [canary] }) });
    h.emulator.faults.hangNextDeployments(1);
    let deleted: RunOutcome | undefined;
    const deleteDuringThirdPoll = async (poll: number) => {
      if (poll === 3) deleted = await h.resource.sendAsIs({ RequestType: 'Delete', RequestId: 'delete', ResourceProperties: props, PhysicalResourceId: 'payments/canary' }, h.stepped());
    };

    const created = await h.resource.sendAsIs({ RequestType: 'Create', RequestId: 'create', ResourceProperties: props }, h.stepped({ beforePoll: deleteDuringThirdPoll }));

    expect(deleted?.status).toBe('SUCCESS');
    expect(created).toMatchObject({ status: 'FAILED', reason: expect.stringMatching(/Proton reports CANCELLED/) });
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 6, CreateServiceInstance: 1, CancelServiceInstanceDeployment: 1 });
    expect(h.emulator.state.instance('payments', 'canary')?.deploymentStatus).toBe('CANCELLED');
  });

  it('cancels the deployment of the Update that CloudFormation abandoned', async () => {
    await start();
    await adoptSeeded(h);
    h.emulator.faults.hangNextDeployments(1);
    let deleted: RunOutcome | undefined;
    const deleteDuringThirdPoll = async (poll: number) => {
      if (poll === 3) deleted = await h.resource.sendAsIs({ RequestType: 'Delete', RequestId: 'delete', ResourceProperties: base(), PhysicalResourceId: 'payments/prod' }, h.stepped());
    };

    const updated = await h.resource.update(minorUpgrade(), h.stepped({ beforePoll: deleteDuringThirdPoll }));

    expect(deleted?.status).toBe('SUCCESS');
    expect(updated.status).toBe('FAILED');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 6, ListComponents: 1, UpdateServiceInstance: 1, CancelServiceInstanceDeployment: 1 });
    expect(h.prod()).toMatchObject({ templateMinorVersion: '0', deploymentStatus: 'CANCELLED' });
  });
});

describe("someone else's deployment", () => {
  it('is left alone by a Delete, which succeeds at once', async () => {
    await start();
    await adoptSeeded(h);
    const external = h.emulator.faults.startExternalDeployment({ serviceName: 'payments', instanceName: 'prod', durationMs: 500 });

    const outcome = await h.resource.delete(h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
    h.emulator.advance(500);
    expect(h.emulator.state.deployment(external)?.deploymentStatus).toBe('SUCCEEDED');
  });
});

describe('drift', () => {
  it("diffs against what Proton really has, makes no write when that is already declared, and logs the drift", async () => {
    await start();
    await adoptSeeded(h);
    h.emulator.faults.startExternalDeployment({ serviceName: 'payments', instanceName: 'prod', durationMs: 0, spec: { ...SEEDED.prod, desired_count: 5 } });
    const declared = declare(base(), { Spec: serviceSpec({ prod: { ...SEEDED.prod, desired_count: 5 } }) });

    const outcome = await h.resource.update(declared, h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(outcome.decisions).toContainEqual(expect.objectContaining({ action: 'drift', reasons: ['spec.desired_count differs'] }));
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
    expect(h.prod()).toMatchObject({ deploymentStatus: 'SUCCEEDED', spec: expect.stringMatching(/desired_count: 5/) });
  });

  it('deploys the declared state over a change made outside CloudFormation', async () => {
    await start();
    await adoptSeeded(h);
    h.emulator.faults.startExternalDeployment({ serviceName: 'payments', instanceName: 'prod', durationMs: 0, templateMinorVersion: '1' });

    const outcome = await h.resource.update(specChange(), h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(outcome.decisions).toContainEqual(expect.objectContaining({ action: 'drift', reasons: ['template minor version 1.1 → 1.0'] }));
    expect(h.emulator.calls.of('UpdateServiceInstance').map((c) => c.input)).toEqual([
      expect.objectContaining({ deploymentType: 'MINOR_VERSION', templateMinorVersion: '0', spec: specChange().Spec }),
    ]);
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 4, ListComponents: 1, UpdateServiceInstance: 1 });
    expect(h.prod()).toMatchObject({ templateMinorVersion: '0', deploymentStatus: 'SUCCEEDED', spec: expect.stringMatching(/payments:1\.4\.0/) });
  });
});

describe('deleted or renamed outside CloudFormation', () => {
  it('fails clearly when the instance is deleted between two polls of an Update', async () => {
    await start();
    await adoptSeeded(h);
    const deleteOnThirdPoll = (poll: number) => {
      if (poll === 3) h.emulator.faults.deleteInstance('payments', 'prod');
    };

    const outcome = await h.resource.update(minorUpgrade(), h.stepped({ beforePoll: deleteOnThirdPoll }));

    expect(outcome).toMatchObject({
      status: 'FAILED',
      reason: 'Proton service instance payments/prod: update request: Proton has no such instance (deleted or renamed outside CloudFormation?)',
    });
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 3, ListComponents: 1, UpdateServiceInstance: 1 });
    expect(h.prod()).toBeUndefined();
  });

  it('fails clearly when the service is not there at Update', async () => {
    await start();
    await adoptSeeded(h);

    const outcome = await h.resource.update(declare(minorUpgrade(), { ServiceName: 'payments-renamed' }), h.stepped());

    expect(outcome).toMatchObject({ status: 'FAILED', reason: expect.stringMatching(/^Proton service instance payments-renamed\/prod: update request: Proton has no such instance/) });
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
    expect(h.prod()).toMatchObject({ templateMinorVersion: '0', deploymentStatus: 'SUCCEEDED' });
  });

  it('succeeds on Delete when the instance is gone', async () => {
    await start();
    await adoptSeeded(h);
    h.emulator.faults.deleteInstance('payments', 'prod');

    const outcome = await h.resource.delete(h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
  });
});
