import { randomUUID } from 'crypto';
import { Backend } from './backend';
import { assertInstanceIdle, assertServiceActive, currentVersion, startDeployment } from './deployments';
import { SpecMap } from './records';
import { ProtonError, internalError, throttled } from './errors';
import { settle } from './settle';

export interface ExternalDeploymentOptions {
  readonly serviceName: string;
  readonly instanceName: string;
  /** @default - the emulator's deploymentDurationMs */
  readonly durationMs?: number;
  /** @default 'SUCCEEDED' */
  readonly outcome?: 'SUCCEEDED' | 'FAILED';
  /** The message of a FAILED outcome. @default 'Deployment failed' */
  readonly failureMessage?: string;
  /** @default - a token of its own, as another client would send */
  readonly clientToken?: string;
  /** @default - the instance's current major version */
  readonly templateMajorVersion?: string;
  /** @default - the instance's current minor version */
  readonly templateMinorVersion?: string;
  /** The instance's own spec map to deploy. @default - its current spec */
  readonly spec?: SpecMap;
}

export interface ComponentDeploymentOptions {
  readonly componentName: string;
  /** @default - the emulator's deploymentDurationMs */
  readonly durationMs?: number;
}

/**
 * What tests can make go wrong, on purpose and repeatably. Call faults apply to calls in the
 * order they arrive; deployment faults to deployments in the order they start. `clear()` undoes all.
 */
export class Faults {
  constructor(private readonly b: Backend) {}

  /** The next `count` calls (to `operation` only, if given) fail with ThrottlingException. */
  throttleNextCalls(count: number, operation?: string): void {
    this.b.plan.failNextCalls(throttled, count, operation);
  }

  /**
   * The next `count` calls (to `operation` only, if given; Infinity: every call until `clear()`) fail
   * with `errorType` at HTTP `status`, as AWS's front end answers them: ServiceUnavailableException 503,
   * AccessDeniedException 400, UnrecognizedClientException 400, …
   */
  answerNextCallsWith(count: number, errorType: string, options: { status?: number; message?: string; operation?: string } = {}): void {
    const message = options.message ?? `${errorType} (scripted)`;
    this.b.plan.failNextCalls(() => new ProtonError(errorType, message, options.status ?? 400), count, options.operation);
  }

  /** The next `count` connections (Infinity: until `clear()`) are dropped without an answer, as a reset would. */
  resetNextConnections(count: number, operation?: string): void {
    this.b.plan.failNextCalls(() => 'reset', count, operation);
  }

  /** The next `count` calls (Infinity: until `clear()`) are never answered: the connection stays open, silent. */
  silenceNextCalls(count: number, operation?: string): void {
    this.b.plan.failNextCalls(() => 'silence', count, operation);
  }

  /**
   * From now on each call (to `operation` only, if given) is throttled with probability `rate`
   * (0..1). The generator is seeded, so a run throttles the same calls every time. 0 turns it off.
   */
  throttleRate(rate: number, options: { seed?: number; operation?: string } = {}): void {
    if (!(rate >= 0 && rate <= 1)) {
      throw new Error(`throttleRate needs a rate between 0 and 1, got ${rate}`);
    }
    this.b.plan.throttleAtRate(rate, options.seed ?? 1, options.operation);
  }

  /**
   * From now on calls beyond `callsPerSecond` a second fail with ThrottlingException, as a service's
   * rate limit does: a token bucket holding one second's worth of calls, refilled continuously on the
   * emulator's clock. Throttled calls take no token. 0 turns it off.
   */
  throttleAbove(callsPerSecond: number): void {
    if (!(callsPerSecond >= 0)) {
      throw new Error(`throttleAbove needs a non-negative number of calls per second, got ${callsPerSecond}`);
    }
    this.b.plan.limitRate(callsPerSecond, this.b.clock.now());
  }

  /** The next `count` calls (to `operation` only, if given) fail with InternalServerException (HTTP 500). */
  serverErrorNextCalls(count: number, operation?: string): void {
    this.b.plan.failNextCalls(internalError, count, operation);
  }

  /** Every answer is delayed by `ms` of real time (0 turns it off). */
  setLatency(ms: number): void {
    this.b.plan.latencyMs = ms;
  }

  /**
   * From now on, after each UpdateServiceInstance the next `reads` GetServiceInstance calls for
   * that instance return it as it was before the update, as an eventually consistent read may.
   */
  staleReadsAfterUpdate(reads: number): void {
    this.b.plan.staleReadsPerUpdate = reads;
  }

  /** The next `count` deployments to start end FAILED with `message`. */
  failNextDeployments(count: number, message = 'Deployment failed'): void {
    this.b.plan.scriptNextDeployments(count, (plan) => {
      plan.outcome = 'FAILED';
      plan.failureMessage = message;
    });
  }

  /**
   * The next `count` deployments to start never end by the clock: a cancel ends them, or reads do
   * while `completeDeploymentsAfterReads` is on.
   */
  hangNextDeployments(count = 1): void {
    this.b.plan.scriptNextDeployments(count, (plan) => {
      plan.dueAt = undefined;
    });
  }

  /**
   * From now on deployments ignore the clock: each ends once `reads` GetServiceInstance or
   * GetDeployment calls have seen it running. Undefined returns to the clock.
   */
  completeDeploymentsAfterReads(reads: number | undefined): void {
    this.b.plan.readsPerDeployment = reads;
  }

  /** Starts a deployment on an instance as another client would; returns its id. */
  startExternalDeployment(options: ExternalDeploymentOptions): string {
    settle(this.b);
    const instance = this.b.state.instance(options.serviceName, options.instanceName);
    assertServiceActive(this.b.state.service(instance.serviceName));
    assertInstanceIdle(this.b, instance);
    const current = currentVersion(instance);
    const now = this.b.clock.now();
    const deployment = startDeployment(this.b, {
      instance,
      creates: false,
      clientToken: options.clientToken ?? `external-${randomUUID()}`,
      target: {
        templateMajorVersion: options.templateMajorVersion ?? current.templateMajorVersion,
        templateMinorVersion: options.templateMinorVersion ?? current.templateMinorVersion,
        spec: options.spec ?? current.spec,
      },
      plan: {
        outcome: options.outcome ?? 'SUCCEEDED',
        failureMessage: options.failureMessage ?? 'Deployment failed',
        dueAt: now + (options.durationMs ?? this.b.behaviour.deploymentDurationMs),
      },
    });
    return deployment.id;
  }

  /** Puts a component IN_PROGRESS for a while (then SUCCEEDED), which blocks its instance's updates. */
  startComponentDeployment(options: ComponentDeploymentOptions): void {
    settle(this.b);
    const component = this.b.state.component(options.componentName);
    const now = this.b.clock.now();
    component.deploymentStatus = 'IN_PROGRESS';
    component.lastDeploymentAttemptedAt = now;
    component.lastModifiedAt = now;
    component.busyUntil = now + (options.durationMs ?? this.b.behaviour.deploymentDurationMs);
  }

  /** Removes an instance (and its components) from the account at once, as if deleted behind the client's back. */
  deleteInstance(serviceName: string, instanceName: string): void {
    settle(this.b);
    this.b.state.instance(serviceName, instanceName);
    for (const component of this.b.state.componentsOf(serviceName, instanceName)) {
      this.b.state.components.delete(component.name);
    }
    this.b.state.removeInstance(serviceName, instanceName);
  }

  /** Ends every scripted fault; running deployments keep the plan they started with. */
  clear(): void {
    this.b.plan.clear();
  }
}
