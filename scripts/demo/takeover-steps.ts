/**
 * The takeover part of `npm run demo`: what comes after Proton for a stack it deployed, offline. The example
 * is bin/takeover-example.ts and what a Proton user holds, in bin/proton/. Each step prints what it shows
 * through `out` and returns what it observed, worded as its `expected`; scripts/demo/takeover.ts runs them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand, GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import type { StackCheck } from '../../cli/takeover-check';
import { formatTakeoverCheck } from '../../cli/takeover-format';
import { ServiceInstanceSpec, ServiceTemplateBundle } from '../../lib';
import { CloudFormationStandIn, runCommand, synthesize, withInstanceValue } from '../../lifecycle';
import { TemplateKind, fillDefaults, parseSpecText, parseTemplate, readTemplateBundle, toPlainValue } from '../../render';
import { field, seconds, style } from './terminal';

const REPO = path.join(__dirname, '..', '..');
/** The takeover app, as `cdk synth --app` runs it. */
const APP = 'npx tsx bin/takeover-example.ts';
const PROTON = path.join(REPO, 'bin', 'proton');
const SPEC_FILE = path.join(PROTON, 'payments-spec.yaml');
const OUTPUTS_FILE = path.join(PROTON, 'prod-env-outputs.json');
const bundleDir = (version: string) => path.join(PROTON, 'fargate-service', version);
const templateFile = (version: string) => path.join(bundleDir(version), 'instance_infrastructure', 'cloudformation.yaml');

/** The instance, and the stacks Proton deployed for it and its environment, as the app names them. */
const TAKEOVER = {
  serviceName: 'payments',
  instanceName: 'prod',
  serviceStack: 'AWSProton-payments-prod-cloudformation--HMACANJOICKTLNG',
  environmentStack: 'AWSProton-prod-cloudformation--QYWPQLSESXEMRBY',
} as const;

/** Lines of the rendering shown next to the template's: a Proton filter, a schema default, an environment output. */
const SHOWN_KEYS = ['Family', 'ContainerPort', 'Cluster'];

/** Where the steps play: the CloudFormation stand-in holding Proton's stacks, and a folder for assemblies and edits. */
export class TakeoverWorld {
  static async start(): Promise<TakeoverWorld> {
    return new TakeoverWorld(await CloudFormationStandIn.start(), fs.mkdtempSync(path.join(os.tmpdir(), 'proton-demo-takeover-')));
  }

  /** The instance's template as Proton rendered it, once the first step has rendered it. */
  rendering?: string;
  /** The check lines already shown in full: later checks fold the additions they repeat. */
  readonly shownAdditions = new Set<string>();

  private constructor(
    readonly cloudFormation: CloudFormationStandIn,
    readonly workDir: string,
  ) {}

  async stop(): Promise<void> {
    await this.cloudFormation.stop();
    fs.rmSync(this.workDir, { recursive: true, force: true });
  }
}

export interface TakeoverStep {
  readonly name: string;
  /** What does the work, shown beside the name. */
  readonly tool: string;
  /** Why this step happens, one sentence. */
  readonly story: string;
  /** What the step must observe, in the words `run` returns. */
  readonly expected: string;
  /** Plays the step, printing through `out`; returns what it observed. */
  run(world: TakeoverWorld, out: (line: string) => void): Promise<string>;
}

export function takeoverSteps(): TakeoverStep[] {
  return [
    {
      name: 'Render v1',
      tool: 'ServiceTemplateBundle',
      story: "Proton rendered the instance from template v1, the spec and the environment's outputs: the same rendering, offline.",
      expected: "ContainerPort 8080 (port's default)",
      run: renderAsProtonDid,
    },
    {
      name: 'The stack Proton deployed',
      tool: 'CloudFormation stand-in',
      story: "Proton deployed that rendering as the instance's stack; the environment's stack holds the outputs it read.",
      expected: 'GetTemplate = v1 rendering; 5 outputs',
      run: deployAsProtonDid,
    },
    checkStep({
      name: 'Take over',
      story: "The app renders the same template; the environment's outputs are read at deploy time. Nothing may be replaced.",
      expected: { exit: 0 },
      prepare: () => ({}),
    }),
    checkStep({
      name: 'Spec change',
      story: "desired_count is raised in prod's entry of the spec, before the first deploy: an update in place.",
      expected: { exit: 0, modify: ['Service'] },
      prepare: (world, out) => {
        const spec = withInstanceValue(fs.readFileSync(SPEC_FILE, 'utf8'), TAKEOVER.instanceName, ['spec', 'desired_count'], 3);
        const edited = path.join(world.workDir, 'payments-spec.yaml');
        fs.writeFileSync(edited, spec);
        out(field('edit', `${TAKEOVER.instanceName}'s desired_count 2 → 3, in a copy of ${relative(SPEC_FILE)}`));
        return { spec: edited };
      },
    }),
    checkStep({
      name: 'Move to v2',
      story: 'Template v2 names the log group after the environment: another name, another log group. The spec is as Proton deployed it.',
      expected: { exit: 2, replace: ['LogGroup', 'TaskDefinition'] },
      prepare: (_world, out) => {
        const v1 = new Set(fs.readFileSync(templateFile('v1'), 'utf8').split('\n'));
        const changed = fs.readFileSync(templateFile('v2'), 'utf8').split('\n').filter((line) => !v1.has(line));
        out(field('edit', `template v1 → v2: ${relative(templateFile('v2'))} differs from v1's in`));
        changed.forEach((line) => out(field('', style.dim(line.trim()))));
        return { templateVersion: 'v2' };
      },
    }),
  ];
}

async function renderAsProtonDid(world: TakeoverWorld, out: (line: string) => void): Promise<string> {
  const rendering = ServiceTemplateBundle.fromDirectory(bundleDir('v1')).renderInstance({
    serviceName: TAKEOVER.serviceName,
    instanceName: TAKEOVER.instanceName,
    spec: ServiceInstanceSpec.fromFile(SPEC_FILE),
    environmentOutputs: environmentOutputs(),
  });
  world.rendering = rendering;
  out(field('render', `${relative(bundleDir('v1'))} with ${relative(SPEC_FILE)} and ${relative(OUTPUTS_FILE)}: ${lineCount(rendering)} lines`));
  const defaults = defaultsFilled();
  for (const [input, value] of Object.entries(defaults)) {
    out(field('default', `${input} = ${value}: ${TAKEOVER.instanceName}'s spec leaves it out, the schema's default fills it`));
  }
  const source = fs.readFileSync(templateFile('v1'), 'utf8');
  for (const key of SHOWN_KEYS) {
    out(field('jinja', style.dim(lineWith(source, key))));
    out(field('rendered', lineWith(rendering, key)));
  }
  return `ContainerPort ${containerPort(rendering)}${'port' in defaults ? " (port's default)" : ''}`;
}

/** The port the rendering's container listens on, read as CloudFormation reads the template. */
function containerPort(rendering: string): string {
  type Container = { PortMappings?: { ContainerPort?: unknown }[] };
  type Rendered = { Resources?: { TaskDefinition?: { Properties?: { ContainerDefinitions?: Container[] } } } };
  const template = parseTemplate(rendering, 'the rendering') as Rendered;
  return String(template.Resources?.TaskDefinition?.Properties?.ContainerDefinitions?.[0]?.PortMappings?.[0]?.ContainerPort);
}

async function deployAsProtonDid(world: TakeoverWorld, out: (line: string) => void): Promise<string> {
  if (world.rendering === undefined) throw new Error('there is no rendering to deploy: the render step did not run');
  const { cloudFormation } = world;
  cloudFormation.putStack({ name: TAKEOVER.serviceStack, template: world.rendering });
  cloudFormation.putStack({ name: TAKEOVER.environmentStack, outputs: environmentOutputs() });
  // Read back as takeover-check will read them: through the AWS SDK, from the stand-in's endpoint.
  const client = new CloudFormationClient({ region: 'eu-west-1', endpoint: cloudFormation.endpoint, credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' }, maxAttempts: 1 });
  try {
    const { TemplateBody } = await client.send(new GetTemplateCommand({ StackName: TAKEOVER.serviceStack, TemplateStage: 'Original' }));
    const { Stacks } = await client.send(new DescribeStacksCommand({ StackName: TAKEOVER.environmentStack }));
    const outputs = (Stacks?.[0]?.Outputs ?? []).map((output) => output.OutputKey);
    const same = TemplateBody === world.rendering;
    out(field('stack', `${TAKEOVER.serviceStack}  ${style.dim('GetTemplate:')} ${same ? 'the v1 rendering' : 'not the v1 rendering'}, ${lineCount(TemplateBody ?? '')} lines of YAML`));
    out(field('stack', `${TAKEOVER.environmentStack}  ${style.dim('DescribeStacks:')} ${outputs.length} outputs (${outputs.join(', ')})`));
    return `GetTemplate ${same ? '=' : '≠'} v1 rendering; ${outputs.length} outputs`;
  } finally {
    client.destroy();
  }
}

/** What a check step expects of takeover-check: its exit code and the resources of Proton's it lists. */
interface CheckExpectation {
  readonly exit: number;
  readonly replace?: readonly string[];
  readonly remove?: readonly string[];
  readonly modify?: readonly string[];
}

/** `exit 2; replace LogGroup, TaskDefinition`: resources added are left out, the CDK adds some to any stack. */
function describeCheck({ exit, replace = [], remove = [], modify = [] }: CheckExpectation): string {
  const lists = Object.entries({ replace, remove, modify }).filter(([, ids]) => ids.length > 0);
  return [`exit ${exit}`, ...lists.map(([change, ids]) => `${change} ${ids.join(', ')}`)].join('; ');
}

/**
 * A step that synthesizes the takeover app (with the context `prepare` returns: the change a user made) and
 * runs the built takeover-check against the stand-in.
 */
function checkStep(step: {
  name: string;
  story: string;
  expected: CheckExpectation;
  prepare: (world: TakeoverWorld, out: (line: string) => void) => Record<string, string>;
}): TakeoverStep {
  return {
    name: step.name,
    tool: 'cdk synth, takeover-check',
    story: step.story,
    expected: describeCheck(step.expected),
    run: async (world, out) => {
      const context = step.prepare(world, out);
      const assembly = fs.mkdtempSync(path.join(world.workDir, 'assembly-'));
      const synthStarted = Date.now();
      synthesize(REPO, assembly, APP, context);
      const flags = Object.entries(context).map(([key, value]) => ` -c ${key}=${relative(value)}`).join('');
      out(field('synth', `cdk synth --app "${APP}"${flags}  ${style.dim(seconds(Date.now() - synthStarted))}`));
      const checkStarted = Date.now();
      const run = await takeoverCheck(assembly, world.cloudFormation.endpoint);
      out(field('check', `cdk-proton-instance takeover-check  ${style.dim(`exit ${run.code}, ${seconds(Date.now() - checkStarted)}`)}`));
      if (run.checks === undefined) {
        run.stderr.trimEnd().split('\n').forEach((line) => out(field('', style.red(line))));
        return `exit ${run.code}`;
      }
      const { checks } = run;
      checkLines(world, formatTakeoverCheck(checks)).forEach((line) => out(line && field('', line)));
      const ids = (change: string) => checks.flatMap((check) => check.resources.filter((r) => r.change === change).map((r) => r.logicalId));
      return describeCheck({ exit: run.code, replace: ids('replace'), remove: ids('remove'), modify: ids('modify') });
    },
  };
}

/** The check's text, additions already shown by an earlier check folded into one line. */
function checkLines(world: TakeoverWorld, text: string): string[] {
  const lines = text.trimEnd().split('\n');
  const isAddition = (line: string) => line.startsWith('  add ');
  const repeated = lines.filter((line) => isAddition(line) && world.shownAdditions.has(line));
  lines.filter(isAddition).forEach((line) => world.shownAdditions.add(line));
  if (repeated.length === 0) return lines;
  const firstAddition = lines.findIndex((line) => repeated.includes(line));
  const rest = lines.filter((line) => !repeated.includes(line));
  rest.splice(firstAddition, 0, style.dim(`  add      … the same ${repeated.length} additions as the first check`));
  return rest;
}

interface CheckRun {
  readonly code: number;
  /** The command's findings (`--json`); undefined when it printed none. */
  readonly checks?: StackCheck[];
  readonly stderr: string;
}

/**
 * The built command, as a user runs it, with `--json` so the step can tell what it found; the demo prints
 * the findings through the command's own text formatter, so they read as the command prints them. Dummy
 * credentials and none of the caller's AWS setup: CloudFormation is the stand-in.
 */
async function takeoverCheck(assembly: string, endpoint: string): Promise<CheckRun> {
  const { code, stdout, stderr } = await runCommand(['takeover-check', '--app', assembly, '--json'], { cloudFormationEndpoint: endpoint, region: 'eu-west-1' });
  return { code, stderr, ...(stdout.trim().startsWith('[') ? { checks: JSON.parse(stdout) as StackCheck[] } : {}) };
}

/** The environment stack's outputs, as the user noted them down (`aws cloudformation describe-stacks`). */
function environmentOutputs(): Record<string, string> {
  return JSON.parse(fs.readFileSync(OUTPUTS_FILE, 'utf8'));
}

/** The inputs the instance's spec entry leaves out and v1's schema fills, with the values they get. */
function defaultsFilled(): Record<string, string> {
  const spec = parseSpecText(fs.readFileSync(SPEC_FILE, 'utf8')) as { instances: { name: string; spec: Record<string, unknown> }[] };
  const given = spec.instances.find((instance) => instance.name === TAKEOVER.instanceName)?.spec ?? {};
  const filled = fillDefaults(readTemplateBundle(bundleDir('v1')).schema, TemplateKind.SERVICE_INSTANCE, given);
  return Object.fromEntries(Object.keys(filled).filter((input) => !(input in given)).map((input) => [input, String(toPlainValue(filled[input]))]));
}

/** The first line setting `key`, trimmed: `- ContainerPort: 8080`. */
function lineWith(text: string, key: string): string {
  const line = text.split('\n').find((l) => new RegExp(`^\\s*(- )?${key}:`).test(l));
  if (line === undefined) throw new Error(`no line sets ${key}`);
  return line.trim();
}

function lineCount(text: string): number {
  return text.trimEnd().split('\n').length;
}

/** A path as the user sees it from the repository, `bin/proton/payments-spec.yaml`, or in `$TMPDIR`. */
function relative(file: string): string {
  if (file.startsWith(REPO + path.sep)) return path.relative(REPO, file);
  return file.startsWith(os.tmpdir() + path.sep) ? path.join('$TMPDIR', path.relative(os.tmpdir(), file)) : file;
}
