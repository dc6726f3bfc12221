import { parse, stringify } from 'yaml';
import { ProtonEmulator, ProtonEmulatorOptions, exampleSeedPath, loadSeedFile } from '../emulator';
import { RequestOutcome, SimulatedResource, SynthesizedInstance, simulate } from '../lifecycle';

/** One synthesized instance's handler, loaded as a fresh Lambda container would, against its own emulator. */
export interface Rig {
  readonly emulator: ProtonEmulator;
  readonly resource: SimulatedResource;
  /** Stops the emulator and the CloudFormation stand-in. */
  stop(): Promise<void>;
}

/** An emulator holding the example account (payments: staging and prod at 1.0), and `instance` pointed at it. */
export async function startExampleRig(instance: SynthesizedInstance, options: ProtonEmulatorOptions): Promise<Rig> {
  const emulator = await ProtonEmulator.start({ seed: loadSeedFile(exampleSeedPath), ...options });
  const simulation = await simulate(instance, emulator.endpoint);
  return {
    emulator,
    resource: simulation.resource,
    stop: async () => {
      await Promise.all([emulator.stop(), simulation.stop()]);
    },
  };
}

/** The service spec with one value of one instance's own spec replaced: a change that deploys. */
export function withInstanceValue(specYaml: string, instanceName: string, key: string, value: unknown): string {
  const doc = parse(specYaml) as { instances: { name: string; spec: Record<string, unknown> }[] };
  const entry = doc.instances.find((candidate) => candidate.name === instanceName);
  if (!entry) throw new Error(`the spec has no instance ${instanceName}`);
  entry.spec = { ...entry.spec, [key]: value };
  return stringify(doc);
}

/** A benchmark only counts requests that did what they were meant to. */
export function assertSucceeded(outcome: RequestOutcome, doing: string): RequestOutcome {
  if (outcome.status !== 'SUCCESS') throw new Error(`${doing} failed: ${outcome.reason}`);
  return outcome;
}
