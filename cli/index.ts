import { ProtonClient } from '@aws-sdk/client-proton';
import { ATTEMPT_TIMEOUTS, ProtonSdk } from '../lambda/proton-sdk';
import { USAGE, UsageError, parseCommand } from './args';
import { declaredInstances } from './assembly';
import { EXIT, exitCode, formatJson, formatPlan } from './format';
import { planInstances } from './preview';

/** `cdk-proton-instance plan`: the wiring. One Proton client per region, closed at the end. */
async function main(argv: readonly string[]): Promise<number> {
  const command = parseCommand(argv);
  if (command.kind === 'help') {
    console.log(USAGE);
    return EXIT.unchanged;
  }
  const instances = declaredInstances(command.app, process.cwd());
  // The SDK inside this bundle is fixed at build time: its notice about Node.js versions of future SDK
  // releases is not for the user of this command.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    console.error(`cdk-proton-instance: ${e.message}`);
    if (e instanceof UsageError) console.error(`\n${USAGE}`);
    process.exitCode = EXIT.error;
  },
);
