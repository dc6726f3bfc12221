import { AsyncLocalStorage } from 'node:async_hooks';
import { LoadedHandlers, host } from './handler-module';
import { RequestEvent } from './request-event';

/** What CloudFormation hears back for a request the framework ran, and what happened on the way. */
export interface RunOutcome {
  readonly status: 'SUCCESS' | 'FAILED';
  readonly physicalResourceId: string;
  readonly data?: Record<string, string>;
  readonly reason?: string;
  /** isComplete calls made. */
  readonly polls: number;
  /** The handler's decision log lines (it logs one JSON object per line). */
  readonly decisions: Record<string, unknown>[];
  readonly durationMs: number;
}

/** The outcome of one request of a resource, with the request it answers. */
export interface RequestOutcome extends RunOutcome {
  readonly requestType: RequestEvent['RequestType'];
  readonly requestId: string;
}

export interface RunOptions {
  /** When the framework gives up ("Operation timed out"). @default - the resource's TimeoutSeconds */
  readonly timeoutMs?: number;
  /** Lambda retried onEvent: it runs twice with the same event. */
  readonly repeatOnEvent?: boolean;
  /** Lambda retried isComplete: every poll runs twice with the same event. */
  readonly repeatIsComplete?: boolean;
  /** Called before each poll (1-based), e.g. to inject a fault or show progress. */
  readonly beforePoll?: (poll: number) => void | Promise<void>;
  /** Called with each decision the handler logs, as it logs it. */
  readonly onDecision?: (decision: Record<string, unknown>) => void;
}

/**
 * The physical id the framework answers a Create with when onEvent fails, before there is any other
 * (safeHandler in aws-cdk-lib's provider-framework/runtime/cfn-response.js); the Delete that follows skips
 * the handler. A Create that fails in isComplete keeps the physical id onEvent returned, and its Delete
 * runs the handler.
 */
export const CREATE_FAILED_ID = 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED';

/**
 * Plays the CDK Provider framework for one request: onEvent once, then isComplete with the same event
 * until it completes, throws (FAILED at once, no retry) or the total timeout passes.
 */
export async function runRequest(handlers: LoadedHandlers, event: RequestEvent, options: RunOptions = {}): Promise<RunOutcome> {
  const started = Date.now();
  const decisions: Record<string, unknown>[] = [];
  const capture = <T>(call: () => Promise<T>) => captureDecisions(call, (d) => {
    decisions.push(d);
    options.onDecision?.(d);
  });
  const pollMs = Number(event.ResourceProperties.PollIntervalSeconds) * 1000;
  const timeoutMs = options.timeoutMs ?? Number(event.ResourceProperties.TimeoutSeconds) * 1000;
  const fallbackId = event.PhysicalResourceId ?? event.RequestId;
  const result = (status: 'SUCCESS' | 'FAILED', physicalResourceId: string, polls: number, extra: { data?: Record<string, string>; reason?: string } = {}) => ({
    status, physicalResourceId, polls, decisions, durationMs: Date.now() - started, ...extra,
  });

  let onEventResult: Record<string, any>;
  try {
    if (options.repeatOnEvent) await capture(() => handlers.onEvent({ ...event }));
    onEventResult = await capture(() => handlers.onEvent({ ...event }));
  } catch (e) {
    return result('FAILED', event.RequestType === 'Create' ? CREATE_FAILED_ID : fallbackId, 0, { reason: (e as Error).message });
  }
  const physicalResourceId: string = onEventResult.PhysicalResourceId ?? fallbackId;
  const completionEvent = { ...event, ...onEventResult, PhysicalResourceId: physicalResourceId };

  for (let poll = 1; ; poll++) {
    await options.beforePoll?.(poll);
    try {
      if (options.repeatIsComplete) await capture(() => handlers.isComplete({ ...completionEvent }));
      const answer = await capture(() => handlers.isComplete({ ...completionEvent }));
      if (answer.IsComplete) return result('SUCCESS', physicalResourceId, poll, { data: { ...onEventResult.Data, ...answer.Data } });
    } catch (e) {
      return result('FAILED', physicalResourceId, poll, { reason: (e as Error).message });
    }
    if (Date.now() + pollMs - started > timeoutMs) {
      return result('FAILED', physicalResourceId, poll, { reason: 'Operation timed out' });
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Where a handler call's log lines go: set per call, so requests run side by side keep their own decisions. */
const decisionSink = new AsyncLocalStorage<(decision: Record<string, unknown>) => void>();
let hostLogRouted = false;

/** Runs a handler call with console.log captured: JSON lines become decisions, the rest is dropped. */
function captureDecisions<T>(call: () => Promise<T>, record: (decision: Record<string, unknown>) => void): Promise<T> {
  if (!hostLogRouted) routeHostLog();
  return decisionSink.run(record, call);
}

/** Sends the host's console.log to the sink of the handler call it comes from; outside a call, it logs as before. */
function routeHostLog(): void {
  const original = host.console.log;
  host.console.log = (...args: unknown[]) => {
    const sink = decisionSink.getStore();
    if (!sink) return original(...args);
    try {
      sink(JSON.parse(args.map(String).join(' ')));
    } catch {
      // Not a decision line: nothing the lifecycle reports.
    }
  };
  hostLogRouted = true;
}
