import {
  CancelServiceInstanceDeploymentCommand,
  ConflictException,
  CreateServiceInstanceCommand,
  GetServiceInstanceCommand,
  GetServiceTemplateVersionCommand,
  ListComponentsCommand,
  ListServiceTemplateVersionsCommand,
  ProtonClient,
  ResourceNotFoundException,
  ServiceInstance,
  ThrottlingException,
  UpdateServiceInstanceCommand,
  ValidationException,
} from '@aws-sdk/client-proton';
import { mockClient } from 'aws-sdk-client-mock';
import { isComplete, onEvent } from '../../lambda/handler';
import { ProtonSdk } from '../../lambda/proton-sdk';
import { CompletionEvent, InstanceProperties } from '../../lambda/resource-event';
import { PROD_SPEC, getServiceInstanceOutput as instance, ownToken, resourceEvent, serviceSpec } from './fixtures';

const proton = mockClient(ProtonClient);
/** The handler's CloudFormation port; each test starts with a stack that is not rolling back. */
const stacks = { isRollingBack: jest.fn<Promise<boolean>, [string]>() };
const sdk = new ProtonSdk(new ProtonClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 }));

function event(requestType: 'Create' | 'Update' | 'Delete', props: Partial<InstanceProperties> = {}): CompletionEvent {
  return { ...resourceEvent(requestType, props), PhysicalResourceId: 'payments/prod' };
}


const writes = () => [...proton.commandCalls(UpdateServiceInstanceCommand), ...proton.commandCalls(CreateServiceInstanceCommand)];

beforeEach(() => {
  stacks.isRollingBack.mockReset().mockResolvedValue(false);
  proton.reset();
  proton.on(ListComponentsCommand).resolves({ components: [] });
  // A template version without a schema, unless a test gives one: inputs compare as they are.
  proton.on(GetServiceTemplateVersionCommand).resolves({});
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});

describe('onEvent', () => {
  it('makes no Proton call and names the resource by service and instance', async () => {
    await expect(onEvent(event('Create'), 1234)).resolves.toEqual({ PhysicalResourceId: 'payments/prod', StartedAt: '1234' });
    expect(proton.calls()).toHaveLength(0);
  });

  it('returns a new physical id when the instance name changes, so CloudFormation replaces the resource', async () => {
    const result = await onEvent({ ...event('Update', { InstanceName: 'staging', Spec: serviceSpec({ staging: { spec: {} } }) }) });
    expect(result.PhysicalResourceId).toBe('payments/staging');
  });

  it('keeps the physical id on Delete and calls nothing', async () => {
    await expect(onEvent(event('Delete'), 1234)).resolves.toEqual({ PhysicalResourceId: 'payments/prod', StartedAt: '1234' });
    expect(proton.calls()).toHaveLength(0);
  });

  it('fails with the instance named when the spec has no entry for it', async () => {
    await expect(onEvent(event('Create', { Spec: serviceSpec({ staging: { spec: {} } }) }))).rejects.toThrow(
      'Proton service instance payments/prod: checking the declared spec: it has no entry named prod under instances',
    );
  });

  it('fails with the instance named when the spec is not YAML', async () => {
    await expect(onEvent(event('Create', { Spec: 'a: [' }))).rejects.toThrow(/payments\/prod: reading the spec: the declared spec is not valid YAML/);
  });
});

describe('isComplete', () => {
  it('reads once and writes nothing when nothing differs', async () => {
    proton.on(GetServiceInstanceCommand).resolves(instance());
    const result = await isComplete(event('Update'), sdk, stacks);
    expect(result).toEqual({
      IsComplete: true,
      Data: {
        DeploymentId: '11111111-1111-1111-1111-111111111111',
        TemplateMajorVersion: '1',
        TemplateMinorVersion: '0',
        ServiceInstanceArn: 'arn:aws:proton:us-east-1:123456789012:service/payments/service-instance/prod',
      },
    });
    expect(proton.calls()).toHaveLength(1);
  });

  it('starts a CURRENT_VERSION deployment with the request token when only the spec differs', async () => {
    proton.on(GetServiceInstanceCommand).resolves(instance());
    const e = event('Update', { Spec: serviceSpec({ prod: { spec: { ...PROD_SPEC, port: 1 } } }) });
    await expect(isComplete(e, sdk, stacks)).resolves.toEqual({ IsComplete: false });
    expect(proton.commandCalls(UpdateServiceInstanceCommand)[0].args[0].input).toEqual({
      serviceName: 'payments',
      name: 'prod',
      deploymentType: 'CURRENT_VERSION',
      spec: e.ResourceProperties.Spec,
      clientToken: ownToken(e),
    });
  });

  it("asks for the recommended minor of a new major and deploys it", async () => {
    proton.on(GetServiceInstanceCommand).resolves(instance());
    proton.on(ListServiceTemplateVersionsCommand).resolves({
      templateVersions: [{ templateName: 'fargate-svc', majorVersion: '2', minorVersion: '0', recommendedMinorVersion: '1', status: 'PUBLISHED', arn: 'a', createdAt: new Date(), lastModifiedAt: new Date() }],
    });
    await isComplete(event('Update', { TemplateMajorVersion: '2' }), sdk, stacks);
    expect(proton.commandCalls(ListServiceTemplateVersionsCommand)[0].args[0].input).toEqual({ templateName: 'fargate-svc', majorVersion: '2' });
    expect(proton.commandCalls(UpdateServiceInstanceCommand)[0].args[0].input).toMatchObject({
      deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2', templateMinorVersion: '1',
    });
  });

  it('does not report success on a stale read that still shows the previous SUCCEEDED deployment', async () => {
    const e = event('Update', { TemplateMajorVersion: '1', TemplateMinorVersion: '1' });
    proton.on(GetServiceInstanceCommand)
      .resolvesOnce(instance())
      .resolvesOnce(instance())
      .resolvesOnce(instance({ deploymentStatus: 'IN_PROGRESS', lastClientRequestToken: ownToken(e), lastAttemptedDeploymentId: '22222222-2222-2222-2222-222222222222' }))
      .resolves(instance({ templateMinorVersion: '1', lastClientRequestToken: ownToken(e), lastAttemptedDeploymentId: '22222222-2222-2222-2222-222222222222', lastSucceededDeploymentId: '22222222-2222-2222-2222-222222222222' }));

    expect(await isComplete(e, sdk, stacks)).toEqual({ IsComplete: false });
    expect(await isComplete(e, sdk, stacks)).toEqual({ IsComplete: false });
    expect(await isComplete(e, sdk, stacks)).toEqual({ IsComplete: false });
    expect(await isComplete(e, sdk, stacks)).toMatchObject({ IsComplete: true, Data: { DeploymentId: '22222222-2222-2222-2222-222222222222', TemplateMinorVersion: '1' } });
    const updates = proton.commandCalls(UpdateServiceInstanceCommand).map((c) => c.args[0].input);
    // The stale read re-sends the same request with the same token: Proton returns the deployment it started.
    expect(updates).toHaveLength(2);
    expect(updates[0]).toEqual(updates[1]);
  });

  it('waits without a write while another deployment of the instance is IN_PROGRESS', async () => {
    proton.on(GetServiceInstanceCommand).resolves(instance({ deploymentStatus: 'IN_PROGRESS' }));
    await expect(isComplete(event('Update', { Spec: serviceSpec({ prod: { spec: {} } }) }), sdk, stacks)).resolves.toEqual({ IsComplete: false });
    expect(writes()).toHaveLength(0);
  });

  it('waits without a write while an attached component is IN_PROGRESS', async () => {
    proton.on(GetServiceInstanceCommand).resolves(instance());
    proton.on(ListComponentsCommand).resolves({
      components: [{ name: 'cache', deploymentStatus: 'IN_PROGRESS', arn: 'a', createdAt: new Date(), environmentName: 'prod', lastModifiedAt: new Date() }],
    });
    await expect(isComplete(event('Update', { Spec: serviceSpec({ prod: { spec: {} } }) }), sdk, stacks)).resolves.toEqual({ IsComplete: false });
    expect(proton.commandCalls(ListComponentsCommand)[0].args[0].input).toEqual({ serviceName: 'payments', serviceInstanceName: 'prod' });
    expect(writes()).toHaveLength(0);
  });

  it('keeps waiting, not failing, when Proton answers ConflictException to the update', async () => {
    proton.on(GetServiceInstanceCommand).resolves(instance());
    proton.on(UpdateServiceInstanceCommand).rejects(new ConflictException({ message: 'busy', $metadata: {} }));
    await expect(isComplete(event('Update', { Spec: serviceSpec({ prod: { spec: {} } }) }), sdk, stacks)).resolves.toEqual({ IsComplete: false });
  });

  it('keeps waiting when reads are throttled beyond the SDK retries', async () => {
    proton.on(GetServiceInstanceCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    await expect(isComplete(event('Update'), sdk, stacks)).resolves.toEqual({ IsComplete: false });
  });

  it('keeps waiting on a 5xx answer', async () => {
    const error = Object.assign(new Error('boom'), { name: 'InternalFailure', $metadata: { httpStatusCode: 503 } });
    proton.on(GetServiceInstanceCommand).rejects(error);
    await expect(isComplete(event('Update'), sdk, stacks)).resolves.toEqual({ IsComplete: false });
  });

  describe('with schema defaults', () => {
    const SCHEMA = 'schema:\n  format: { openapi: "3.0.0" }\n  service_input_type: In\n  types:\n    In:\n      type: object\n      properties:\n        desired_count: { type: number, default: 3 }\n';
    const withoutCount = serviceSpec({ prod: { spec: { port: 8080, image: 'payments:1.0' } } });

    beforeEach(() => {
      proton.on(GetServiceTemplateVersionCommand).resolves({ serviceTemplateVersion: { schema: SCHEMA } as never });
    });

    it('reads the schema of the version the instance runs when an input is left out, and makes no write for its default', async () => {
      proton.on(GetServiceInstanceCommand).resolves(instance());
      await expect(isComplete(event('Update', { Spec: withoutCount }), sdk, stacks)).resolves.toMatchObject({ IsComplete: true });
      expect(proton.commandCalls(GetServiceTemplateVersionCommand).map((c) => c.args[0].input)).toEqual([{ templateName: 'fargate-svc', majorVersion: '1', minorVersion: '0' }]);
      expect(writes()).toHaveLength(0);
    });

    it('reads no schema when nothing differs', async () => {
      proton.on(GetServiceInstanceCommand).resolves(instance());
      await expect(isComplete(event('Update'), sdk, stacks)).resolves.toMatchObject({ IsComplete: true });
      expect(proton.commandCalls(GetServiceTemplateVersionCommand)).toHaveLength(0);
      expect(proton.calls()).toHaveLength(1);
    });

    it('logs no drift for a difference that is only a default, and reads the schema once', async () => {
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      proton.on(GetServiceInstanceCommand).resolves(instance());
      const e = { ...event('Update', { Spec: withoutCount }), OldResourceProperties: { ...event('Update').ResourceProperties, Spec: withoutCount } };
      await isComplete(e, sdk, stacks);
      expect(log.mock.calls.flat().join('\n')).not.toContain('"drift"');
      expect(proton.commandCalls(GetServiceTemplateVersionCommand)).toHaveLength(1);
    });
  });

  it("fails with the service, the instance and Proton's answer when Proton refuses the update", async () => {
    proton.on(GetServiceInstanceCommand).resolves(instance());
    proton.on(UpdateServiceInstanceCommand).rejects(new ValidationException({ message: 'version 1.9 is not published', $metadata: {} }));
    await expect(isComplete(event('Update', { TemplateMajorVersion: '1', TemplateMinorVersion: '9' }), sdk, stacks)).rejects.toThrow(
      'Proton service instance payments/prod: updating with MINOR_VERSION: Proton answered ValidationException: version 1.9 is not published',
    );
  });

  it('keeps a failure message under CloudFormation response limits', async () => {
    proton.on(GetServiceInstanceCommand).resolves(instance());
    proton.on(UpdateServiceInstanceCommand).rejects(new ValidationException({ message: 'x'.repeat(10000), $metadata: {} }));
    const error = await isComplete(event('Update', { Spec: serviceSpec({ prod: { spec: {} } }) }), sdk, stacks).catch((e: Error) => e);
    expect((error as Error).message.length).toBeLessThanOrEqual(1000);
  });

  describe("a lower major after this resource's own successful major upgrade", () => {
    const upgrade = { ...event('Update', { TemplateMajorVersion: '2' }), RequestId: 'req-0' };
    const back = { ...event('Update', { TemplateMajorVersion: '1' }), OldResourceProperties: upgrade.ResourceProperties };

    beforeEach(() => {
      proton.on(GetServiceInstanceCommand).resolves(instance({ templateMajorVersion: '2', lastClientRequestToken: ownToken(upgrade) }));
    });

    it('succeeds without a write while CloudFormation rolls the stack back, since Proton cannot go back', async () => {
      stacks.isRollingBack.mockResolvedValue(true);
      await expect(isComplete(back, sdk, stacks)).resolves.toMatchObject({ IsComplete: true, Data: { TemplateMajorVersion: '2' } });
      expect(writes()).toHaveLength(0);
    });

    it('fails when it is a plain update', async () => {
      await expect(isComplete(back, sdk, stacks)).rejects.toThrow(/templateMajorVersion 1 is lower than the instance's current major version 2/);
      expect(writes()).toHaveLength(0);
    });
  });

  it('fails without a write when a lower major is declared', async () => {
    proton.on(GetServiceInstanceCommand).resolves(instance({ templateMajorVersion: '2' }));
    await expect(isComplete(event('Update', { TemplateMajorVersion: '1' }), sdk, stacks)).rejects.toThrow(/templateMajorVersion 1 is lower than .* 2/);
    expect(writes()).toHaveLength(0);
  });

  it.each(['FAILED', 'CANCELLED'])("fails with Proton's deploymentStatusMessage when its own deployment ends %s", async (status) => {
    const e = event('Update');
    proton.on(GetServiceInstanceCommand).resolves(instance({
      deploymentStatus: status as ServiceInstance['deploymentStatus'],
      deploymentStatusMessage: 'CloudFormation stack failed: port already in use',
      lastClientRequestToken: ownToken(e),
      lastAttemptedDeploymentId: '33333333-3333-3333-3333-333333333333',
    }));
    await expect(isComplete(e, sdk, stacks)).rejects.toThrow(
      `Proton service instance payments/prod: expected deployment 33333333-3333-3333-3333-333333333333 to succeed, Proton reports ${status}: CloudFormation stack failed: port already in use`,
    );
  });

  it('redeploys when fields match but the last deployment, started by someone else, FAILED', async () => {
    proton.on(GetServiceInstanceCommand).resolves(instance({ deploymentStatus: 'FAILED' }));
    await expect(isComplete(event('Update'), sdk, stacks)).resolves.toEqual({ IsComplete: false });
    expect(proton.commandCalls(UpdateServiceInstanceCommand)[0].args[0].input.deploymentType).toBe('CURRENT_VERSION');
  });

  it('creates a missing instance on Create with the request token and declared versions', async () => {
    proton.on(GetServiceInstanceCommand).rejects(new ResourceNotFoundException({ message: 'no such instance', $metadata: {} }));
    const e = event('Create', { TemplateMajorVersion: '1', TemplateMinorVersion: '0' });
    await expect(isComplete(e, sdk, stacks)).resolves.toEqual({ IsComplete: false });
    expect(proton.commandCalls(CreateServiceInstanceCommand)[0].args[0].input).toEqual({
      serviceName: 'payments', name: 'prod', spec: e.ResourceProperties.Spec, templateMajorVersion: '1', templateMinorVersion: '0', clientToken: ownToken(e),
    });
  });

  it('adopts an existing instance on Create and converges it as an update would', async () => {
    proton.on(GetServiceInstanceCommand).resolves(instance());
    await expect(isComplete(event('Create', { TemplateMajorVersion: '1', TemplateMinorVersion: '1' }), sdk, stacks)).resolves.toEqual({ IsComplete: false });
    expect(proton.commandCalls(CreateServiceInstanceCommand)).toHaveLength(0);
    expect(proton.commandCalls(UpdateServiceInstanceCommand)[0].args[0].input.deploymentType).toBe('MINOR_VERSION');
  });

  it('adopts an existing instance on Create with no write when it already matches', async () => {
    proton.on(GetServiceInstanceCommand).resolves(instance());
    await expect(isComplete(event('Create'), sdk, stacks)).resolves.toMatchObject({ IsComplete: true });
    expect(writes()).toHaveLength(0);
  });

  it('fails clearly on Update when the instance no longer exists', async () => {
    proton.on(GetServiceInstanceCommand).rejects(new ResourceNotFoundException({ message: 'gone', $metadata: {} }));
    await expect(isComplete(event('Update'), sdk, stacks)).rejects.toThrow('Proton service instance payments/prod: update request: Proton has no such instance');
  });

  it('succeeds on Delete with one read and no write when no request of this resource is deploying', async () => {
    proton.on(GetServiceInstanceCommand).resolves(instance({ deploymentStatus: 'IN_PROGRESS' }));
    await expect(isComplete(event('Delete'), sdk, stacks)).resolves.toEqual({ IsComplete: true });
    expect(proton.calls()).toHaveLength(1);
  });

  it('succeeds on Delete when the instance is already gone', async () => {
    proton.on(GetServiceInstanceCommand).rejects(new ResourceNotFoundException({ message: 'gone', $metadata: {} }));
    await expect(isComplete(event('Delete'), sdk, stacks)).resolves.toEqual({ IsComplete: true });
  });

  it('cancels, on Delete, a deployment that an abandoned request of this resource started', async () => {
    const create = { ...event('Create'), RequestId: 'req-0' };
    proton.on(GetServiceInstanceCommand).resolves(instance({ deploymentStatus: 'IN_PROGRESS', lastClientRequestToken: ownToken(create) }));
    await expect(isComplete(event('Delete'), sdk, stacks)).resolves.toEqual({ IsComplete: false });
    expect(proton.commandCalls(CancelServiceInstanceDeploymentCommand)[0].args[0].input).toEqual({ serviceName: 'payments', serviceInstanceName: 'prod' });
  });

  it('sends the same token for a retried request and a new one for another request', () => {
    const first = event('Update');
    expect(ownToken({ ...first })).toBe(ownToken(first));
    expect(ownToken({ ...first, RequestId: 'req-2' })).not.toBe(ownToken(first));
    expect(ownToken(first)).toMatch(/^[!-~]{1,64}$/);
  });

  it('never logs the spec', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    proton.on(GetServiceInstanceCommand).resolves(instance());
    await isComplete(event('Update', { Spec: serviceSpec({ prod: { spec: { ...PROD_SPEC, token: 'hunter2' } } }) }), sdk, stacks);
    await onEvent(event('Update', { Spec: serviceSpec({ prod: { spec: { token: 'hunter2' } } }) }));
    expect(log.mock.calls.flat().join('\n')).not.toContain('hunter2');
  });
});

describe('isComplete during a CloudFormation rollback', () => {
  const failing = () => {
    proton.on(GetServiceInstanceCommand).resolves(instance());
    proton.on(UpdateServiceInstanceCommand).rejects(new ValidationException({ message: 'version 1.9 is not published', $metadata: {} }));
  };

  it('succeeds, with the attributes Proton reports, an Update that would fail while the stack is rolling back', async () => {
    failing();
    stacks.isRollingBack.mockResolvedValue(true);
    const e = event('Update', { TemplateMajorVersion: '1', TemplateMinorVersion: '9' });
    await expect(isComplete(e, sdk, stacks)).resolves.toMatchObject({ IsComplete: true, Data: { TemplateMajorVersion: '1', TemplateMinorVersion: '0' } });
    expect(stacks.isRollingBack).toHaveBeenCalledWith(e.StackId);
  });

  it('keeps the verdict when the stack is not rolling back', async () => {
    failing();
    await expect(isComplete(event('Update', { TemplateMajorVersion: '1', TemplateMinorVersion: '9' }), sdk, stacks)).rejects.toThrow(/version 1.9 is not published/);
  });

  it('keeps the verdict when CloudFormation cannot be asked', async () => {
    failing();
    stacks.isRollingBack.mockRejectedValue(new Error('AccessDenied'));
    await expect(isComplete(event('Update', { TemplateMajorVersion: '1', TemplateMinorVersion: '9' }), sdk, stacks)).rejects.toThrow(/version 1.9 is not published/);
  });

  it('asks nothing of CloudFormation on a Create, which a rollback deletes rather than updates', async () => {
    failing();
    proton.on(GetServiceInstanceCommand).rejects(new ResourceNotFoundException({ message: 'gone', $metadata: {} }));
    proton.on(CreateServiceInstanceCommand).rejects(new ValidationException({ message: 'bad', $metadata: {} }));
    await expect(isComplete(event('Create'), sdk, stacks)).rejects.toThrow(/bad/);
    expect(stacks.isRollingBack).not.toHaveBeenCalled();
  });
});
