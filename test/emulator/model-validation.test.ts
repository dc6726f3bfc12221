import { CreateServiceInstanceCommand, GetServiceInstanceCommand, UpdateServiceInstanceCommand } from '@aws-sdk/client-proton';
import { emulatorPerTest, rawCall } from './harness';

describe('validation against the API model', () => {
  const demo = emulatorPerTest();

  it('rejects a name that breaks the ResourceName pattern, in AWS wording', async () => {
    const call = demo.client.send(new GetServiceInstanceCommand({ serviceName: 'payments', name: 'x!' }));

    await expect(call).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'x!' at 'name' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: ^[0-9A-Za-z]+[0-9A-Za-z_\\-]*$',
    });
  });

  it('rejects a missing required member', async () => {
    const answer = await rawCall(demo.emulator, 'UpdateServiceInstance', { serviceName: 'payments', name: 'prod' });

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      __type: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'deploymentType' failed to satisfy constraint: Member must not be null",
    });
  });

  it('rejects a value outside an enum', async () => {
    const answer = await rawCall(demo.emulator, 'UpdateServiceInstance', {
      serviceName: 'payments',
      name: 'prod',
      deploymentType: 'PATCH_VERSION',
    });

    expect(answer.json.message).toContain(
      "Value 'PATCH_VERSION' at 'deploymentType' failed to satisfy constraint: Member must satisfy enum value set: [NONE, CURRENT_VERSION, MINOR_VERSION, MAJOR_VERSION]",
    );
  });

  it('rejects a spec longer than 51200 characters without echoing the sensitive spec', async () => {
    const call = demo.client.send(
      new UpdateServiceInstanceCommand({ serviceName: 'payments', name: 'prod', deploymentType: 'NONE', spec: 'x'.repeat(51201) }),
    );

    await expect(call).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value at 'spec' failed to satisfy constraint: Member must have length less than or equal to 51200",
    });
  });

  it('rejects a clientToken longer than 64 characters', async () => {
    const call = demo.client.send(
      new UpdateServiceInstanceCommand({
        serviceName: 'payments',
        name: 'prod',
        deploymentType: 'CURRENT_VERSION',
        clientToken: 't'.repeat(65),
      }),
    );

    await expect(call).rejects.toThrow("at 'clientToken' failed to satisfy constraint: Member must have length less than or equal to 64");
  });

  it('reports every violation and counts them', async () => {
    const answer = await rawCall(demo.emulator, 'GetServiceInstance', { serviceName: '', name: 'ok' });

    expect(answer.json.message).toMatch(/^2 validation errors detected: Value '' at 'serviceName' .*length greater than or equal to 1; Value '' at 'serviceName' .*regular expression pattern/);
  });

  it('checks members of nested structures in lists', async () => {
    const call = demo.client.send(
      new CreateServiceInstanceCommand({
        serviceName: 'payments',
        name: 'dev',
        spec: 'instances: []',
        tags: [{ key: '', value: 'v' }],
      }),
    );

    await expect(call).rejects.toThrow("Value '' at 'tags.1.member.key' failed to satisfy constraint");
  });

  it('ignores members the model does not know, as AWS does in JSON', async () => {
    const answer = await rawCall(demo.emulator, 'GetServiceInstance', { serviceName: 'payments', name: 'prod', color: 'blue' });

    expect(answer.status).toBe(200);
  });

  it('answers a member of the wrong JSON type with SerializationException', async () => {
    const answer = await rawCall(demo.emulator, 'GetServiceInstance', { serviceName: 'payments', name: 7 });

    expect(answer).toMatchObject({ status: 400, errorType: 'SerializationException' });
  });
});
