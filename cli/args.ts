import { parseArgs } from 'node:util';

export const USAGE = `Usage: cdk-proton-instance plan [--app <command|directory>] [--json]

Previews what deploying the app would do to each ProtonServiceInstance, reading Proton only.

  --app <command|directory>  a cloud assembly directory, or a command that runs the app (as cdk's --app),
                             synthesized with \`cdk synth\`; default: the cloud assembly in ./cdk.out
  --json                     one JSON array of instances instead of text
  -h, --help                 this text

Exit code: 0 nothing would change, 2 something would change, 1 error or a deployment that would fail.
Proton is reached with the usual AWS credentials and region (AWS_ENDPOINT_URL_PROTON is honoured).`;

export type Command = { readonly kind: 'help' } | { readonly kind: 'plan'; readonly app?: string; readonly json: boolean };

/** A command line that does not parse; the message is followed by the usage. */
export class UsageError extends Error {}

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { app: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length !== 1 || positionals[0] !== 'plan') {
    throw new UsageError(positionals.length === 0 ? 'no command given' : `unknown command: ${positionals.join(' ')}`);
  }
  return { kind: 'plan', ...(values.app !== undefined ? { app: values.app } : {}), json: values.json === true };
}
