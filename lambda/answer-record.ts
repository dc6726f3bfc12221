import { errorLabel, isTransient } from './errors';
import { UpdateRequest } from './planner';
import { CreateRequest, InstanceRef, ProtonPort } from './proton-port';

/** Requests a container keeps a record of; an abandoned request's record is dropped after this many newer ones. */
const MAX_RECORDS = 64;

/**
 * What one Lambda container saw of Proton's answers to one request, kept across its polls. Decisions never
 * depend on it (each poll derives its step from Proton and the event); it only words the verdict when
 * Proton stops answering: since when, the last error, and whether this request's deployment may be running.
 * A poll served by a fresh container knows less, and the verdict says so.
 */
export class AnswerRecord {
  /** When this container first handled the request (epoch ms). */
  readonly firstCallAt: number;
  /** Whether Proton answered any call of this request in this container. */
  sawAnswer = false;
  /** The start of the current run of failed calls; undefined while Proton answers. */
  failingSince?: number;
  lastError?: unknown;
  /** The last write sent that may have started a deployment, answered or not. */
  writeSent?: string;
  /** This request's own deployment, as the last read that showed it reported it. */
  ownDeployment?: { readonly id: string; readonly status: string };

  constructor(now: number) {
    this.firstCallAt = now;
  }

  answered(): void {
    this.sawAnswer = true;
    this.failingSince = undefined;
    this.lastError = undefined;
  }

  failed(error: unknown, at: number): void {
    this.failingSince ??= at;
    this.lastError = error;
  }
}

/** The records of one container, by request. */
export class AnswerLog {
  private readonly records = new Map<string, AnswerRecord>();

  recordFor(key: string, now: number): AnswerRecord {
    let record = this.records.get(key);
    if (!record) {
      record = new AnswerRecord(now);
      this.records.set(key, record);
      if (this.records.size > MAX_RECORDS) this.records.delete(this.records.keys().next().value!);
    }
    return record;
  }

  /** The request has its verdict: nothing will ask about it again. */
  forget(key: string): void {
    this.records.delete(key);
  }
}

/**
 * The port with every call noted in the record: a transient failure extends the silence, any answer
 * (an error Proton sent included) ends it, and a write that can start a deployment is noted before it is
 * sent, since one whose answer was lost may still have started it.
 */
export class WatchedPort implements ProtonPort {
  constructor(
    private readonly port: ProtonPort,
    private readonly record: AnswerRecord,
    private readonly clock: () => number,
  ) {}

  getInstance(ref: InstanceRef) {
    return this.observe(() => this.port.getInstance(ref));
  }
  listAttachedComponents(ref: InstanceRef) {
    return this.observe(() => this.port.listAttachedComponents(ref));
  }
  recommendedMinorVersion(templateName: string, majorVersion: string) {
    return this.observe(() => this.port.recommendedMinorVersion(templateName, majorVersion));
  }
  templateSchema(templateName: string, majorVersion: string, minorVersion: string) {
    return this.observe(() => this.port.templateSchema(templateName, majorVersion, minorVersion));
  }
  createInstance(ref: InstanceRef, request: CreateRequest, clientToken: string) {
    return this.observe(() => this.port.createInstance(ref, request, clientToken), 'CreateServiceInstance');
  }
  updateInstance(ref: InstanceRef, request: UpdateRequest, clientToken: string) {
    return this.observe(() => this.port.updateInstance(ref, request, clientToken), 'UpdateServiceInstance');
  }
  cancelDeployment(ref: InstanceRef) {
    return this.observe(() => this.port.cancelDeployment(ref));
  }
  getService(serviceName: string) {
    return this.observe(() => this.port.getService(serviceName));
  }
  updateServiceSpec(serviceName: string, spec: string) {
    return this.observe(() => this.port.updateServiceSpec(serviceName, spec), 'UpdateService');
  }

  private async observe<T>(call: () => Promise<T>, write?: string): Promise<T> {
    if (write) this.record.writeSent = write;
    try {
      const result = await call();
      this.record.answered();
      return result;
    } catch (e) {
      if (isTransient(e)) this.record.failed(e, this.clock());
      else this.record.answered();
      throw e;
    }
  }
}

export interface SilenceContext {
  /** When the request reached the handler (epoch ms). */
  readonly startedAt: number;
  readonly pollMs: number;
  readonly now: number;
}

/**
 * The verdict's detail when Proton kept failing until the handler's deadline: how long it has not
 * answered, its last error, and what became of this request's deployment.
 */
export function silenceDetail(record: AnswerRecord, error: unknown, { startedAt, pollMs, now }: SilenceContext): string {
  // A record started on the request's first poll saw all of it; a fresh container's record did not.
  const wholeRequest = record.firstCallAt - startedAt <= pollMs + 5_000;
  const since = record.failingSince ?? now;
  const seconds = Math.round((now - since) / 1000);
  // Silent since this container's first call, which came after the request began: it may have been longer.
  const heldSince = !record.sawAnswer && !wholeRequest ? 'at least ' : '';
  return [
    `Proton has not answered for ${heldSince}${seconds} s (last error ${errorLabel(record.lastError ?? error)})`,
    deploymentFate(record, wholeRequest),
  ].join('; ');
}

function deploymentFate(record: AnswerRecord, wholeRequest: boolean): string {
  const own = record.ownDeployment;
  if (own && (own.status === 'IN_PROGRESS' || own.status === 'CANCELLING')) {
    return `deployment ${own.id} of this request was ${own.status} when Proton last answered and may still be running: it could not be cancelled`;
  }
  if (record.writeSent) {
    return `this request sent ${record.writeSent}, so a deployment of it may still be running in Proton: it could not be cancelled`;
  }
  if (wholeRequest) return 'no deployment of this request was started';
  return 'a deployment of this request may be running in Proton: it could not be cancelled';
}
