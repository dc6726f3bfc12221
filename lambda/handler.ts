import { deadline, Deadline } from './deadline';
import { StackPort } from './cloudformation-sdk';
import { AnswerLog, AnswerRecord, WatchedPort, silenceDetail } from './answer-record';
import { InstanceError, errorType, isTransient, protonAnswer } from './errors';
import { DesiredState, InstanceState } from './instance-state';
import { logDecision } from './log';
import { DecisionReads, SpecError, decide } from './decision';
import { Plan, componentsBusy } from './planner';
import { schemaDefaults } from './schema-defaults';
import { FillDefaults, findInstanceEntry, parseServiceSpec } from './spec';
import { Settled, nextStep, whileBlocked } from './progress';
import { removalStep } from './removal';
import { InstanceRef, ProtonPort } from './proton-port';
import { RequestToken, encodeToken, ownerOf, requestToken } from './request-token';
import {
  CompletionEvent,
  InstanceAttributes,
  IsCompleteResult,
  OnEventResult,
  ResourceEvent,
  desiredState,
  physicalId,
} from './resource-event';

const NOT_COMPLETE: IsCompleteResult = { IsComplete: false };

/**
 * Checks the request, names the resource and starts the handler's clock; Proton is not called here.
 * All Proton work happens in isComplete, so a busy instance is simply waited for and a no-op costs a
 * single read.
 */
export async function onEvent(event: ResourceEvent, now: number = Date.now()): Promise<OnEventResult> {
  const StartedAt = String(now);
  if (event.RequestType === 'Delete') {
    return { PhysicalResourceId: event.PhysicalResourceId ?? physicalId(event.ResourceProperties), StartedAt };
  }
  const desired = desiredState(event.ResourceProperties);
  const ref = refOf(desired);
  const doc = parseOrFail(ref, () => parseServiceSpec(desired.spec, 'the declared spec'));
  if (!findInstanceEntry(doc, desired.instanceName)) {
    throw new InstanceError(ref, 'checking the declared spec', `it has no entry named ${desired.instanceName} under instances`);
  }
  logDecision({ instance: physicalId(event.ResourceProperties), request: event.RequestType, action: 'accepted' });
  return { PhysicalResourceId: physicalId(event.ResourceProperties), StartedAt };
}

/**
 * Called by the framework with the same event until it returns IsComplete: true. Progress is derived
 * from one read of the instance on every call (see progress.ts and request-token.ts). `answers` is the
 * container's record of Proton's answers (see answer-record.ts), which words a verdict on Proton's silence.
 */
export async function isComplete(
  event: CompletionEvent,
  proton: ProtonPort,
  stacks: StackPort,
  now: number = Date.now(),
  answers: AnswerLog = new AnswerLog(),
): Promise<IsCompleteResult> {
  // Calls inside one poll take real time (the SDK's retries): the clock runs on from the poll's `now`.
  const pollStart = Date.now();
  const clock = () => now + (Date.now() - pollStart);
  const key = `${event.StackId} ${event.LogicalResourceId} ${event.RequestId}`;
  const record = answers.recordFor(key, now);
  const request = new Request(event, new WatchedPort(proton, record, clock), record, now);
  try {
    const result = await request.step();
    if (result.IsComplete) answers.forget(key);
    return result;
  } catch (e) {
    const answer = await settleFailure(request, stacks, e, clock());
    if (answer.IsComplete) answers.forget(key);
    return answer;
  }
}

/**
 * A throw here fails the resource at once, so only a real verdict may throw. A transient error is tried
 * again on the next poll, until the handler's last poll: then Proton's silence is the verdict, given
 * before the framework's own "Operation timed out". Verdicts that would strand the stack become success
 * with a note: a Delete that leaves the instance (removal policy RETAIN), an Update during a rollback.
 */
async function settleFailure(request: Request, stacks: StackPort, e: unknown, at: number): Promise<IsCompleteResult> {
  const transient = isTransient(e);
  if (transient && !request.lastPollAt(at)) {
    request.log({ action: 'retry', error: errorType(e) });
    return NOT_COMPLETE;
  }
  const verdict = transient
    ? request.silence(e, at)
    : e instanceof InstanceError
      ? e
      : new InstanceError(request.ref, 'talking to Proton', protonAnswer(e));
  if (request.leavesInstance) return request.leaveAsIs(verdict.message);
  // A failed Update during CloudFormation's rollback leaves the stack in UPDATE_ROLLBACK_FAILED, which
  // only a person can clear: there, the instance stays as Proton has it and the rollback goes on.
  if (request.type === 'Update' && (await rollingBack(stacks, request.stackId))) {
    return request.yieldToRollback(verdict.message);
  }
  throw verdict;
}

/** Whether CloudFormation is rolling the stack back; when it cannot be told, the verdict stands. */
async function rollingBack(stacks: StackPort, stackId: string): Promise<boolean> {
  try {
    return await stacks.isRollingBack(stackId);
  } catch {
    return false;
  }
}

/** One isComplete call for one request. */
class Request {
  readonly ref: InstanceRef;
  private readonly desired: DesiredState;
  private readonly token: RequestToken;
  private readonly startedAt: number;
  private readonly deadline: Deadline;
  /** A Delete that leaves the instance in Proton (removal policy RETAIN): nothing it does can strand it. */
  readonly leavesInstance: boolean;
  /** What this call read of the instance, for the attributes of a success. */
  private instance?: InstanceState;
  /** The reads this call's decisions take from Proton. */
  private readonly reads: DecisionReads;

  constructor(
    private readonly event: CompletionEvent,
    private readonly proton: ProtonPort,
    private readonly record: AnswerRecord,
    now: number,
  ) {
    const props = event.ResourceProperties;
    this.desired = desiredState(props);
    this.ref = refOf(this.desired);
    this.token = requestToken(event);
    this.startedAt = Number(event.StartedAt ?? now);
    this.deadline = this.deadlineAt(now);
    const defaults = new Map<string, Promise<FillDefaults | undefined>>();
    this.reads = {
      recommendedMinor: (templateName, major) => this.proton.recommendedMinorVersion(templateName, major),
      // The drift log and the decision may both need a version's defaults: one read serves both.
      defaults: (templateName, major, minor) => {
        const key = `${templateName}:${major}.${minor}`;
        if (!defaults.has(key)) defaults.set(key, this.readDefaults(templateName, major, minor));
        return defaults.get(key)!;
      },
    };
    this.leavesInstance = event.RequestType === 'Delete' && props.RemovalPolicy !== 'destroy';
  }

  get type(): CompletionEvent['RequestType'] {
    return this.event.RequestType;
  }

  get stackId(): string {
    return this.event.StackId;
  }

  /** Whether a poll that ends at `at` may be the last the framework makes. */
  lastPollAt(at: number): boolean {
    return this.deadlineAt(at).lastPoll;
  }

  /** The verdict when Proton kept failing with transient errors until the last poll. */
  silence(error: unknown, at: number): InstanceError {
    const pollMs = Number(this.event.ResourceProperties.PollIntervalSeconds) * 1000;
    const detail = silenceDetail(this.record, error, { startedAt: this.startedAt, pollMs, now: at });
    return new InstanceError(this.ref, `waiting for Proton to answer within the ${this.deadline.timeoutSeconds} s wait`, detail);
  }

  async step(): Promise<IsCompleteResult> {
    const instance = await this.proton.getInstance(this.ref);
    this.instance = instance;
    if (instance && ownerOf(instance.lastClientRequestToken, this.token) === 'this-request') {
      this.record.ownDeployment = { id: instance.lastAttemptedDeploymentId ?? '(no id)', status: instance.deploymentStatus };
    }
    const step = nextStep({
      requestType: this.event.RequestType,
      instance,
      token: this.token,
      oldProps: this.event.OldResourceProperties,
      startedAt: this.startedAt,
      deadline: this.deadline,
      removeOnDelete: this.event.ResourceProperties.RemovalPolicy === 'destroy',
    });
    switch (step.kind) {
      case 'done':
      case 'wait':
      case 'fail':
        return this.conclude(step, instance);
      case 'cancel':
        await this.write('cancelling a deployment', () => this.proton.cancelDeployment(this.ref));
        this.log({ action: 'cancel', reasons: [step.reason] });
        return NOT_COMPLETE;
      case 'create':
        return this.create();
      case 'plan':
        return this.planAndDeploy(step.instance, step.rollback);
      case 'remove':
        return this.remove(step.instance);
    }
  }

  private async create(): Promise<IsCompleteResult> {
    const { spec, templateMajorVersion, templateMinorVersion } = this.desired;
    await this.write('creating the instance', () =>
      this.proton.createInstance(this.ref, { spec, templateMajorVersion, templateMinorVersion }, encodeToken(this.token, false)),
    );
    this.log({ action: 'create', templateMajorVersion, templateMinorVersion });
    return NOT_COMPLETE;
  }

  /** Removal policy DESTROY: take the instance out of its service's spec, then wait until it is gone. */
  private async remove(instance: InstanceState): Promise<IsCompleteResult> {
    const [service, components] = await Promise.all([
      this.proton.getService(this.ref.serviceName),
      this.proton.listAttachedComponents(this.ref),
    ]);
    const removal = parseOrFail(this.ref, () => removalStep(this.ref.instanceName, instance, service, components));
    switch (removal.kind) {
      case 'done':
        return this.conclude(removal, undefined);
      case 'wait': {
        const detail = `still waiting after ${this.deadline.timeoutSeconds} s: ${removal.reason}`;
        // A Delete restores no earlier request, so running out of polls fails it rather than yielding.
        return this.conclude(whileBlocked(this.deadline, false, [removal.reason], detail, 'removing the instance'), undefined);
      }
      case 'update-service':
        await this.write('removing the instance from its service (UpdateService)', () =>
          this.proton.updateServiceSpec(this.ref.serviceName, removal.spec),
        );
        this.log({ action: 'remove', reasons: ['removal policy DESTROY: UpdateService without the instance'] });
        return NOT_COMPLETE;
      case 'fail':
        return this.conclude({ kind: 'fail', doing: 'removing the instance (removal policy DESTROY)', detail: removal.detail }, undefined);
    }
  }

  private async planAndDeploy(instance: InstanceState, rollback: boolean): Promise<IsCompleteResult> {
    await this.logDrift(instance);
    const decision = await this.decided(() => decide(instance, this.desired, this.reads));
    const context = { reasons: decision.reasons, ...(rollback ? { rollback } : {}) };

    switch (decision.action) {
      case 'none':
        this.log({ action: 'none', ...context });
        return this.done(instance);
      case 'wait':
        return this.waitForIdle(instance, decision.reasons, rollback);
      case 'fail':
        // A rollback that cannot reach the old state must still succeed, or the stack is stuck in
        // UPDATE_ROLLBACK_FAILED.
        if (rollback) {
          return this.done(instance, `cannot go back: ${decision.reasons.join('; ')}; the instance stays as it is`);
        }
        throw new InstanceError(this.ref, 'planning the update', decision.reasons.join('; '));
      case 'update':
        return this.deploy(instance, decision, rollback);
    }
  }

  private async deploy(instance: InstanceState, decision: Extract<Plan, { action: 'update' }>, rollback: boolean): Promise<IsCompleteResult> {
    const busy = componentsBusy(await this.proton.listAttachedComponents(this.ref));
    if (busy.length > 0) return this.waitForIdle(instance, busy, rollback);
    const { request } = decision;
    await this.write(`updating with ${request.deploymentType}`, () =>
      this.proton.updateInstance(this.ref, request, encodeToken(this.token, rollback)),
    );
    this.log({
      action: 'update',
      deploymentType: request.deploymentType,
      from: `${instance.templateMajorVersion}.${instance.templateMinorVersion}`,
      templateMajorVersion: request.templateMajorVersion,
      templateMinorVersion: request.templateMinorVersion,
      reasons: decision.reasons,
      ...(rollback ? { rollback } : {}),
    });
    return NOT_COMPLETE;
  }

  private waitForIdle(instance: InstanceState, reasons: string[], rollback: boolean): IsCompleteResult {
    const detail = `still blocked after ${this.deadline.timeoutSeconds} s (${reasons.join('; ')}); no change made`;
    return this.conclude(whileBlocked(this.deadline, rollback, reasons, detail), instance);
  }

  /** Success during CloudFormation's rollback, with the verdict this request would have given. */
  yieldToRollback(verdict: string): IsCompleteResult {
    return this.done(this.instance, `the stack is rolling back; not failing it: ${verdict}`);
  }

  /** Success for a Delete that leaves the instance anyway, with the verdict it would have given. */
  leaveAsIs(verdict: string): IsCompleteResult {
    return this.done(undefined, `removal policy RETAIN: the instance is left in Proton as it is; ${verdict}`);
  }

  private deadlineAt(now: number): Deadline {
    const props = this.event.ResourceProperties;
    return deadline(this.startedAt, Number(props.TimeoutSeconds), Number(props.PollIntervalSeconds), now);
  }

  /** Answers the framework for a step that needs no Proton call. */
  private conclude(step: Settled, instance: InstanceState | undefined): IsCompleteResult {
    switch (step.kind) {
      case 'done':
        return this.done(instance, step.note);
      case 'wait':
        this.log({ action: 'wait', reasons: [step.reason] });
        return NOT_COMPLETE;
      case 'fail':
        throw new InstanceError(this.ref, step.doing, step.detail);
    }
  }

  private done(instance: InstanceState | undefined, note?: string): IsCompleteResult {
    this.log({ action: 'done', deployment: instance?.lastAttemptedDeploymentId, ...(note ? { note } : {}) });
    if (this.event.RequestType === 'Delete' || !instance) return { IsComplete: true };
    return { IsComplete: true, Data: attributes(instance) };
  }

  /**
   * Says when Proton's instance no longer matches what the stack declared last time; a difference that is
   * only a schema default is not drift. It reads no recommended minor: the log names versions as declared.
   */
  private async logDrift(instance: InstanceState): Promise<void> {
    const old = this.event.OldResourceProperties;
    if (!old || ownerOf(instance.lastClientRequestToken, this.token) !== 'someone-else') return;
    try {
      const previous = await decide(instance, desiredState(old), { ...this.reads, recommendedMinor: async () => undefined });
      if (previous.action === 'update') this.log({ action: 'drift', reasons: previous.reasons });
    } catch {
      // The old declaration is only compared for the log: a spec it cannot parse, or a read that failed
      // (the decision that follows makes it again), changes nothing.
    }
  }

  /** A decision; a spec that cannot be read is a verdict. */
  private async decided(decision: () => Promise<Plan>): Promise<Plan> {
    try {
      return await decision();
    } catch (e) {
      if (e instanceof SpecError) throw new InstanceError(this.ref, 'reading the spec', e.message);
      throw e;
    }
  }

  /** A template version's schema defaults, read from Proton. */
  private async readDefaults(templateName: string, major: string, minor: string): Promise<FillDefaults | undefined> {
    const schema = await this.proton.templateSchema(templateName, major, minor);
    return schema === undefined ? undefined : schemaDefaults(schema, `the schema of ${templateName} ${major}.${minor}`);
  }

  /** Runs a Proton write; a refusal that is not transient becomes a verdict naming what was being done. */
  private async write(doing: string, call: () => Promise<void>): Promise<void> {
    try {
      await call();
    } catch (e) {
      if (isTransient(e)) throw e;
      throw new InstanceError(this.ref, doing, protonAnswer(e));
    }
  }

  log(fields: Record<string, unknown>): void {
    logDecision({ instance: physicalId(this.event.ResourceProperties), request: this.event.RequestType, ...fields });
  }
}

function parseOrFail<T>(ref: InstanceRef, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new InstanceError(ref, 'reading the spec', (e as Error).message);
  }
}

function attributes(instance: InstanceState): InstanceAttributes {
  return {
    DeploymentId: instance.lastSucceededDeploymentId ?? instance.lastAttemptedDeploymentId ?? '',
    TemplateMajorVersion: instance.templateMajorVersion,
    TemplateMinorVersion: instance.templateMinorVersion,
    ServiceInstanceArn: instance.arn,
  };
}

function refOf(desired: DesiredState): InstanceRef {
  return { serviceName: desired.serviceName, instanceName: desired.instanceName };
}
