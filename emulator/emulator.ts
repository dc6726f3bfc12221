import { Backend, Behaviour } from './backend';
import { CallLog } from './call-log';
import { ManualClock, realClock } from './clock';
import { Dispatcher } from './dispatcher';
import { FaultPlan } from './fault-plan';
import { Faults } from './faults';
import { StateInspector } from './inspector';
import { LoopbackServer } from './loopback';
import { loadServiceModel } from './model';
import { applySeed } from './apply-seed';
import { Seed } from './seed';
import { listenProton } from './server';
import { ProtonState } from './state';

export interface ProtonEmulatorOptions {
  /** What the account starts with (see `Seed`; `loadSeedFile` reads one from a file). @default - an empty account */
  readonly seed?: Seed;
  /** Loopback port to listen on. @default 0 (a free port) */
  readonly port?: number;
  /** How long a deployment (and an UpdateService) runs. @default 2000 */
  readonly deploymentDurationMs?: number;
  /** How long a cancelled deployment stays CANCELLING. @default 500 */
  readonly cancellationDurationMs?: number;
  /** 'manual' stops time until `advance(ms)` moves it, so tests never sleep. @default 'real' */
  readonly clock?: 'real' | 'manual';
  /** What a FAILED instance shows (Proton does not document it). @default 'previous' */
  readonly failedShows?: Behaviour['failedShows'];
}

/** Settings for `new ProtonClient(...)` that reach this emulator with dummy credentials. */
export interface EmulatorClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** A local AWS Proton speaking the real wire protocol, with state, time and faults under the test's control. */
export class ProtonEmulator {
  /** Failures tests can script. */
  readonly faults: Faults;
  /** Views of the account for assertions. */
  readonly state: StateInspector;

  private constructor(
    private readonly server: LoopbackServer,
    private readonly backend: Backend,
    /** Every call answered, with counts of reads and writes. */
    readonly calls: CallLog,
  ) {
    this.faults = new Faults(backend);
    this.state = new StateInspector(backend);
  }

  static async start(options: ProtonEmulatorOptions = {}): Promise<ProtonEmulator> {
    const seed = options.seed ?? {};
    const backend: Backend = {
      state: new ProtonState({ region: seed.region ?? 'us-east-1', account: accountId(seed) }),
      clock: options.clock === 'manual' ? new ManualClock() : realClock,
      plan: new FaultPlan(),
      behaviour: {
        deploymentDurationMs: options.deploymentDurationMs ?? 2000,
        cancellationDurationMs: options.cancellationDurationMs ?? 500,
        failedShows: options.failedShows ?? 'previous',
      },
    };
    applySeed(backend, seed);
    const calls = new CallLog();
    const model = loadServiceModel();
    const server = await listenProton(new Dispatcher(model, backend, calls), options.port ?? 0);
    return new ProtonEmulator(server, backend, calls);
  }

  /** `http://127.0.0.1:PORT`, for `new ProtonClient({ endpoint })` or `AWS_ENDPOINT_URL_PROTON`. */
  get endpoint(): string {
    return this.server.endpoint;
  }

  clientConfig(): EmulatorClientConfig {
    return {
      endpoint: this.endpoint,
      region: this.backend.state.location.region,
      credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
    };
  }

  /** The emulator's current time. */
  now(): Date {
    return new Date(this.backend.clock.now());
  }

  /** Moves a manual clock forward; deployments that are due by then end on the next call or inspection. */
  advance(ms: number): void {
    const clock = this.backend.clock;
    if (!(clock instanceof ManualClock)) {
      throw new Error("advance() needs the manual clock: start the emulator with clock: 'manual'");
    }
    clock.advance(ms);
  }

  async stop(): Promise<void> {
    await this.server.close();
  }
}

/** ARNs need a 12-digit account; YAML reads an unquoted one as a number, so it is taken as text. */
function accountId(seed: Seed): string {
  const account = String(seed.account ?? '123456789012');
  if (!/^\d{12}$/.test(account)) {
    throw new Error(`Seed account must be 12 digits (quote it in YAML to keep leading zeros), got ${account}`);
  }
  return account;
}
