import { GetServiceInstanceCommand, ProtonClient, UpdateServiceCommand, UpdateServiceInstanceCommand } from '@aws-sdk/client-proton';
import { parse } from 'yaml';
import { ProtonEmulator } from '../../emulator';
import { DEPLOYMENT_MS, clientFor, startDemo, startDemoWithComponent } from './harness';

const ONLY_STAGING = 'proton: ServiceSpec\ninstances:\n  - name: staging\n    environment: staging\n    spec: {}\n';

describe('UpdateService', () => {
  let emulator: ProtonEmulator;
  let client: ProtonClient;

  afterEach(() => emulator.stop());

  describe('on the demo account', () => {
    beforeEach(async () => {
      emulator = await startDemo();
      client = clientFor(emulator);
    });

    const updateSpec = (spec: string) => client.send(new UpdateServiceCommand({ name: 'payments', spec }));

    it('goes UPDATE_IN_PROGRESS and keeps the omitted instance until the update ends', async () => {
      const { service } = await updateSpec(ONLY_STAGING);

      expect(service?.status).toBe('UPDATE_IN_PROGRESS');
      expect(emulator.state.instance('payments', 'prod')).toBeDefined();
    });

    it('removes the instances its spec omits when it ends', async () => {
      await updateSpec(ONLY_STAGING);
      emulator.advance(DEPLOYMENT_MS);

      await expect(
        client.send(new GetServiceInstanceCommand({ serviceName: 'payments', name: 'prod' })),
      ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
      const service = emulator.state.service('payments')!;
      expect(service.status).toBe('ACTIVE');
      expect(parse(service.spec!).instances.map((entry: { name: string }) => entry.name)).toEqual(['staging']);
    });

    it('keeps the existing instances and pipeline as they are, ignoring edits to them', async () => {
      await updateSpec(ONLY_STAGING);
      emulator.advance(DEPLOYMENT_MS);

      const spec = parse(emulator.state.service('payments')!.spec!);
      expect(spec.pipeline).toEqual({ unit_test_command: 'npm test', dockerfile: 'Dockerfile' });
      expect(spec.instances[0].spec).toEqual({ port: 8080, desired_count: 1, image: 'payments:1.4.0' });
    });

    it('creates the instances its spec adds', async () => {
      const withCanary = `${emulator.state.service('payments')!.spec}  - name: canary\n    environment: prod\n    spec: {}\n`;

      await updateSpec(withCanary);
      emulator.advance(DEPLOYMENT_MS);

      expect(emulator.state.instance('payments', 'canary')).toMatchObject({ deploymentStatus: 'SUCCEEDED', templateMajorVersion: '2' });
    });

    it('is refused with ConflictException while an instance deployment is IN_PROGRESS', async () => {
      await client.send(
        new UpdateServiceInstanceCommand({ serviceName: 'payments', name: 'prod', deploymentType: 'CURRENT_VERSION' }),
      );

      await expect(updateSpec(ONLY_STAGING)).rejects.toMatchObject({ name: 'ConflictException' });
    });
  });

  it('refuses to remove an instance with an attached component', async () => {
    emulator = await startDemoWithComponent();
    client = clientFor(emulator);

    await expect(client.send(new UpdateServiceCommand({ name: 'payments', spec: ONLY_STAGING }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('component payments-queue is attached'),
    });
  });
});
