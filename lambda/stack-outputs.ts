// The stack outputs lookup's entry: builds the CloudFormation client once per container (loaded on first use).
import { ATTEMPT_TIMEOUTS } from './attempt-timeouts';
import { CloudFormationSdk } from './cloudformation-sdk';
import * as lookup from './outputs-lookup';

const stacks = new CloudFormationSdk({ retryMode: 'adaptive', maxAttempts: 5, requestHandler: ATTEMPT_TIMEOUTS });

export function onEvent(event: lookup.StackOutputsEvent): Promise<lookup.StackOutputsResult> {
  return lookup.onEvent(event, stacks);
}
