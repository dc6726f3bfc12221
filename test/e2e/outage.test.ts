// When Proton does not answer, beside the fault matrix: the synthesized handler, the real SDK (with its
// retries, its timeouts) and the emulator scripted to fail every call. The handler gives its own verdict on
// its last poll, never the framework's "Operation timed out"; what cannot heal fails on the first poll.
// Each request waits 8 s: its last poll (less than a poll + 5 s left) comes about 3 s in.
import { simulate } from '../../lifecycle';
import { Harness, adoptSeeded, callCounts, exampleSeed, seededProps, startHarness, synthesizedInstance } from './support';

let h: Harness;
afterEach(() => h?.stop());

const WAIT_SECONDS = 8;
const minorUpgrade = () => seededProps(h, { TemplateMinorVersion: '1', TimeoutSeconds: String(WAIT_SECONDS) });

async function adoptedProd(): Promise<void> {
  h = await startHarness({ seed: exampleSeed(), clock: 'manual' });
  await adoptSeeded(h);
}

describe('an outage that lasts until the deadline', () => {
  it('fails on its last poll with ServiceUnavailableException, naming how long Proton was silent, before the framework times out', async () => {
    await adoptedProd();
    h.emulator.faults.answerNextCallsWith(Infinity, 'ServiceUnavailableException', { status: 503, message: 'Service Unavailable' });

    const outcome = await h.resource.update(minorUpgrade(), h.stepped());

    expect(outcome.status).toBe('FAILED');
    expect(outcome.reason).toMatch(
      new RegExp(
        `^Proton service instance payments/prod: waiting for Proton to answer within the ${WAIT_SECONDS} s wait: ` +
          'Proton has not answered for \\d+ s \\(last error ServiceUnavailableException: Service Unavailable\\); no deployment of this request was started$',
      ),
    );
    expect(outcome.polls).toBeGreaterThan(1);
    expect(h.emulator.calls.writeCount()).toBe(0);
    expect(h.prod()).toMatchObject({ templateMinorVersion: '0', deploymentStatus: 'SUCCEEDED' });
  }, 30_000);

  it('fails on its last poll when every connection is reset, naming ECONNRESET', async () => {
    await adoptedProd();
    h.emulator.faults.resetNextConnections(Infinity);

    const outcome = await h.resource.update(minorUpgrade(), h.stepped());

    expect(outcome.status).toBe('FAILED');
    expect(outcome.reason).toMatch(/waiting for Proton to answer within the 8 s wait: Proton has not answered for \d+ s \(last error ECONNRESET: socket hang up\); no deployment of this request was started$/);
    expect(h.emulator.calls.entries.every((call) => call.errorType === 'reset')).toBe(true);
  }, 30_000);

  it('says its deployment may still be running when Proton falls silent after starting it', async () => {
    await adoptedProd();
    // Polls 1 and 2 update and see the deployment running; from poll 3 on, Proton answers nothing but 503.
    const silentFromPoll3 = async (poll: number) => {
      if (poll === 3) h.emulator.faults.answerNextCallsWith(Infinity, 'ServiceUnavailableException', { status: 503 });
    };

    const outcome = await h.resource.update(minorUpgrade(), h.stepped({ beforePoll: silentFromPoll3 }));

    const [ours] = h.prodDeployments();
    expect(outcome.status).toBe('FAILED');
    expect(outcome.reason).toContain(`deployment ${ours.id} of this request was IN_PROGRESS when Proton last answered and may still be running: it could not be cancelled`);
    expect(h.emulator.calls.of('UpdateServiceInstance')).toHaveLength(1);
  }, 30_000);
});

describe('a short outage', () => {
  it('succeeds when Proton answers again before the deadline', async () => {
    await adoptedProd();
    // More failures than the SDK's 5 attempts of one poll: the first poll answers "not complete".
    h.emulator.faults.answerNextCallsWith(7, 'ServiceUnavailableException', { status: 503 });

    const outcome = await h.resource.update(seededProps(h, { TemplateMinorVersion: '1' }), h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(outcome.decisions.filter((d) => d.action === 'retry')).toEqual([expect.objectContaining({ error: 'ServiceUnavailableException' })]);
    expect(h.prod()).toMatchObject({ templateMinorVersion: '1', deploymentStatus: 'SUCCEEDED' });
  }, 30_000);
});

describe('what cannot heal', () => {
  it('fails on the first poll when Proton denies access', async () => {
    await adoptedProd();
    h.emulator.faults.answerNextCallsWith(Infinity, 'AccessDeniedException', { message: 'User is not authorized to perform proton:GetServiceInstance' });

    const outcome = await h.resource.update(minorUpgrade(), h.stepped());

    expect(outcome).toMatchObject({
      status: 'FAILED',
      polls: 1,
      reason: 'Proton service instance payments/prod: talking to Proton: Proton answered AccessDeniedException: User is not authorized to perform proton:GetServiceInstance',
    });
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
  });

  it('fails on the first poll when the endpoint does not resolve', async () => {
    await adoptedProd();
    const unresolvable = await simulate(synthesizedInstance('prod'), 'http://proton.invalid');
    try {
      const outcome = await unresolvable.resource.update(minorUpgrade());

      expect(outcome).toMatchObject({ status: 'FAILED', polls: 1 });
      expect(outcome.reason).toMatch(/^Proton service instance payments\/prod: talking to Proton: Proton answered ENOTFOUND: getaddrinfo ENOTFOUND proton\.invalid$/);
    } finally {
      await unresolvable.stop();
    }
  });
});
