import { ListDeploymentsCommand, UpdateServiceInstanceCommand } from '@aws-sdk/client-proton';
import { emulatorPerTest, getProd } from './harness';

describe('the call log', () => {
  const demo = emulatorPerTest();

  it('records each call with its operation, input, status and time', async () => {
    demo.emulator.advance(5000);

    await getProd(demo.client);

    expect(demo.emulator.calls.entries).toEqual([
      { operation: 'GetServiceInstance', input: { serviceName: 'payments', name: 'prod' }, status: 200, errorType: undefined, at: demo.emulator.now().getTime() },
    ]);
  });

  it('records failed calls with their error type', async () => {
    demo.emulator.faults.throttleNextCalls(1);

    await getProd(demo.client).catch(() => undefined);

    expect(demo.emulator.calls.entries[0]).toMatchObject({ status: 400, errorType: 'ThrottlingException' });
  });

  it('counts reads and writes apart', async () => {
    await getProd(demo.client);
    await demo.client.send(new ListDeploymentsCommand({ serviceName: 'payments' }));
    await demo.client.send(new UpdateServiceInstanceCommand({ serviceName: 'payments', name: 'prod', deploymentType: 'CURRENT_VERSION' }));

    expect([demo.emulator.calls.readCount(), demo.emulator.calls.writeCount()]).toEqual([2, 1]);
    expect(demo.emulator.calls.count('GetServiceInstance')).toBe(1);
    expect(demo.emulator.calls.count()).toBe(3);
  });

  it('starts counting again after clear', async () => {
    await getProd(demo.client);

    demo.emulator.calls.clear();

    expect(demo.emulator.calls.count()).toBe(0);
  });
});
