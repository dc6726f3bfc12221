import { ProtonEmulator, ProtonEmulatorOptions, exampleSeedPath, loadSeedFile } from '../../emulator';
import { SimulatedResource, SynthesizedInstance, loadHandlers, readInstances } from '../../lifecycle';

/** Short timings so a whole lifecycle runs in about a second of real time. */
export const FAST = { PollIntervalSeconds: '0.05', TimeoutSeconds: '30' } as const;

/** The example app's instance of `instanceName`, as synthesized by the global setup. */
export function synthesizedInstance(instanceName: string): SynthesizedInstance {
  const outdir = process.env.E2E_CLOUD_ASSEMBLY;
  if (!outdir) throw new Error('E2E_CLOUD_ASSEMBLY is not set: run through jest (test/e2e/global-setup.ts)');
  const found = readInstances(outdir).find((i) => i.properties.InstanceName === instanceName);
  if (!found) throw new Error(`the example app declares no instance ${instanceName}`);
  return found;
}

export interface Harness {
  readonly emulator: ProtonEmulator;
  /** CloudFormation's view of the example app's `prod` resource, its handler loaded from the assembly. */
  readonly resource: SimulatedResource;
  /** The synthesized properties of `prod`, with FAST timings. */
  readonly props: Record<string, string>;
}

/** An emulator seeded with the example account, and the synthesized `prod` handler pointed at it. */
export async function startHarness(options: ProtonEmulatorOptions = {}, instanceName = 'prod'): Promise<Harness> {
  const emulator = await ProtonEmulator.start({ seed: loadSeedFile(exampleSeedPath), deploymentDurationMs: 150, cancellationDurationMs: 100, ...options });
  const instance = synthesizedInstance(instanceName);
  const handlers = loadHandlers(instance, { endpoint: emulator.endpoint });
  return { emulator, resource: new SimulatedResource(handlers, instance.logicalId), props: { ...instance.properties, ...FAST } };
}
