import { GetServiceInstanceCommand, ProtonClient, ServiceInstance } from '@aws-sdk/client-proton';
import { ProtonEmulator, ProtonEmulatorOptions, exampleSeedPath, loadSeedFile } from '../../emulator';

/** Deployment time used by the suites; the manual clock makes its value irrelevant to run time. */
export const DEPLOYMENT_MS = 1000;

/** The demo account (payments: staging and prod at fargate-svc 1.0) on a manual clock. */
export function startDemo(options: ProtonEmulatorOptions = {}): Promise<ProtonEmulator> {
  return ProtonEmulator.start({
    seed: loadSeedFile(exampleSeedPath),
    clock: 'manual',
    deploymentDurationMs: DEPLOYMENT_MS,
    cancellationDurationMs: 200,
    ...options,
  });
}

/** The demo account with component `payments-queue` attached to the prod instance. */
export function startDemoWithComponent(options: ProtonEmulatorOptions = {}): Promise<ProtonEmulator> {
  const demo = loadSeedFile(exampleSeedPath);
  const services = (demo.services ?? []).map((service) => ({
    ...service,
    components: [{ name: 'payments-queue', serviceInstanceName: 'prod' }],
  }));
  return startDemo({ seed: { ...demo, services }, ...options });
}

/** An emulator and an SDK client for it, new in each test. */
export interface PerTest {
  readonly emulator: ProtonEmulator;
  readonly client: ProtonClient;
  /** Stops this test's emulator and starts it again with other options, with a new client. */
  restart(options: ProtonEmulatorOptions): Promise<void>;
}

/**
 * Starts an emulator (the demo account unless `start` says otherwise) and a client for it before each
 * test of the calling block, and stops it after. Read its fields inside tests: they change per test.
 */
export function emulatorPerTest(start: (options?: ProtonEmulatorOptions) => Promise<ProtonEmulator> = startDemo): PerTest {
  const perTest = new EmulatorPerTest(start);
  beforeEach(() => perTest.start());
  afterEach(() => perTest.emulator.stop());
  return perTest;
}

class EmulatorPerTest implements PerTest {
  emulator!: ProtonEmulator;
  client!: ProtonClient;

  constructor(private readonly starter: (options?: ProtonEmulatorOptions) => Promise<ProtonEmulator>) {}

  async start(options?: ProtonEmulatorOptions): Promise<void> {
    this.emulator = await this.starter(options);
    this.client = clientFor(this.emulator);
  }

  async restart(options: ProtonEmulatorOptions): Promise<void> {
    await this.emulator.stop();
    await this.start(options);
  }
}

/** The real SDK client, with one attempt so errors surface as they are answered. */
export function clientFor(emulator: ProtonEmulator): ProtonClient {
  return new ProtonClient({ ...emulator.clientConfig(), maxAttempts: 1 });
}

/** GetServiceInstance of the demo's payments/prod, the instance most tests act on. */
export async function getProd(client: ProtonClient): Promise<ServiceInstance> {
  const { serviceInstance } = await client.send(new GetServiceInstanceCommand({ serviceName: 'payments', name: 'prod' }));
  return serviceInstance!;
}

/** Makes `count` calls one after another; true for each that failed (under a throttling fault: was throttled). */
export async function failedCalls(count: number, send: () => Promise<unknown>): Promise<boolean[]> {
  const outcomes: boolean[] = [];
  for (let call = 0; call < count; call++) {
    outcomes.push(await send().then(() => false, () => true));
  }
  return outcomes;
}

/** A request as it travels, for what the SDK would refuse to send or hides (raw status, headers). */
export async function rawCall(
  emulator: ProtonEmulator,
  operation: string,
  body: unknown,
): Promise<{ status: number; errorType: string | null; json: Record<string, unknown> }> {
  const response = await fetch(emulator.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AwsProton20200720.${operation}` },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    errorType: response.headers.get('x-amzn-errortype'),
    json: (await response.json()) as Record<string, unknown>,
  };
}

/**
 * A whole-service spec for UpdateServiceInstance on a demo instance: its entry with `ownSpec` (YAML
 * flow text), listed last, after the other instance with `{ port: 8080 }`. Not the seed's spec (no
 * pipeline, other values): the update only reads the entry of the instance it updates.
 */
export function demoSpec(instance: 'staging' | 'prod', ownSpec: string): string {
  const other = instance === 'prod' ? 'staging' : 'prod';
  return [
    'proton: ServiceSpec',
    'instances:',
    `  - name: ${other}`,
    `    environment: ${other}`,
    '    spec: { port: 8080 }',
    `  - name: ${instance}`,
    `    environment: ${instance}`,
    `    spec: ${ownSpec}`,
    '',
  ].join('\n');
}
