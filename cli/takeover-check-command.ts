import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ATTEMPT_TIMEOUTS } from '../lambda/attempt-timeouts';
import { Command } from './args';
import { readCloudAssembly } from './assembly';
import { loadDiffLibrary } from './diff-library';
import { CloudFormationLiveStacks, LiveStacks } from './live-stacks';
import { checkStacks } from './takeover-check';
import { formatTakeoverCheck, formatTakeoverJson, stackLabel, takeoverExitCode } from './takeover-format';
import { readTakeoverStacks } from './takeover-stacks';

/**
 * `cdk-proton-instance takeover-check`: the wiring. The diff library first (without it there is nothing
 * to check with), then the app's takeover stacks, one CloudFormation client per region, closed at the end.
 */
export async function runTakeoverCheck(command: Extract<Command, { kind: 'takeover-check' }>): Promise<number> {
  const library = loadDiffLibrary(process.cwd());
  const stacks = readCloudAssembly(command.app, process.cwd(), readTakeoverStacks);
  const clients = new Map<string, CloudFormationClient>();
  const liveFor = (region: string | undefined): LiveStacks => {
    const key = region ?? '';
    // Three attempts of at most 9 s each, as plan's: a CloudFormation that does not answer fails the check within 30 s.
    if (!clients.has(key)) clients.set(key, new CloudFormationClient({ ...(region ? { region } : {}), maxAttempts: 3, requestHandler: ATTEMPT_TIMEOUTS }));
    return new CloudFormationLiveStacks(clients.get(key)!);
  };
  try {
    const checks = await checkStacks(stacks, liveFor, library);
    process.stdout.write(command.json ? formatTakeoverJson(checks) : formatTakeoverCheck(checks));
    for (const check of checks) {
      if (check.error !== undefined) console.error(`cdk-proton-instance: ${stackLabel(check)}: ${check.error}`);
    }
    return takeoverExitCode(checks);
  } finally {
    clients.forEach((client) => client.destroy());
  }
}
