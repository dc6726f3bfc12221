import {
  CancelServiceInstanceDeploymentCommand,
  GetServiceTemplateCommand,
  ProtonClient,
  UpdateServiceInstanceCommand,
} from '@aws-sdk/client-proton';
import { ProtonEmulator } from '../../emulator';
import { DEPLOYMENT_MS, clientFor, emulatorPerTest, failedCalls, getProd, startDemo } from './harness';

describe('scripted faults', () => {
  const demo = emulatorPerTest();

  const redeployProd = () =>
    demo.client.send(new UpdateServiceInstanceCommand({ serviceName: 'payments', name: 'prod', deploymentType: 'MINOR_VERSION' }));

  it('serves reads from before an update for the given number of reads after it', async () => {
    demo.emulator.faults.staleReadsAfterUpdate(2);
    await redeployProd();

    const reads = [await getProd(demo.client), await getProd(demo.client), await getProd(demo.client)];

    expect(reads.map((read) => read.deploymentStatus)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'IN_PROGRESS']);
  });

  it('throttles the next calls with ThrottlingException', async () => {
    demo.emulator.faults.throttleNextCalls(2);

    await expect(getProd(demo.client)).rejects.toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    await expect(getProd(demo.client)).rejects.toMatchObject({ name: 'ThrottlingException' });
    await expect(getProd(demo.client)).resolves.toBeDefined();
  });

  it('throttles only the operation it is given', async () => {
    demo.emulator.faults.throttleNextCalls(1, 'UpdateServiceInstance');

    await expect(getProd(demo.client)).resolves.toBeDefined();
    await expect(redeployProd()).rejects.toMatchObject({ name: 'ThrottlingException' });
  });

  it('is retried by the SDK, which recognises throttling by its error code', async () => {
    demo.emulator.faults.throttleNextCalls(1);
    const retrying = new ProtonClient({ ...demo.emulator.clientConfig(), maxAttempts: 2 });

    await retrying.send(new GetServiceTemplateCommand({ name: 'fargate-svc' }));

    expect(demo.emulator.calls.entries.map((call) => call.errorType)).toEqual(['ThrottlingException', undefined]);
  });

  it('throttles the same calls at a seeded rate on every run', async () => {
    const throttledCalls = (target: ProtonEmulator) => {
      target.faults.throttleRate(0.5, { seed: 7 });
      const client = clientFor(target);
      return failedCalls(20, () => client.send(new GetServiceTemplateCommand({ name: 'fargate-svc' })));
    };
    const other = await startDemo();

    const first = await throttledCalls(demo.emulator);
    const second = await throttledCalls(other).finally(() => other.stop());

    expect(first).toEqual(second);
    expect(first.filter(Boolean).length).toBeGreaterThan(0);
    expect(first.filter(Boolean).length).toBeLessThan(20);
  });

  it('answers the next calls with InternalServerException and HTTP 500', async () => {
    demo.emulator.faults.serverErrorNextCalls(1);

    await expect(getProd(demo.client)).rejects.toMatchObject({ name: 'InternalServerException', $metadata: { httpStatusCode: 500 } });
    await expect(getProd(demo.client)).resolves.toBeDefined();
  });

  it('answers the next calls with the error and status it is given, as AWS\'s front end would', async () => {
    demo.emulator.faults.answerNextCallsWith(1, 'ServiceUnavailableException', { status: 503, message: 'Service Unavailable' });
    demo.emulator.faults.answerNextCallsWith(1, 'AccessDeniedException');

    await expect(getProd(demo.client)).rejects.toMatchObject({ name: 'ServiceUnavailableException', message: 'Service Unavailable', $metadata: { httpStatusCode: 503 } });
    await expect(getProd(demo.client)).rejects.toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    await expect(getProd(demo.client)).resolves.toBeDefined();
  });

  it('keeps answering with the error until cleared when given Infinity', async () => {
    demo.emulator.faults.answerNextCallsWith(Infinity, 'ServiceUnavailableException', { status: 503 });

    expect(await failedCalls(3, () => getProd(demo.client))).toEqual([true, true, true]);
    demo.emulator.faults.clear();
    await expect(getProd(demo.client)).resolves.toBeDefined();
  });

  it('drops the next connections without an answer, which the SDK sees as a reset', async () => {
    demo.emulator.faults.resetNextConnections(1);

    // Under jest the SDK wraps Node's error; outside it, the SDK's error carries code ECONNRESET.
    await expect(getProd(demo.client)).rejects.toThrow(/socket hang up/);
    await expect(getProd(demo.client)).resolves.toBeDefined();
    expect(demo.emulator.calls.entries.map((call) => [call.status, call.errorType])).toEqual([[0, 'reset'], [200, undefined]]);
  });

  it('leaves the next calls unanswered, which a client with a request timeout gives up on', async () => {
    demo.emulator.faults.silenceNextCalls(1);
    const impatient = new ProtonClient({ ...demo.emulator.clientConfig(), maxAttempts: 1, requestHandler: { requestTimeout: 200, throwOnRequestTimeout: true } });

    await expect(getProd(impatient)).rejects.toMatchObject({ name: 'TimeoutError' });
    await expect(getProd(impatient)).resolves.toBeDefined();
    impatient.destroy();
  });

  it('starts a deployment of another client, with its own token, that blocks updates until it ends', async () => {
    const id = demo.emulator.faults.startExternalDeployment({
      serviceName: 'payments',
      instanceName: 'prod',
      durationMs: 300,
      clientToken: 'someone-else',
      templateMinorVersion: '1',
    });

    expect(await getProd(demo.client)).toMatchObject({ deploymentStatus: 'IN_PROGRESS', lastAttemptedDeploymentId: id, lastClientRequestToken: 'someone-else' });
    await expect(redeployProd()).rejects.toMatchObject({ name: 'ConflictException' });
    demo.emulator.advance(300);
    expect(await getProd(demo.client)).toMatchObject({ deploymentStatus: 'SUCCEEDED', templateMinorVersion: '1' });
  });

  it('lets an external deployment fail with its message', async () => {
    demo.emulator.faults.startExternalDeployment({ serviceName: 'payments', instanceName: 'prod', outcome: 'FAILED', failureMessage: 'not mine' });
    demo.emulator.advance(DEPLOYMENT_MS);

    expect(await getProd(demo.client)).toMatchObject({ deploymentStatus: 'FAILED', deploymentStatusMessage: 'not mine' });
  });

  it('fails the next deployment with the given message', async () => {
    demo.emulator.faults.failNextDeployments(1, 'quota exceeded');
    await redeployProd();
    demo.emulator.advance(DEPLOYMENT_MS);

    expect(await getProd(demo.client)).toMatchObject({ deploymentStatus: 'FAILED', deploymentStatusMessage: 'quota exceeded' });
  });

  it('keeps a hanging deployment IN_PROGRESS until it is cancelled', async () => {
    demo.emulator.faults.hangNextDeployments();
    await redeployProd();
    demo.emulator.advance(100 * DEPLOYMENT_MS);
    expect((await getProd(demo.client)).deploymentStatus).toBe('IN_PROGRESS');

    await demo.client.send(new CancelServiceInstanceDeploymentCommand({ serviceName: 'payments', serviceInstanceName: 'prod' }));
    demo.emulator.advance(200);

    expect((await getProd(demo.client)).deploymentStatus).toBe('CANCELLED');
  });

  it('ends deployments after a number of reads instead of after a time', async () => {
    demo.emulator.faults.completeDeploymentsAfterReads(2);
    await redeployProd();

    const statuses = [await getProd(demo.client), await getProd(demo.client), await getProd(demo.client)].map((read) => read.deploymentStatus);

    expect(statuses).toEqual(['IN_PROGRESS', 'IN_PROGRESS', 'SUCCEEDED']);
  });

  it('delays every answer by the latency it is given', async () => {
    demo.emulator.faults.setLatency(120);
    const started = Date.now();

    await getProd(demo.client);

    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('deletes an instance on demand', async () => {
    demo.emulator.faults.deleteInstance('payments', 'prod');

    await expect(getProd(demo.client)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('clears every scripted fault', async () => {
    demo.emulator.faults.throttleRate(1);
    demo.emulator.faults.serverErrorNextCalls(5);

    demo.emulator.faults.clear();

    await expect(getProd(demo.client)).resolves.toBeDefined();
  });
});
