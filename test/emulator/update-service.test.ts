import { UpdateServiceCommand, UpdateServiceInstanceCommand } from '@aws-sdk/client-proton';
import { parse } from 'yaml';
import { DEPLOYMENT_MS, emulatorPerTest, getProd, startDemoWithComponent } from './harness';

const ONLY_STAGING = 'proton: ServiceSpec\ninstances:\n  - name: staging\n    environment: staging\n    spec: {}\n';

describe('UpdateService', () => {
  describe('on the demo account', () => {
    const demo = emulatorPerTest();

    const updateSpec = (spec: string) => demo.client.send(new UpdateServiceCommand({ name: 'payments', spec }));

    it('goes UPDATE_IN_PROGRESS and keeps the omitted instance until the update ends', async () => {
      const { service } = await updateSpec(ONLY_STAGING);

      expect(service?.status).toBe('UPDATE_IN_PROGRESS');
      expect(demo.emulator.state.instance('payments', 'prod')).toBeDefined();
    });

    it('removes the instances its spec omits when it ends', async () => {
      await updateSpec(ONLY_STAGING);
      demo.emulator.advance(DEPLOYMENT_MS);

      await expect(getProd(demo.client)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
      const service = demo.emulator.state.service('payments')!;
      expect(service.status).toBe('ACTIVE');
      expect(parse(service.spec!).instances.map((entry: { name: string }) => entry.name)).toEqual(['staging']);
    });

    it('keeps the existing instances and pipeline as they are, ignoring edits to them', async () => {
      await updateSpec(ONLY_STAGING);
      demo.emulator.advance(DEPLOYMENT_MS);

      const spec = parse(demo.emulator.state.service('payments')!.spec!);
      expect(spec.pipeline).toEqual({ unit_test_command: 'npm test', dockerfile: 'Dockerfile' });
      expect(spec.instances[0].spec).toEqual({ port: 8080, desired_count: 1, image: 'payments:1.4.0' });
    });

    it('creates the instances its spec adds', async () => {
      const withCanary = `${demo.emulator.state.service('payments')!.spec}  - name: canary\n    environment: prod\n    spec: {}\n`;

      await updateSpec(withCanary);
      demo.emulator.advance(DEPLOYMENT_MS);

      expect(demo.emulator.state.instance('payments', 'canary')).toMatchObject({ deploymentStatus: 'SUCCEEDED', templateMajorVersion: '2' });
    });

    it('is refused with ConflictException while an instance deployment is IN_PROGRESS', async () => {
      await demo.client.send(
        new UpdateServiceInstanceCommand({ serviceName: 'payments', name: 'prod', deploymentType: 'CURRENT_VERSION' }),
      );

      await expect(updateSpec(ONLY_STAGING)).rejects.toMatchObject({ name: 'ConflictException' });
    });
  });

  describe('with a component attached to prod', () => {
    const demo = emulatorPerTest(startDemoWithComponent);

    it('refuses to remove an instance with an attached component', async () => {
      await expect(demo.client.send(new UpdateServiceCommand({ name: 'payments', spec: ONLY_STAGING }))).rejects.toMatchObject({
        name: 'ValidationException',
        message: expect.stringContaining('component payments-queue is attached'),
      });
    });
  });
});
