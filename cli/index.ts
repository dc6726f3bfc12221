import { UsageError, parseCommand, usage } from './args';
import { EXIT } from './format';
import { runPlan } from './plan-command';
import { runRender } from './render-command';
import { runTakeoverCheck } from './takeover-check-command';

/** `cdk-proton-instance <command>`: parses the command line and hands it to its subcommand. */
async function main(argv: readonly string[]): Promise<number> {
  const command = parseCommand(argv);
  // The SDK inside this bundle is fixed at build time: its notice about Node.js versions of future SDK
  // releases is not for the user of this command.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  switch (command.kind) {
    case 'help':
      console.log(usage(command.command));
      return EXIT.unchanged;
    case 'plan':
      return runPlan(command);
    case 'takeover-check':
      return runTakeoverCheck(command);
    case 'render':
      return runRender(command);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    console.error(`cdk-proton-instance: ${e.message}`);
    if (e instanceof UsageError) console.error(`\n${usage(e.command)}`);
    process.exitCode = EXIT.error;
  },
);
