import { ParseArgsConfig, parseArgs } from 'node:util';
import type { RenderCommand } from './render-command';

const APP_OPTION = `  --app <command|directory>  a cloud assembly directory, or a command that runs the app (as cdk's --app),
                             synthesized with \`cdk synth\`; default: the cloud assembly in ./cdk.out`;

const PLAN_USAGE = `Usage: cdk-proton-instance plan [--app <command|directory>] [--json]

Previews what deploying the app would do to each ProtonServiceInstance, reading Proton only.

${APP_OPTION}
  --json                     one JSON array of instances instead of text
  -h, --help                 this text

Exit code: 0 nothing would change, 2 something would change, 1 error or a deployment that would fail.
Proton is reached with the usual AWS credentials and region (AWS_ENDPOINT_URL_PROTON is honoured).`;

const TAKEOVER_CHECK_USAGE = `Usage: cdk-proton-instance takeover-check [--app <command|directory>] [--json]

Before the first \`cdk deploy\` of a ServiceInstanceStack or EnvironmentStack: compares each takeover stack of
the app with the stack Proton deployed (its template as submitted), and lists the resources deploying it
would replace, remove, modify or add. Reads CloudFormation only. Needs @aws-cdk/cloudformation-diff in the app.

${APP_OPTION}
  --json                     one JSON array of stacks instead of text
  -h, --help                 this text

Exit code: 0 no resource would be replaced or removed (modified and added ones are listed), 2 a resource
would be replaced or removed (or may be: look before deploying), 1 error (named on stderr).
CloudFormation is reached with the usual AWS credentials, in each stack's region
(AWS_ENDPOINT_URL_CLOUDFORMATION is honoured).`;

const RENDER_USAGE = `Usage: cdk-proton-instance render --template <version dir> --spec <file>
           [--instance NAME --service NAME] | [--environment-name NAME]
           [--environment-outputs <file.json>] [--component-outputs <file.json>]
           [--component-names <file.json>] [--environment-account-id ID]

Prints the CloudFormation template Proton rendered from one version of a template bundle and a spec: the
schema's defaults filled in, the inputs checked, the Jinja template rendered as Proton rendered it.

  --template <dir>               one version of a template bundle (schema/ and instance_infrastructure/ or
                                 infrastructure/)
  --spec <file>                  a spec file: \`proton: ServiceSpec\` renders the instance --instance names,
                                 \`proton: EnvironmentSpec\` the environment
  --instance <name>              the instance to render (its entry under the spec's instances)
  --service <name>               the service it belongs to (service.name)
  --environment-name <name>      the environment's name (environment.name), for an EnvironmentSpec
  --environment-outputs <file>   JSON object of the environment's outputs (environment.outputs.<name>)
  --component-outputs <file>     JSON object of attached components' outputs by slot:
                                 { "default": { "<name>": "<value>" } }
  --component-names <file>       JSON object of attached components' names by slot: { "default": "<name>" }
  --environment-account-id <id>  the environment's account (environment.account_id)
  -h, --help                     this text

Exit code: 0 rendered (on stdout), 1 a problem, on stderr, naming the file and, for an input, the input and
the rule it breaks. Reads files only.`;

/** `--app` and `--json`, as `plan` and `takeover-check` take them. */
const APP_AND_JSON = { app: { type: 'string' }, json: { type: 'boolean' } } as const;

/** What parseArgs read: an option's value, or its values when it is `multiple`. */
type Values = { readonly [option: string]: string | boolean | (string | boolean)[] | undefined };

/**
 * One subcommand: its usage, what it takes beside --help (parseArgs' options; a name used by two
 * subcommands must have the same type in both) and how many positionals, and its Command from those.
 */
interface Subcommand {
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly positionals: number;
  command(values: Values, positionals: readonly string[]): Command;
}

export type Command =
  | { readonly kind: 'help'; readonly command?: CommandName }
  | { readonly kind: 'plan'; readonly app?: string; readonly json: boolean }
  | { readonly kind: 'takeover-check'; readonly app?: string; readonly json: boolean }
  | ({ readonly kind: 'render' } & RenderCommand);

export type CommandName = Exclude<Command['kind'], 'help'>;

/**
 * The subcommands, in the order the usage lists them. Adding one: its entry here, its member of
 * Command, and its case in index.ts (which the compiler asks for).
 */
const SUBCOMMANDS: { readonly [name in CommandName]: Subcommand } = {
  plan: {
    summary: 'previews what deploying the app would do to each ProtonServiceInstance, reading Proton only',
    usage: PLAN_USAGE,
    options: APP_AND_JSON,
    positionals: 0,
    command: (values) => ({ kind: 'plan', ...appAndJson(values) }),
  },
  'takeover-check': {
    summary: 'compares each takeover stack with the stack Proton deployed, before the first cdk deploy',
    usage: TAKEOVER_CHECK_USAGE,
    options: APP_AND_JSON,
    positionals: 0,
    command: (values) => ({ kind: 'takeover-check', ...appAndJson(values) }),
  },
  render: {
    summary: 'prints the template Proton rendered from a template bundle version and a spec',
    usage: RENDER_USAGE,
    options: {
      template: { type: 'string' },
      spec: { type: 'string' },
      instance: { type: 'string' },
      service: { type: 'string' },
      'environment-name': { type: 'string' },
      'environment-outputs': { type: 'string' },
      'component-outputs': { type: 'string' },
      'component-names': { type: 'string' },
      'environment-account-id': { type: 'string' },
    },
    positionals: 0,
    command: (values) => ({
      kind: 'render',
      template: requiredOption(values, 'template'),
      spec: requiredOption(values, 'spec'),
      ...optionalStrings(values, {
        instance: 'instance',
        service: 'service',
        environmentName: 'environment-name',
        environmentOutputs: 'environment-outputs',
        componentOutputs: 'component-outputs',
        componentNames: 'component-names',
        environmentAccountId: 'environment-account-id',
      }),
    }),
  },
};

/** The usage of one subcommand, or of them all. */
export function usage(command?: CommandName): string {
  if (command) return SUBCOMMANDS[command].usage;
  const names = Object.keys(SUBCOMMANDS) as CommandName[];
  const width = Math.max(...names.map((name) => name.length));
  const synopses = names.map((name, i) => `${i === 0 ? 'Usage: ' : '       '}${SUBCOMMANDS[name].usage.split('\n')[0].slice('Usage: '.length)}`);
  return [
    ...synopses,
    '       cdk-proton-instance <command> --help',
    '',
    ...names.map((name) => `  ${name.padEnd(width)}  ${SUBCOMMANDS[name].summary}`),
  ].join('\n');
}

/** A command line that does not parse; the message is followed by the usage (of `command` when known). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv);
  const [name, ...rest] = positionals;
  if (name === undefined) {
    if (values.help) return { kind: 'help' };
    throw new UsageError('no command given');
  }
  if (!isCommandName(name)) throw new UsageError(`unknown command: ${positionals.join(' ')}`);
  const subcommand = SUBCOMMANDS[name];
  if (values.help) return { kind: 'help', command: name };
  const foreign = Object.keys(values).filter((option) => !(option in subcommand.options));
  if (foreign.length > 0) throw new UsageError(`${name} takes no --${foreign[0]}`, name);
  if (rest.length !== subcommand.positionals) throw new UsageError(`unexpected argument: ${rest.join(' ')}`, name);
  return subcommand.command(values, rest);
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: allOptions(), allowPositionals: true });
  } catch (e) {
    throw new UsageError((e as Error).message, argv.find(isCommandName));
  }
}

/** Every subcommand's options and --help: the first pass finds the subcommand, which then checks its own. */
function allOptions(): NonNullable<ParseArgsConfig['options']> {
  return Object.assign({ help: { type: 'boolean', short: 'h' } }, ...Object.values(SUBCOMMANDS).map((s) => s.options));
}

function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(SUBCOMMANDS, name);
}

function requiredOption(values: Values, option: string): string {
  const value = values[option];
  if (typeof value !== 'string') throw new UsageError(`render needs --${option}`, 'render');
  return value;
}

/** The string options given, under the names the command takes them by. */
function optionalStrings<K extends string>(values: Values, names: Record<K, string>): Partial<Record<K, string>> {
  return Object.fromEntries(
    Object.entries<string>(names)
      .filter(([, option]) => typeof values[option] === 'string')
      .map(([key, option]) => [key, values[option]]),
  ) as Partial<Record<K, string>>;
}

function appAndJson(values: Values): { app?: string; json: boolean } {
  return { ...(typeof values.app === 'string' ? { app: values.app } : {}), json: values.json === true };
}
