/** One request the emulator answered. */
export interface CallRecord {
  /** The operation named in X-Amz-Target (as sent, even when unknown). */
  readonly operation: string;
  /** The request body as parsed JSON (undefined when it was not JSON). */
  readonly input: unknown;
  /** The HTTP status of the answer; 0 when no answer was sent (a scripted reset or silence). */
  readonly status: number;
  /** The error's `__type` when the call failed; 'reset' or 'silence' when it got no answer. */
  readonly errorType?: string;
  /** When it was answered, in milliseconds on the emulator's clock. */
  readonly at: number;
}

/** Operations that change something, and those that only read (Get…, List…). */
const WRITE = /^(Create|Update|Cancel|Delete)/;
const READ = /^(Get|List)/;

/** Whether a call to `operation` changes something; the demo highlights those, the log counts them. */
export function isWrite(operation: string): boolean {
  return WRITE.test(operation);
}

/** Whether an operation only reads (Get…, List…). */
export function isRead(operation: string): boolean {
  return READ.test(operation);
}

/** Every call, in order: how tests and benchmarks count what a client asked of Proton. */
export class CallLog {
  private records: CallRecord[] = [];
  private readonly listeners: ((record: CallRecord) => void)[] = [];

  get entries(): readonly CallRecord[] {
    return this.records;
  }

  record(call: CallRecord): void {
    this.records.push(call);
    this.listeners.forEach((listener) => listener(call));
  }

  /** Calls to one operation, or all calls. */
  count(operation?: string): number {
    return operation === undefined ? this.records.length : this.of(operation).length;
  }

  of(operation: string): CallRecord[] {
    return this.records.filter((call) => call.operation === operation);
  }

  readCount(): number {
    return this.records.filter((call) => isRead(call.operation)).length;
  }

  writeCount(): number {
    return this.records.filter((call) => isWrite(call.operation)).length;
  }

  clear(): void {
    this.records = [];
  }

  /** Calls `listener` with each new record (the CLI prints them). */
  onCall(listener: (record: CallRecord) => void): void {
    this.listeners.push(listener);
  }
}
