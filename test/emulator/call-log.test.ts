import { GetServiceInstanceCommand, ListDeploymentsCommand, ProtonClient, UpdateServiceInstanceCommand } from '@aws-sdk/client-proton';
import { ProtonEmulator } from '../../emulator';
import { clientFor, startDemo } from './harness';

describe('the call log', () => {
  let emulator: ProtonEmulator;
  let client: ProtonClient;

  beforeEach(async () => {
    emulator = await startDemo();
    client = clientFor(emulator);
  });

  afterEach(() => emulator.stop());

  const getProd = () => client.send(new GetServiceInstanceCommand({ serviceName: 'payments', name: 'prod' }));

  it('records each call with its operation, input, status and time', async () => {
    emulator.advance(5000);

    await getProd();

    expect(emulator.calls.entries).toEqual([
      { operation: 'GetServiceInstance', input: { serviceName: 'payments', name: 'prod' }, status: 200, errorType: undefined, at: emulator.now().getTime() },
    ]);
  });

  it('records failed calls with their error type', async () => {
    emulator.faults.throttleNextCalls(1);

    await getProd().catch(() => undefined);

    expect(emulator.calls.entries[0]).toMatchObject({ status: 400, errorType: 'ThrottlingException' });
  });

  it('counts reads and writes apart', async () => {
    await getProd();
    await client.send(new ListDeploymentsCommand({ serviceName: 'payments' }));
    await client.send(new UpdateServiceInstanceCommand({ serviceName: 'payments', name: 'prod', deploymentType: 'CURRENT_VERSION' }));

    expect([emulator.calls.readCount(), emulator.calls.writeCount()]).toEqual([2, 1]);
    expect(emulator.calls.count('GetServiceInstance')).toBe(1);
    expect(emulator.calls.count()).toBe(3);
  });

  it('starts counting again after clear', async () => {
    await getProd();

    emulator.calls.clear();

    expect(emulator.calls.count()).toBe(0);
  });
});
