import { GetServiceInstanceCommand, ProtonClient } from '@aws-sdk/client-proton';
import { emulatorPerTest, rawCall } from './harness';

describe('the wire protocol', () => {
  const demo = emulatorPerTest();

  it('answers the real SDK at the endpoint it is given', async () => {
    const { serviceInstance } = await demo.client.send(
      new GetServiceInstanceCommand({ serviceName: 'payments', name: 'prod' }),
    );

    expect(serviceInstance).toMatchObject({ name: 'prod', templateMajorVersion: '1', deploymentStatus: 'SUCCEEDED' });
  });

  it('answers an SDK pointed at it by AWS_ENDPOINT_URL_PROTON', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_PROTON;
    process.env.AWS_ENDPOINT_URL_PROTON = demo.emulator.endpoint;
    try {
      const client = new ProtonClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });

      const { serviceInstance } = await client.send(new GetServiceInstanceCommand({ serviceName: 'payments', name: 'staging' }));

      expect(serviceInstance?.name).toBe('staging');
    } finally {
      if (saved === undefined) {
        delete process.env.AWS_ENDPOINT_URL_PROTON;
      } else {
        process.env.AWS_ENDPOINT_URL_PROTON = saved;
      }
    }
  });

  it('writes timestamps as epoch seconds', async () => {
    const { json } = await rawCall(demo.emulator, 'GetServiceInstance', { serviceName: 'payments', name: 'prod' });

    const instance = json.serviceInstance as Record<string, unknown>;
    expect(instance.createdAt).toBe(demo.emulator.now().getTime() / 1000);
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const answer = await rawCall(demo.emulator, 'DescribeEverything', {});

    expect(answer.status).toBe(400);
    expect(answer.errorType).toBe('UnknownOperationException');
    expect(answer.json.__type).toBe('UnknownOperationException');
  });

  it('names the error type in both the body and the x-amzn-errortype header', async () => {
    const answer = await rawCall(demo.emulator, 'GetServiceInstance', { serviceName: 'payments', name: 'nope' });

    expect(answer).toMatchObject({ status: 400, errorType: 'ResourceNotFoundException' });
    expect(answer.json).toMatchObject({ __type: 'ResourceNotFoundException', message: expect.stringContaining('nope') });
  });

  it('refuses an operation of the model it does not emulate without a retryable status', async () => {
    const answer = await rawCall(demo.emulator, 'DeleteService', { name: 'payments' });

    expect(answer).toMatchObject({ status: 400, errorType: 'NotImplementedException' });
  });
});
