import { UpdateServiceCommand, UpdateServiceInstanceCommand } from '@aws-sdk/client-proton';
import { DEPLOYMENT_MS, emulatorPerTest, startDemoWithComponent } from './harness';

describe('updates refused while something is busy', () => {
  const demo = emulatorPerTest(startDemoWithComponent);

  const redeploy = (name: string) =>
    demo.client.send(new UpdateServiceInstanceCommand({ serviceName: 'payments', name, deploymentType: 'CURRENT_VERSION' }));

  it('refuses an update while a component attached to the instance is IN_PROGRESS', async () => {
    demo.emulator.faults.startComponentDeployment({ componentName: 'payments-queue', durationMs: 500 });

    await expect(redeploy('prod')).rejects.toMatchObject({ name: 'ConflictException' });
  });

  it('accepts the update once the component deployment has ended', async () => {
    demo.emulator.faults.startComponentDeployment({ componentName: 'payments-queue', durationMs: 500 });
    demo.emulator.advance(500);

    await expect(redeploy('prod')).resolves.toBeDefined();
    expect(demo.emulator.state.component('payments-queue')?.deploymentStatus).toBe('SUCCEEDED');
  });

  it('leaves other instances free while one component is busy', async () => {
    demo.emulator.faults.startComponentDeployment({ componentName: 'payments-queue' });

    await expect(redeploy('staging')).resolves.toBeDefined();
  });

  it('refuses an instance update while the service is not ACTIVE', async () => {
    await demo.client.send(new UpdateServiceCommand({ name: 'payments', spec: demo.emulator.state.service('payments')!.spec }));

    await expect(redeploy('staging')).rejects.toMatchObject({ name: 'ConflictException' });
    demo.emulator.advance(DEPLOYMENT_MS);
    await expect(redeploy('staging')).resolves.toBeDefined();
  });
});
