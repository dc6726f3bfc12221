import { Clock } from './clock';
import { FaultPlan } from './fault-plan';
import { ProtonState } from './state';

/** What real Proton does not document, so each emulator can choose. */
export interface Behaviour {
  /** How long a deployment runs before it ends. */
  deploymentDurationMs: number;
  /** How long a cancelled deployment stays CANCELLING before it is CANCELLED. */
  cancellationDurationMs: number;
  /** What a FAILED instance shows: its previous versions and spec, or the ones it attempted. */
  failedShows: 'previous' | 'attempted';
}

/** Everything an operation works with: the account's state, the time, the scripted faults and the behaviour. */
export interface Backend {
  readonly state: ProtonState;
  readonly clock: Clock;
  readonly plan: FaultPlan;
  readonly behaviour: Behaviour;
}
