import { ProtonClient } from '@aws-sdk/client-proton';
import { ATTEMPT_TIMEOUTS } from '../lambda/attempt-timeouts';
import { ProtonSdk } from '../lambda/proton-sdk';
import { Command } from './args';
import { declaredInstances } from './assembly';
import { exitCode, formatJson, formatPlan } from './format';
import { planInstances } from './preview';

/** `cdk-proton-instance plan`: the wiring. One Proton client per region, closed at the end. */
export async function runPlan(command: Extract<Command, { kind: 'plan' }>): Promise<number> {
  const instances = declaredInstances(command.app, process.cwd());
  const clients = new Map<string, ProtonClient>();
  const protonFor = (region: string | undefined) => {
    const key = region ?? '';
    // Three attempts of at most 9 s each: a Proton that does not answer fails the plan within 30 s.
    if (!clients.has(key)) clients.set(key, new ProtonClient({ ...(region ? { region } : {}), maxAttempts: 3, requestHandler: ATTEMPT_TIMEOUTS }));
    return new ProtonSdk(clients.get(key)!);
  };
  try {
    const previews = await planInstances(instances, protonFor);
    process.stdout.write(command.json ? formatJson(previews) : formatPlan(previews));
    return exitCode(previews);
  } finally {
    clients.forEach((client) => client.destroy());
  }
}
