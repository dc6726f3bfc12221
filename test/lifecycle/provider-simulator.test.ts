// The simulation of the CDK Provider framework against handlers written here, so each test sees exactly
// what the framework would do with one failure: the physical id it answers with, and the Delete after.
import { CREATE_FAILED_ID, HandlerFunction, LoadedHandlers, RequestEvent, SimulatedResource, requestEvent, runRequest } from '../../lifecycle';

const PROPS = { ServiceName: 'payments', InstanceName: 'prod', PollIntervalSeconds: '0.01', TimeoutSeconds: '5' };
const PHYSICAL_ID = 'payments/prod';

/** Handlers that record every event; onEvent names the resource, isComplete completes, unless told to throw. */
function handlers(failing: { onEvent?: string; isComplete?: string } = {}): LoadedHandlers & { events: RequestEvent[] } {
  const events: RequestEvent[] = [];
  const handler = (fail: string | undefined, answer: (event: RequestEvent) => Record<string, unknown>): HandlerFunction => async (event: RequestEvent) => {
    events.push(event);
    if (fail && event.RequestType === 'Create') throw new Error(fail);
    return answer(event);
  };
  return {
    events,
    onEvent: handler(failing.onEvent, (event) => ({ PhysicalResourceId: event.PhysicalResourceId ?? PHYSICAL_ID })),
    isComplete: handler(failing.isComplete, () => ({ IsComplete: true })),
  };
}

const create = requestEvent({ RequestType: 'Create', RequestId: 'create', StackId: 'stack', LogicalResourceId: 'Prod', ResourceProperties: PROPS });

describe('a Create that fails', () => {
  it('answers with the physical id onEvent returned when isComplete fails', async () => {
    const outcome = await runRequest(handlers({ isComplete: 'deployment FAILED' }), create);

    expect(outcome).toMatchObject({ status: 'FAILED', physicalResourceId: PHYSICAL_ID, reason: 'deployment FAILED' });
  });

  it('answers with the CREATE_FAILED marker when onEvent fails, the event having no physical id yet', async () => {
    const outcome = await runRequest(handlers({ onEvent: 'the spec has no entry for prod' }), create);

    expect(outcome).toMatchObject({ status: 'FAILED', physicalResourceId: CREATE_FAILED_ID, polls: 0 });
  });
});

/** A resource whose Create fails as `failing` says, then its Delete: the Delete's outcome and the events it sent. */
async function deleteAfterFailedCreate(failing: { onEvent?: string; isComplete?: string }) {
  const h = handlers(failing);
  const resource = new SimulatedResource(h, 'Prod');
  await resource.create(PROPS);
  h.events.length = 0;
  return { outcome: await resource.delete(), events: h.events };
}

describe('the Delete after a failed Create', () => {
  it('runs the handler with the physical id and the properties of the Create when isComplete failed', async () => {
    const { outcome, events } = await deleteAfterFailedCreate({ isComplete: 'deployment FAILED' });

    expect(outcome).toMatchObject({ status: 'SUCCESS', physicalResourceId: PHYSICAL_ID });
    expect(events.map((e) => e.RequestType)).toEqual(['Delete', 'Delete']);
    expect(events[0]).toMatchObject({ PhysicalResourceId: PHYSICAL_ID, ResourceProperties: expect.objectContaining(PROPS) });
  });

  it('succeeds without calling the handler when onEvent failed', async () => {
    const { outcome, events } = await deleteAfterFailedCreate({ onEvent: 'the spec has no entry for prod' });

    expect(outcome).toMatchObject({ status: 'SUCCESS', physicalResourceId: CREATE_FAILED_ID });
    expect(events).toEqual([]);
  });
});
