import { CancelServiceInstanceDeploymentCommand, Deployment, ProtonClient, ServiceInstance } from '@aws-sdk/client-proton';
import { stringify } from 'yaml';
import { ProtonEmulator, ProtonEmulatorOptions, Seed, SeedComponent, SeedInstance, exampleSeedPath, loadSeedFile } from '../../emulator';
import { RunOptions, SimulatedResource, SynthesizedInstance, findInstance, simulate } from '../../lifecycle';

/** Short timings so a whole lifecycle runs in about a second of real time. */
export const FAST = { PollIntervalSeconds: '0.05', TimeoutSeconds: '30' } as const;

/** Emulator time that passes per poll under {@link stepped}: one FAST poll interval. */
const STEP_MS = 50;

/** The stack every simulated request comes from. */
const STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/PaymentsInstances/00000000-0000-0000-0000-000000000000';

/** The cloud assembly the global setup synthesized from the example app. */
export function exampleAssembly(): string {
  const outdir = process.env.E2E_CLOUD_ASSEMBLY;
  if (!outdir) throw new Error('E2E_CLOUD_ASSEMBLY is not set: run through jest (test/e2e/global-setup.ts)');
  return outdir;
}

/** The example app's instance of `instanceName`, as synthesized by the global setup. */
export function synthesizedInstance(instanceName: string): SynthesizedInstance {
  return findInstance(exampleAssembly(), instanceName);
}

export interface Harness {
  readonly emulator: ProtonEmulator;
  /** CloudFormation's view of the example app's `prod` resource, its handler loaded from the assembly. */
  readonly resource: SimulatedResource;
  /** The synthesized properties of `prod`, with FAST timings. */
  readonly props: Record<string, string>;
  /** Stops the emulator and the CloudFormation stand-in. */
  stop(): Promise<void>;
  /** Run options that move the emulator's manual clock one poll per poll: {@link stepped}. */
  stepped(options?: RunOptions): RunOptions;
  /** The payments service's prod instance, as Proton holds it now. */
  prod(): ServiceInstance | undefined;
  /** prod's deployments, newest first. */
  prodDeployments(): Deployment[];
}

/** An emulator seeded with the example account, and the synthesized `prod` handler pointed at it. */
export async function startHarness(options: ProtonEmulatorOptions = {}): Promise<Harness> {
  const emulator = await ProtonEmulator.start({ seed: loadSeedFile(exampleSeedPath), deploymentDurationMs: 150, cancellationDurationMs: 100, ...options });
  const instance = synthesizedInstance('prod');
  const simulation = await simulate(instance, emulator.endpoint, { stackId: STACK_ID });
  return {
    emulator,
    stop: async () => {
      await Promise.all([emulator.stop(), simulation.stop()]);
    },
    resource: simulation.resource,
    props: { ...instance.properties, ...FAST },
    stepped: (runOptions) => stepped(emulator, runOptions),
    prod: () => emulator.state.instance('payments', 'prod'),
    prodDeployments: () => emulator.state.deployments({ serviceName: 'payments', serviceInstanceName: 'prod' }),
  };
}

/**
 * Run options that move the emulator's manual clock one poll interval before each poll: a deployment
 * then ends after a fixed number of polls, whatever the machine's speed, so call counts are exact.
 */
function stepped(emulator: ProtonEmulator, options: RunOptions = {}): RunOptions {
  return {
    ...options,
    beforePoll: async (poll) => {
      emulator.advance(STEP_MS);
      await options.beforePoll?.(poll);
    },
  };
}

/** The seed's own instance specs, so a test can declare exactly what Proton has, or one change to it. */
export const SEEDED = {
  staging: { port: 8080, desired_count: 1, image: 'payments:1.4.0' },
  prod: { port: 8080, desired_count: 3, image: 'payments:1.3.2' },
  pipeline: { unit_test_command: 'npm test', dockerfile: 'Dockerfile' },
} as const;

export interface DeclaredSpec {
  readonly prod?: Record<string, unknown>;
  readonly staging?: Record<string, unknown>;
  readonly pipeline?: Record<string, unknown>;
  /** More instance entries (e.g. one the service lacks). */
  readonly extraInstances?: readonly Record<string, unknown>[];
}

/** A payments service spec as YAML: the seeded one unless a part is given. */
export function serviceSpec(declared: DeclaredSpec = {}): string {
  return stringify({
    proton: 'ServiceSpec',
    pipeline: declared.pipeline ?? SEEDED.pipeline,
    instances: [
      { name: 'staging', environment: 'staging', spec: declared.staging ?? SEEDED.staging },
      { name: 'prod', environment: 'prod', spec: declared.prod ?? SEEDED.prod },
      ...(declared.extraInstances ?? []),
    ],
  });
}

/** The declared properties: `props` with these set, and those given as undefined left out (an omitted prop). */
export function declare(props: Record<string, string>, changes: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = { ...props };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete result[key];
    else result[key] = value;
  }
  return result;
}

/** The harness's props declaring exactly what the seed holds for prod (1.0, the seeded spec), with these changes. */
export function seededProps(h: Harness, changes: Record<string, string | undefined> = {}): Record<string, string> {
  return declare(h.props, { Spec: serviceSpec(), TemplateMajorVersion: '1', TemplateMinorVersion: '0', ...changes });
}

/**
 * CloudFormation creates the resource over the seeded prod instance (no write), on the stepped manual
 * clock; the calls that took are forgotten. `props` declare what the seed holds.
 */
export async function adoptSeeded(h: Harness, props: Record<string, string> = seededProps(h)): Promise<void> {
  expect((await h.resource.create(props, h.stepped())).status).toBe('SUCCESS');
  h.emulator.calls.clear();
}

/** The example account with the prod instance changed as given (versions, status) and components attached. */
export function exampleSeed(prod: Partial<SeedInstance> = {}, components: readonly SeedComponent[] = []): Seed {
  const seed = loadSeedFile(exampleSeedPath);
  const services = (seed.services ?? []).map((service) => ({
    ...service,
    instances: (service.instances ?? []).map((instance) => (instance.name === 'prod' ? { ...instance, ...prod } : instance)),
    components,
  }));
  return { ...seed, services };
}

/** Calls per operation, in the order the operations were first called. */
export function callCounts(emulator: ProtonEmulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of emulator.calls.entries) counts[call.operation] = (counts[call.operation] ?? 0) + 1;
  return counts;
}

/** A beforePoll that cancels prod's deployment as someone else on the second poll, while it runs. */
export function cancelOnSecondPoll(emulator: ProtonEmulator): (poll: number) => Promise<void> {
  return async (poll) => {
    if (poll === 2) await cancelAsSomeoneElse(emulator, 'payments', 'prod');
  };
}

/** Cancels the instance's running deployment as another client would (a console user, another pipeline). */
export async function cancelAsSomeoneElse(emulator: ProtonEmulator, serviceName: string, instanceName: string): Promise<void> {
  const proton = new ProtonClient({ ...emulator.clientConfig(), maxAttempts: 1 });
  try {
    await proton.send(new CancelServiceInstanceDeploymentCommand({ serviceName, serviceInstanceName: instanceName }));
  } finally {
    proton.destroy();
  }
}
