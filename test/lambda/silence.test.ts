// The handler when Proton does not answer: transient failures are tried again until its own last poll,
// where it gives its verdict before the Provider framework would time out; what cannot heal fails at once.
import {
  AccessDeniedException,
  GetServiceInstanceCommand,
  ListComponentsCommand,
  ProtonClient,
  UpdateServiceInstanceCommand,
} from '@aws-sdk/client-proton';
import { mockClient } from 'aws-sdk-client-mock';
import { AnswerLog } from '../../lambda/answer-record';
import { isComplete } from '../../lambda/handler';
import { ProtonSdk } from '../../lambda/proton-sdk';
import { CompletionEvent, InstanceProperties, IsCompleteResult } from '../../lambda/resource-event';
import { PROD_SPEC, getServiceInstanceOutput as instance, ownToken, resourceEvent, serviceSpec } from './fixtures';

const proton = mockClient(ProtonClient);
const stacks = { isRollingBack: jest.fn<Promise<boolean>, [string]>() };
const sdk = new ProtonSdk(new ProtonClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 }));

/** When the request reached onEvent; its wait is PROD_PROPS' 3570 s, its polls 10 s apart. */
const STARTED_AT = Date.UTC(2026, 11, 6, 12);
const at = (seconds: number) => STARTED_AT + seconds * 1000;
/** A poll inside the last poll interval of the 3570 s wait. */
const LAST_POLL = 3566;

const unavailable = () => Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailableException', $metadata: { httpStatusCode: 503 } });
const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const DEPLOYMENT = '22222222-2222-2222-2222-222222222222';

let answers: AnswerLog;

function event(requestType: 'Create' | 'Update' | 'Delete', props: Partial<InstanceProperties> = {}): CompletionEvent {
  return { ...resourceEvent(requestType, props), PhysicalResourceId: 'payments/prod', StartedAt: String(STARTED_AT) };
}


const poll = (e: CompletionEvent, seconds: number): Promise<IsCompleteResult> => isComplete(e, sdk, stacks, at(seconds), answers);
/** A spec change of prod: one UpdateServiceInstance away. */
const specChange = () => event('Update', { Spec: serviceSpec({ prod: { spec: { ...PROD_SPEC, port: 9090 } } }) });

beforeEach(() => {
  answers = new AnswerLog();
  stacks.isRollingBack.mockReset().mockResolvedValue(false);
  proton.reset();
  proton.on(ListComponentsCommand).resolves({ components: [] });
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});

describe('Proton answering only transient errors', () => {
  it('tries again on every poll before the last', async () => {
    proton.on(GetServiceInstanceCommand).rejects(unavailable());
    await expect(poll(event('Update'), 0)).resolves.toEqual({ IsComplete: false });
    await expect(poll(event('Update'), 3000)).resolves.toEqual({ IsComplete: false });
  });

  it('fails on its last poll naming the instance, how long Proton has been silent and its last error', async () => {
    proton.on(GetServiceInstanceCommand).rejects(unavailable());
    const e = event('Update');
    await poll(e, 0);
    await poll(e, 1200);

    await expect(poll(e, LAST_POLL)).rejects.toThrow(
      'Proton service instance payments/prod: waiting for Proton to answer within the 3570 s wait: ' +
        'Proton has not answered for 3566 s (last error ServiceUnavailableException: Service Unavailable); no deployment of this request was started',
    );
  });

  it('counts the silence from the first failure after Proton last answered', async () => {
    const e = specChange();
    proton.on(GetServiceInstanceCommand).resolvesOnce(instance()).rejects(reset());
    proton.on(UpdateServiceInstanceCommand).resolves({});
    await poll(e, 0);
    await poll(e, 600);

    await expect(poll(e, LAST_POLL)).rejects.toThrow(/Proton has not answered for 2966 s \(last error ECONNRESET: socket hang up\)/);
  });

  it('says its deployment may still be running when Proton last showed it IN_PROGRESS', async () => {
    const e = specChange();
    proton.on(GetServiceInstanceCommand)
      .resolvesOnce(instance({ deploymentStatus: 'IN_PROGRESS', lastClientRequestToken: ownToken(e), lastAttemptedDeploymentId: DEPLOYMENT }))
      .rejects(unavailable());
    await poll(e, 10);

    await expect(poll(e, LAST_POLL)).rejects.toThrow(
      `deployment ${DEPLOYMENT} of this request was IN_PROGRESS when Proton last answered and may still be running: it could not be cancelled`,
    );
  });

  it('says a deployment may be running when its update was sent but the answer was lost', async () => {
    const e = specChange();
    proton.on(GetServiceInstanceCommand).resolvesOnce(instance()).rejects(reset());
    proton.on(UpdateServiceInstanceCommand).rejects(reset());
    await poll(e, 0);

    await expect(poll(e, LAST_POLL)).rejects.toThrow(
      'this request sent UpdateServiceInstance, so a deployment of it may still be running in Proton: it could not be cancelled',
    );
  });

  it('says what it cannot know when a fresh container serves the last poll', async () => {
    proton.on(GetServiceInstanceCommand).rejects(unavailable());
    const e = event('Update');
    await poll(e, 3000);

    await expect(poll(e, LAST_POLL)).rejects.toThrow(
      /Proton has not answered for at least 566 s .*; a deployment of this request may be running in Proton: it could not be cancelled$/,
    );
  });

  it('fails a Delete under removal policy DESTROY the same way', async () => {
    proton.on(GetServiceInstanceCommand).rejects(unavailable());
    await expect(poll(event('Delete', { RemovalPolicy: 'destroy' }), LAST_POLL)).rejects.toThrow(/waiting for Proton to answer/);
  });

  it('succeeds, with a note, a Delete that leaves the instance (removal policy RETAIN)', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    proton.on(GetServiceInstanceCommand).rejects(unavailable());
    await expect(poll(event('Delete'), LAST_POLL)).resolves.toEqual({ IsComplete: true });
    expect(log.mock.calls.flat().join('\n')).toContain('removal policy RETAIN: the instance is left in Proton as it is; Proton service instance payments/prod: waiting for Proton to answer');
  });

  it('succeeds, with a note, an Update during a CloudFormation rollback', async () => {
    stacks.isRollingBack.mockResolvedValue(true);
    proton.on(GetServiceInstanceCommand).rejects(unavailable());
    await expect(poll(event('Update'), LAST_POLL)).resolves.toEqual({ IsComplete: true });
  });
});

describe('Proton answering what cannot heal', () => {
  it('fails at once, naming what Proton answered', async () => {
    proton.on(GetServiceInstanceCommand).rejects(new AccessDeniedException({ message: 'User is not authorized', $metadata: { httpStatusCode: 400 } }));
    await expect(poll(event('Update'), 0)).rejects.toThrow(
      'Proton service instance payments/prod: talking to Proton: Proton answered AccessDeniedException: User is not authorized',
    );
  });

  it('fails at once when the endpoint does not resolve', async () => {
    proton.on(GetServiceInstanceCommand).rejects(Object.assign(new Error('getaddrinfo ENOTFOUND proton.invalid'), { code: 'ENOTFOUND' }));
    await expect(poll(event('Create'), 0)).rejects.toThrow('Proton answered ENOTFOUND: getaddrinfo ENOTFOUND proton.invalid');
  });

  it('succeeds at once, with a note, a Delete that leaves the instance (removal policy RETAIN)', async () => {
    proton.on(GetServiceInstanceCommand).rejects(new AccessDeniedException({ message: 'User is not authorized', $metadata: { httpStatusCode: 400 } }));
    await expect(poll(event('Delete'), 0)).resolves.toEqual({ IsComplete: true });
  });
});
