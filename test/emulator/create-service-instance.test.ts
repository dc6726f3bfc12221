import { CreateServiceInstanceCommand } from '@aws-sdk/client-proton';
import { parse } from 'yaml';
import { DEPLOYMENT_MS, emulatorPerTest } from './harness';

const CANARY_SPEC = 'proton: ServiceSpec\ninstances:\n  - name: canary\n    environment: prod\n    spec: { port: 8081 }\n';

describe('CreateServiceInstance', () => {
  const demo = emulatorPerTest();

  function createCanary(overrides: { serviceName?: string; spec?: string; clientToken?: string } = {}) {
    return demo.client.send(new CreateServiceInstanceCommand({ serviceName: 'payments', name: 'canary', spec: CANARY_SPEC, ...overrides }));
  }

  it('starts a deployment at the template recommended version', async () => {
    const { serviceInstance } = await createCanary();

    expect(serviceInstance).toMatchObject({
      deploymentStatus: 'IN_PROGRESS',
      environmentName: 'prod',
      templateMajorVersion: '2',
      templateMinorVersion: '1',
    });
  });

  it('adds the instance to the service spec only when its deployment succeeds', async () => {
    await createCanary();
    const instanceNames = () => parse(demo.emulator.state.service('payments')!.spec!).instances.map((entry: { name: string }) => entry.name);
    expect(instanceNames()).toEqual(['staging', 'prod']);

    demo.emulator.advance(DEPLOYMENT_MS);

    expect(instanceNames()).toEqual(['staging', 'prod', 'canary']);
    expect(demo.emulator.state.instance('payments', 'canary')?.deploymentStatus).toBe('SUCCEEDED');
  });

  it('refuses a name that is taken with ConflictException', async () => {
    await createCanary();
    demo.emulator.advance(DEPLOYMENT_MS);

    await expect(createCanary()).rejects.toMatchObject({ name: 'ConflictException' });
  });

  it('answers a repeated clientToken with the instance it created', async () => {
    const first = await createCanary({ clientToken: 'create-1' });

    const again = await createCanary({ clientToken: 'create-1' });

    expect(again.serviceInstance?.lastAttemptedDeploymentId).toBe(first.serviceInstance?.lastAttemptedDeploymentId);
  });

  it('refuses a service that does not exist with ResourceNotFoundException', async () => {
    await expect(createCanary({ serviceName: 'billing' })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('refuses an environment that does not exist with ResourceNotFoundException', async () => {
    const spec = CANARY_SPEC.replace('environment: prod', 'environment: qa');

    await expect(createCanary({ spec })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
