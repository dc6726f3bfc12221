import { ProtonEmulator, ProtonEmulatorOptions, exampleSeedPath, loadSeedFile } from '../emulator';
import { LoadedHandlers, RequestOutcome, SimulatedResource, SynthesizedInstance, simulate } from '../lifecycle';

/** One synthesized instance's handler, loaded as a fresh Lambda container would, against its own emulator. */
export interface Rig {
  readonly emulator: ProtonEmulator;
  /** The loaded handler module, for resources of other instances to share (one container, one SDK client). */
  readonly handlers: LoadedHandlers;
  readonly resource: SimulatedResource;
  /** Stops the emulator and the CloudFormation stand-in. */
  stop(): Promise<void>;
}

/**
 * An emulator holding the example account (payments: staging and prod at 1.0), or the seed in `options`,
 * and `instance` pointed at it.
 */
export async function startRig(instance: SynthesizedInstance, options: ProtonEmulatorOptions): Promise<Rig> {
  const emulator = await ProtonEmulator.start({ seed: loadSeedFile(exampleSeedPath), ...options });
  const simulation = await simulate(instance, emulator.endpoint);
  return {
    emulator,
    handlers: simulation.handlers,
    resource: simulation.resource,
    stop: async () => {
      await Promise.all([emulator.stop(), simulation.stop()]);
    },
  };
}

/** A benchmark only counts requests that did what they were meant to. */
export function assertSucceeded(outcome: RequestOutcome, doing: string): RequestOutcome {
  if (outcome.status !== 'SUCCESS') throw new Error(`${doing} failed: ${outcome.reason}`);
  return outcome;
}
