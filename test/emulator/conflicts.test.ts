import { ProtonClient, UpdateServiceCommand, UpdateServiceInstanceCommand } from '@aws-sdk/client-proton';
import { ProtonEmulator } from '../../emulator';
import { DEPLOYMENT_MS, clientFor, startDemoWithComponent } from './harness';

describe('updates refused while something is busy', () => {
  let emulator: ProtonEmulator;
  let client: ProtonClient;

  beforeEach(async () => {
    emulator = await startDemoWithComponent();
    client = clientFor(emulator);
  });

  afterEach(() => emulator.stop());

  const redeploy = (name: string) =>
    client.send(new UpdateServiceInstanceCommand({ serviceName: 'payments', name, deploymentType: 'CURRENT_VERSION' }));

  it('refuses an update while a component attached to the instance is IN_PROGRESS', async () => {
    emulator.faults.startComponentDeployment({ componentName: 'payments-queue', durationMs: 500 });

    await expect(redeploy('prod')).rejects.toMatchObject({ name: 'ConflictException' });
  });

  it('accepts the update once the component deployment has ended', async () => {
    emulator.faults.startComponentDeployment({ componentName: 'payments-queue', durationMs: 500 });
    emulator.advance(500);

    await expect(redeploy('prod')).resolves.toBeDefined();
    expect(emulator.state.component('payments-queue')?.deploymentStatus).toBe('SUCCEEDED');
  });

  it('leaves other instances free while one component is busy', async () => {
    emulator.faults.startComponentDeployment({ componentName: 'payments-queue' });

    await expect(redeploy('staging')).resolves.toBeDefined();
  });

  it('refuses an instance update while the service is not ACTIVE', async () => {
    await client.send(new UpdateServiceCommand({ name: 'payments', spec: emulator.state.service('payments')!.spec }));

    await expect(redeploy('staging')).rejects.toMatchObject({ name: 'ConflictException' });
    emulator.advance(DEPLOYMENT_MS);
    await expect(redeploy('staging')).resolves.toBeDefined();
  });
});
