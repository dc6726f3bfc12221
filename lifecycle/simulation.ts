import { SynthesizedInstance } from './cloud-assembly';
import { CloudFormationStandIn } from './cloudformation-stand-in';
import { LoadedHandlers, loadHandlers } from './handler-module';
import { SimulatedResource } from './simulated-resource';

export interface SimulationOptions {
  /** The stack the resource's requests come from. @default - SimulatedResource's stack */
  readonly stackId?: string;
}

/** One synthesized instance's handlers pointed at a Proton endpoint, and CloudFormation's side of its resource. */
export interface Simulation {
  readonly handlers: LoadedHandlers;
  /** The instance's resource: it tells the CloudFormation stand-in the stack's status as it sends requests. */
  readonly resource: SimulatedResource;
  /** Stops the CloudFormation stand-in; the Proton endpoint is the caller's. */
  stop(): Promise<void>;
}

/** Starts a CloudFormation stand-in and loads the instance's handlers against it and the Proton endpoint. */
export async function simulate(instance: SynthesizedInstance, protonEndpoint: string, options: SimulationOptions = {}): Promise<Simulation> {
  const cloudFormation = await CloudFormationStandIn.start();
  try {
    const handlers = await loadHandlers(instance, { endpoint: protonEndpoint, cloudFormationEndpoint: cloudFormation.endpoint });
    return {
      handlers,
      resource: new SimulatedResource(handlers, instance.logicalId, options.stackId, cloudFormation),
      stop: () => cloudFormation.stop(),
    };
  } catch (e) {
    await cloudFormation.stop();
    throw e;
  }
}
