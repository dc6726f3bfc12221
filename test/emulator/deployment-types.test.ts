import { UpdateServiceInstanceCommand, UpdateServiceInstanceInput } from '@aws-sdk/client-proton';
import { DEPLOYMENT_MS, demoSpec, emulatorPerTest } from './harness';

describe('UpdateServiceInstance deploymentType rules', () => {
  const demo = emulatorPerTest();

  function update(input: Partial<UpdateServiceInstanceInput>): Promise<unknown> {
    return demo.client.send(new UpdateServiceInstanceCommand({ serviceName: 'payments', name: 'prod', deploymentType: 'NONE', ...input }));
  }

  /** Updates prod, lets the deployment finish, and returns prod's versions. */
  async function deployProd(input: Partial<UpdateServiceInstanceInput>): Promise<string> {
    await update(input);
    demo.emulator.advance(DEPLOYMENT_MS);
    const prod = demo.emulator.state.instance('payments', 'prod')!;
    return `${prod.templateMajorVersion}.${prod.templateMinorVersion}`;
  }

  it('NONE stores the spec at once without a deployment', async () => {
    const before = demo.emulator.state.deployments().length;

    await update({ deploymentType: 'NONE', spec: demoSpec('prod', '{ port: 9090 }') });

    expect(demo.emulator.state.deployments()).toHaveLength(before);
    expect(demo.emulator.state.instance('payments', 'prod')?.spec).toContain('port: 9090');
  });

  it('NONE refuses template versions', async () => {
    await expect(update({ deploymentType: 'NONE', templateMinorVersion: '1' })).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('CURRENT_VERSION redeploys the current version', async () => {
    await expect(deployProd({ deploymentType: 'CURRENT_VERSION' })).resolves.toBe('1.0');
    expect(demo.emulator.state.deployments({ serviceInstanceName: 'prod' })[0].deploymentStatus).toBe('SUCCEEDED');
  });

  it('CURRENT_VERSION refuses template versions', async () => {
    await expect(update({ deploymentType: 'CURRENT_VERSION', templateMajorVersion: '1' })).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('MINOR_VERSION defaults to the recommended minor of the current major', async () => {
    await expect(deployProd({ deploymentType: 'MINOR_VERSION' })).resolves.toBe('1.1');
  });

  it('MINOR_VERSION accepts the current major with a chosen minor', async () => {
    await expect(deployProd({ deploymentType: 'MINOR_VERSION', templateMajorVersion: '1', templateMinorVersion: '0' })).resolves.toBe(
      '1.0',
    );
  });

  it('MINOR_VERSION refuses another major', async () => {
    await expect(update({ deploymentType: 'MINOR_VERSION', templateMajorVersion: '2', templateMinorVersion: '0' })).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('MAJOR_VERSION defaults to the recommended version of the template', async () => {
    await expect(deployProd({ deploymentType: 'MAJOR_VERSION' })).resolves.toBe('2.1');
  });

  it('MAJOR_VERSION defaults the minor to the recommended minor of the chosen major', async () => {
    await expect(deployProd({ deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2' })).resolves.toBe('2.1');
  });

  it('MAJOR_VERSION refuses a major that is not higher than the current one', async () => {
    await expect(update({ deploymentType: 'MAJOR_VERSION', templateMajorVersion: '1' })).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('refuses a target version that does not exist', async () => {
    await expect(update({ deploymentType: 'MINOR_VERSION', templateMinorVersion: '7' })).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('refuses a target version that is not published', async () => {
    await expect(update({ deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2', templateMinorVersion: '2' })).rejects.toThrow(
      'is DRAFT, not PUBLISHED',
    );
  });

  it('refuses a spec without an entry for the instance', async () => {
    await expect(update({ deploymentType: 'CURRENT_VERSION', spec: 'proton: ServiceSpec\ninstances: []\n' })).rejects.toThrow(
      'no entry under instances for service instance prod',
    );
  });

  it('refuses a spec that is not YAML', async () => {
    await expect(update({ deploymentType: 'CURRENT_VERSION', spec: 'instances: [' })).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('keeps the current value wherever the spec says ${Proton::CURRENT_VAL}', async () => {
    await update({ deploymentType: 'NONE', spec: demoSpec('prod', "{ port: 9090, image: '${Proton::CURRENT_VAL}' }") });

    const spec = demo.emulator.state.instance('payments', 'prod')!.spec!;
    expect(spec).toContain('image: payments:1.3.2');
    expect(spec).toContain('port: 9090');
  });
});
