// The handler's own deadline, through the synthesized handler: a deployment that hangs is cancelled
// before CloudFormation gives up, and the request fails saying so. The handler counts the wait on
// real time from onEvent's StartedAt (TimeoutSeconds); the emulator's manual clock moves one poll per
// poll, so the cancellation it asks for ends a fixed number of polls later.
import { Harness, adoptSeeded, callCounts, exampleSeed, seededProps, startHarness } from './support';

let h: Harness;
afterEach(() => h.stop());

const ours = () => h.prodDeployments()[0];

/** A minor upgrade with a wait of `timeoutSeconds` and 0.1 s polls. */
const minorUpgradeWithin = (timeoutSeconds: number) =>
  seededProps(h, { TemplateMinorVersion: '1', TimeoutSeconds: String(timeoutSeconds), PollIntervalSeconds: '0.1' });

async function adoptedProd(cancellationDurationMs = 100): Promise<void> {
  h = await startHarness({ seed: exampleSeed(), clock: 'manual', cancellationDurationMs });
  await adoptSeeded(h);
}

it('cancels a hanging deployment near its deadline, waits until it is CANCELLED, then fails saying so', async () => {
  // 16 s: the cancel window (the last third, 5.3 s) opens before the last poll (the last 5.1 s).
  await adoptedProd(50);
  h.emulator.faults.hangNextDeployments(1);

  const outcome = await h.resource.update(minorUpgradeWithin(16), h.stepped());

  expect(outcome).toMatchObject({
    status: 'FAILED',
    reason: `Proton service instance payments/prod: waiting for deployment ${ours().id}: not finished within 16 s, so it was cancelled; Proton put the instance back as it was`,
  });
  expect(outcome.durationMs).toBeGreaterThanOrEqual((16 * 1000 * 2) / 3);
  expect(outcome.decisions.map((d) => d.action).filter((a) => a !== 'wait')).toEqual(['accepted', 'update', 'cancel']);
  expect(h.emulator.calls.count('GetServiceInstance')).toBe(outcome.polls);
  expect(h.emulator.calls.count('CancelServiceInstanceDeployment')).toBe(1);
  expect(h.emulator.calls.writeCount()).toBe(2);
  expect(h.prod()).toMatchObject({ templateMinorVersion: '0', deploymentStatus: 'CANCELLED' });
}, 30_000);

it('cancels a hanging deployment on the last poll of a wait too short for a cancel window, and fails saying so', async () => {
  // 3 s: every poll is a last poll (the next might come after CloudFormation gave up), so the handler
  // cancels as soon as it sees its deployment running, and gives its verdict while Proton cancels it.
  await adoptedProd();
  h.emulator.faults.hangNextDeployments(1);

  const outcome = await h.resource.update(minorUpgradeWithin(3), h.stepped());

  expect(outcome).toMatchObject({
    status: 'FAILED',
    reason: `Proton service instance payments/prod: waiting for deployment ${ours().id}: not finished within 3 s; it was cancelled and Proton reports CANCELLING`,
  });
  expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 3, ListComponents: 1, UpdateServiceInstance: 1, CancelServiceInstanceDeployment: 1 });
  h.emulator.advance(100);
  expect(h.prod()).toMatchObject({ templateMinorVersion: '0', deploymentStatus: 'CANCELLED' });
});

it('rolls back, after its deadline cancelled the update, by redeploying the old version', async () => {
  await adoptedProd();
  h.emulator.faults.hangNextDeployments(1);
  expect((await h.resource.update(minorUpgradeWithin(3), h.stepped())).status).toBe('FAILED');
  h.emulator.advance(100);
  h.emulator.calls.clear();

  const outcome = await h.resource.rollback(h.stepped());

  expect(outcome.status).toBe('SUCCESS');
  expect(h.emulator.calls.of('UpdateServiceInstance').map((c) => c.input)).toEqual([
    expect.objectContaining({ deploymentType: 'CURRENT_VERSION', clientToken: expect.stringMatching(/^.{32}r/) }),
  ]);
  expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 4, ListComponents: 1, UpdateServiceInstance: 1 });
  expect(h.prod()).toMatchObject({ templateMinorVersion: '0', deploymentStatus: 'SUCCEEDED' });
});
