import {
  CancelServiceInstanceDeploymentCommand,
  GetDeploymentCommand,
  ListDeploymentsCommand,
  UpdateServiceInstanceCommand,
} from '@aws-sdk/client-proton';
import { parse } from 'yaml';
import { DEPLOYMENT_MS, demoSpec, emulatorPerTest, getProd } from './harness';

describe('a service instance deployment', () => {
  const demo = emulatorPerTest();

  function upgradeProd(clientToken?: string) {
    return demo.client.send(
      new UpdateServiceInstanceCommand({
        serviceName: 'payments',
        name: 'prod',
        deploymentType: 'MAJOR_VERSION',
        spec: demoSpec('prod', '{ port: 9090 }'),
        clientToken,
      }),
    );
  }

  it('shows the previous versions and spec while IN_PROGRESS', async () => {
    const { serviceInstance: started } = await upgradeProd();

    const prod = await getProd(demo.client);
    expect(prod).toMatchObject({ deploymentStatus: 'IN_PROGRESS', templateMajorVersion: '1', templateMinorVersion: '0' });
    expect(prod.lastAttemptedDeploymentId).toBe(started?.lastAttemptedDeploymentId);
    expect(prod.lastSucceededDeploymentId).not.toBe(started?.lastAttemptedDeploymentId);
    expect(prod.spec).toContain('desired_count: 3');
  });

  it('stays IN_PROGRESS until the deployment time has passed', async () => {
    await upgradeProd();
    demo.emulator.advance(DEPLOYMENT_MS - 1);

    expect((await getProd(demo.client)).deploymentStatus).toBe('IN_PROGRESS');
  });

  it('changes versions and spec when the deployment SUCCEEDED', async () => {
    const { serviceInstance: started } = await upgradeProd();
    demo.emulator.advance(DEPLOYMENT_MS);

    const prod = await getProd(demo.client);
    expect(prod).toMatchObject({ deploymentStatus: 'SUCCEEDED', templateMajorVersion: '2', templateMinorVersion: '1' });
    expect(prod.lastSucceededDeploymentId).toBe(started?.lastAttemptedDeploymentId);
  });

  it('returns the whole service spec, with only this instance replaced on success', async () => {
    await upgradeProd();
    demo.emulator.advance(DEPLOYMENT_MS);

    const spec = parse((await getProd(demo.client)).spec!);
    expect(spec.pipeline).toEqual({ unit_test_command: 'npm test', dockerfile: 'Dockerfile' });
    expect(spec.instances).toEqual([
      { name: 'staging', environment: 'staging', spec: { port: 8080, desired_count: 1, image: 'payments:1.4.0' } },
      { name: 'prod', environment: 'prod', spec: { port: 9090 } },
    ]);
  });

  it('records the initial and target state on the deployment', async () => {
    const { serviceInstance } = await upgradeProd();

    const { deployment } = await demo.client.send(new GetDeploymentCommand({ id: serviceInstance!.lastAttemptedDeploymentId! }));

    expect(deployment).toMatchObject({
      targetResourceType: 'SERVICE_INSTANCE',
      targetArn: 'arn:aws:proton:us-east-1:123456789012:service/payments/service-instance/prod',
      deploymentStatus: 'IN_PROGRESS',
      initialState: { serviceInstance: { templateName: 'fargate-svc', templateMajorVersion: '1', templateMinorVersion: '0' } },
      targetState: { serviceInstance: { templateName: 'fargate-svc', templateMajorVersion: '2', templateMinorVersion: '1' } },
    });
    expect(deployment?.targetState?.serviceInstance?.spec).toContain('port: 9090');
  });

  it('lists the deployments of an instance newest first', async () => {
    const { serviceInstance } = await upgradeProd();

    const { deployments } = await demo.client.send(new ListDeploymentsCommand({ serviceName: 'payments', serviceInstanceName: 'prod' }));

    expect(deployments?.map((deployment) => deployment.serviceInstanceName)).toEqual(['prod', 'prod']);
    expect(deployments?.[0].id).toBe(serviceInstance?.lastAttemptedDeploymentId);
  });

  it('keeps the previous versions when the deployment FAILED, with the failure message', async () => {
    demo.emulator.faults.failNextDeployments(1, 'ECS service did not stabilize');
    await upgradeProd();
    demo.emulator.advance(DEPLOYMENT_MS);

    expect(await getProd(demo.client)).toMatchObject({
      deploymentStatus: 'FAILED',
      deploymentStatusMessage: 'ECS service did not stabilize',
      templateMajorVersion: '1',
      templateMinorVersion: '0',
    });
  });

  it('shows the attempted versions on FAILED when configured to', async () => {
    await demo.restart({ failedShows: 'attempted' });
    demo.emulator.faults.failNextDeployments(1);
    await upgradeProd();
    demo.emulator.advance(DEPLOYMENT_MS);

    expect(await getProd(demo.client)).toMatchObject({ deploymentStatus: 'FAILED', templateMajorVersion: '2', templateMinorVersion: '1' });
  });

  it('refuses another update with ConflictException while IN_PROGRESS', async () => {
    await upgradeProd();

    await expect(upgradeProd()).rejects.toMatchObject({ name: 'ConflictException' });
  });

  it('answers a repeated clientToken with the same deployment and starts nothing new', async () => {
    const first = await upgradeProd('token-1');
    const count = demo.emulator.state.deployments().length;

    const again = await upgradeProd('token-1');

    expect(again.serviceInstance?.lastAttemptedDeploymentId).toBe(first.serviceInstance?.lastAttemptedDeploymentId);
    expect(demo.emulator.state.deployments()).toHaveLength(count);
  });

  it('keeps the token of the call that started the latest deployment', async () => {
    await upgradeProd('token-1');

    expect((await getProd(demo.client)).lastClientRequestToken).toBe('token-1');
  });

  describe('cancelled', () => {
    const cancel = () =>
      demo.client.send(new CancelServiceInstanceDeploymentCommand({ serviceName: 'payments', serviceInstanceName: 'prod' }));

    it('goes CANCELLING and then CANCELLED, with the instance as it was before', async () => {
      const { serviceInstance } = await upgradeProd();
      const id = serviceInstance!.lastAttemptedDeploymentId!;

      const { serviceInstance: cancelling } = await cancel();
      expect(cancelling?.deploymentStatus).toBe('CANCELLING');
      expect(demo.emulator.state.deployment(id)?.deploymentStatus).toBe('CANCELLING');

      demo.emulator.advance(200);
      expect(demo.emulator.state.deployment(id)?.deploymentStatus).toBe('CANCELLED');
      const prod = await getProd(demo.client);
      expect(prod).toMatchObject({ deploymentStatus: 'CANCELLED', templateMajorVersion: '1', templateMinorVersion: '0' });
      expect(prod.spec).toContain('desired_count: 3');
    });

    it('stays CANCELLING until the cancellation time has passed', async () => {
      await upgradeProd();
      await cancel();
      demo.emulator.advance(199);

      expect((await getProd(demo.client)).deploymentStatus).toBe('CANCELLING');
    });

    it('is refused with ValidationException when nothing is IN_PROGRESS', async () => {
      await expect(cancel()).rejects.toMatchObject({ name: 'ValidationException' });
    });

    it('is refused when the deployment already ended', async () => {
      await upgradeProd();
      demo.emulator.advance(DEPLOYMENT_MS);

      await expect(cancel()).rejects.toMatchObject({ name: 'ValidationException' });
    });
  });
});
