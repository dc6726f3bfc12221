// The isComplete function's entry: builds the clients once per container and wires them to the handler.
import { ProtonClient } from '@aws-sdk/client-proton';
import { AnswerLog } from './answer-record';
import { CloudFormationSdk } from './cloudformation-sdk';
import * as handler from './handler';
import { ATTEMPT_TIMEOUTS } from './attempt-timeouts';
import { ProtonSdk } from './proton-sdk';
import { CompletionEvent, IsCompleteResult } from './resource-event';

// One client per container: its connections and the adaptive retry state outlive a single invocation.
const proton = new ProtonSdk(new ProtonClient({ retryMode: 'adaptive', maxAttempts: 5, requestHandler: ATTEMPT_TIMEOUTS }));
const stacks = new CloudFormationSdk({ retryMode: 'adaptive', maxAttempts: 3 });
// What this container saw of Proton's answers to the requests it polls, for a verdict on Proton's silence.
const answers = new AnswerLog();

export function isComplete(event: CompletionEvent): Promise<IsCompleteResult> {
  return handler.isComplete(event, proton, stacks, Date.now(), answers);
}
