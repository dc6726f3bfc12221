import type { ServiceInstance } from '@aws-sdk/client-proton';
import { ProtonError, throttled } from './errors';
import { seededRandom } from './prng';
import { DeploymentPlan } from './records';

/**
 * What a faulted call gets instead of an answer: an error Proton's front end sends, its connection
 * dropped without an answer ('reset'), or no answer at all, the connection held open ('silence').
 */
export type CallFault = ProtonError | 'reset' | 'silence';

/** Calls to fail before they reach the handler, counted down as they happen. */
interface CallFaultQueue {
  fault: () => CallFault;
  remaining: number;
  operation?: string;
}

interface ThrottleRate {
  rate: number;
  random: () => number;
  operation?: string;
}

/** A token bucket: it holds up to one second's worth of calls (at least one) and refills continuously. */
interface RateLimit {
  callsPerSecond: number;
  capacity: number;
  tokens: number;
  refilledAt: number;
}

/** Deployments to script, counted down as deployments start. */
interface DeploymentFaultQueue {
  remaining: number;
  apply: (plan: DeploymentPlan) => void;
}

/**
 * What the tests scripted, as the dispatcher, the operations and the deployment lifecycle consult
 * it. Tests script it through `Faults`; this holds the counters so the rest of the emulator only
 * asks "what now?".
 */
export class FaultPlan {
  latencyMs = 0;
  staleReadsPerUpdate = 0;
  readsPerDeployment?: number;
  private callQueues: CallFaultQueue[] = [];
  private throttleRate?: ThrottleRate;
  private rateLimit?: RateLimit;
  private deploymentQueues: DeploymentFaultQueue[] = [];
  private readonly staleViews = new Map<string, { view: ServiceInstance; left: number }>();

  /** The next `count` calls (to `operation` only, if given) get `fault()`; Infinity: until `clear()`. */
  failNextCalls(fault: () => CallFault, count: number, operation?: string): void {
    this.callQueues.push({ fault, remaining: count, operation });
  }

  throttleAtRate(rate: number, seed: number, operation?: string): void {
    this.throttleRate = rate > 0 ? { rate, random: seededRandom(seed), operation } : undefined;
  }

  limitRate(callsPerSecond: number, now: number): void {
    const capacity = Math.max(1, callsPerSecond);
    this.rateLimit = callsPerSecond > 0 ? { callsPerSecond, capacity, tokens: capacity, refilledAt: now } : undefined;
  }

  scriptNextDeployments(count: number, apply: (plan: DeploymentPlan) => void): void {
    this.deploymentQueues.push({ remaining: count, apply });
  }

  /** What this call, arriving at `now`, gets instead of an answer, if anything; consumes one scripted fault. */
  takeCallFault(operation: string, now: number): CallFault | undefined {
    const queue = this.callQueues.find((q) => q.remaining > 0 && (!q.operation || q.operation === operation));
    if (queue) {
      queue.remaining -= 1;
      return queue.fault();
    }
    const rate = this.throttleRate;
    if (rate && (!rate.operation || rate.operation === operation) && rate.random() < rate.rate) {
      return throttled();
    }
    return this.overRateLimit(now) ? throttled() : undefined;
  }

  /** Refills the bucket for the time passed, then takes a token for this call if one is left. */
  private overRateLimit(now: number): boolean {
    const bucket = this.rateLimit;
    if (!bucket) {
      return false;
    }
    const refill = ((now - bucket.refilledAt) / 1000) * bucket.callsPerSecond;
    bucket.tokens = Math.min(bucket.capacity, bucket.tokens + refill);
    bucket.refilledAt = now;
    if (bucket.tokens < 1) {
      return true;
    }
    bucket.tokens -= 1;
    return false;
  }

  /** How a deployment starting now ends, with any scripted failure, hang or read count applied. */
  planDeployment(now: number, durationMs: number): DeploymentPlan {
    const plan: DeploymentPlan = { outcome: 'SUCCEEDED', dueAt: now + durationMs };
    if (this.readsPerDeployment !== undefined) {
      plan.readsLeft = this.readsPerDeployment;
    }
    for (const queue of this.deploymentQueues) {
      if (queue.remaining > 0) {
        queue.remaining -= 1;
        queue.apply(plan);
      }
    }
    return plan;
  }

  /** After an update, the next reads of the instance see `before`, as an eventually consistent read would. */
  rememberBeforeUpdate(instanceKey: string, before: ServiceInstance): void {
    if (this.staleReadsPerUpdate > 0) {
      this.staleViews.set(instanceKey, { view: before, left: this.staleReadsPerUpdate });
    }
  }

  takeStaleRead(instanceKey: string): ServiceInstance | undefined {
    const stale = this.staleViews.get(instanceKey);
    if (!stale) {
      return undefined;
    }
    stale.left -= 1;
    if (stale.left === 0) {
      this.staleViews.delete(instanceKey);
    }
    return stale.view;
  }

  clear(): void {
    this.latencyMs = 0;
    this.staleReadsPerUpdate = 0;
    this.readsPerDeployment = undefined;
    this.callQueues = [];
    this.throttleRate = undefined;
    this.rateLimit = undefined;
    this.deploymentQueues = [];
    this.staleViews.clear();
  }
}
