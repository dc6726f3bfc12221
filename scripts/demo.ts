/**
 * `npm run demo`: the construct's job without an AWS account. Synthesizes the example app, loads the
 * handler `cdk deploy` would upload from the cloud assembly, and plays the custom resource's
 * CloudFormation lifecycle against the local Proton emulator, as the Provider framework would. Then the
 * takeover part (scripts/demo/takeover.ts): a stack Proton left, taken over by a CDK app and checked.
 * Exits non-zero when a step does not behave as expected.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProtonClient } from '@aws-sdk/client-proton';
import { instanceLines } from '../cli/format';
import { ProtonReader, planInstances } from '../cli/preview';
import { ProtonEmulator, exampleSeedPath } from '../emulator';
import { ProtonSdk } from '../lambda/proton-sdk';
import { RequestOutcome, RunOptions, Simulation, SimulatedResource, SynthesizedInstance, findInstance, handlerModuleFile, readInstances, simulate, synthesize } from '../lifecycle';
import { Observed, describeCalls, describeChange, describeDecision, describeOutcome, mismatches } from './demo/report';
import { DemoStep, INSTANCE, Props, demoSeed, demoSteps, sendStep } from './demo/steps';
import { takeoverPart } from './demo/takeover';
import { LiveLine, count, field, seconds, style, table } from './demo/terminal';

/** Long enough to watch a deployment run, short enough for the whole lifecycle to take seconds. */
const DEPLOYMENT_MS = 1500;
const POLL_SECONDS = '0.5';

// The bundled handler and the preview's client run in this process, and the AWS SDK warns that Node 20
// support ends in 2027. That warning is about the Lambda runtime, not the demo: the SDK's own switch
// turns off exactly that one, and every other warning still shows (NODE_NO_WARNINGS would hide them all).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

interface StepResult {
  readonly step: DemoStep;
  readonly observed: Observed;
  readonly problems: string[];
}

async function main(): Promise<number> {
  const lifecycleBehaved = await lifecycle();
  const takeoverBehaved = await takeoverPart();
  console.log();
  console.log(finalLine(lifecycleBehaved, takeoverBehaved));
  return lifecycleBehaved && takeoverBehaved ? 0 : 1;
}

/** The demo's verdict: both parts, or which did not behave as expected. */
function finalLine(lifecycleBehaved: boolean, takeoverBehaved: boolean): string {
  if (lifecycleBehaved && takeoverBehaved) return style.green('Demo: the lifecycle and the takeover behaved as expected.');
  const failed = [...(lifecycleBehaved ? [] : ['the lifecycle']), ...(takeoverBehaved ? [] : ['the takeover'])];
  return style.red(`Demo: ${failed.join(' and ')} did not behave as expected.`);
}

/** The first part: the custom resource's lifecycle; true when each step behaved as expected. */
async function lifecycle(): Promise<boolean> {
  const started = Date.now();
  console.log(style.bold('cdk-proton-instance demo') + style.dim(': the custom resource\'s lifecycle on a local Proton, no AWS account'));
  console.log();

  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'proton-demo-assembly-'));
  const emulator = await ProtonEmulator.start({ seed: demoSeed(), deploymentDurationMs: DEPLOYMENT_MS });
  const previewClient = new ProtonClient(emulator.clientConfig());
  let simulation: Simulation | undefined;
  try {
    const instance = synthesizeExample(outdir);
    const synthMs = Date.now() - started;
    const before = instanceNow(emulator);
    console.log(`Proton emulator on ${emulator.endpoint}, seeded with ${path.relative(process.cwd(), exampleSeedPath)} (+ template version 1.2)`);
    console.log(field('', `payments/prod is at ${before?.templateMajorVersion}.${before?.templateMinorVersion}; deployments take ${seconds(DEPLOYMENT_MS)}`));
    console.log(field('', `the handler polls every ${POLL_SECONDS} s (synthesized: ${instance.properties.PollIntervalSeconds} s)`));

    const proton = new ProtonSdk(previewClient);
    simulation = await simulate(instance, emulator.endpoint);
    const { resource } = simulation;
    const steps = demoSteps({ ...instance.properties, PollIntervalSeconds: POLL_SECONDS });
    const results: StepResult[] = [];
    let lastSent: Props | undefined;
    for (const [index, step] of steps.entries()) {
      console.log();
      console.log(`${style.bold(`[${index + 1}/${steps.length}] ${step.name}`)}  ${style.dim('CloudFormation sends')} ${style.cyan(step.request)}`);
      console.log(field('', style.dim(step.story)));
      const props = propsToSend(step, resource, lastSent);
      if (props) {
        describeChange(lastSent, props).forEach((line) => console.log(line));
        await printPreview(instance, props, proton);
        lastSent = props;
      }
      results.push(await runStep(step, props, resource, emulator));
    }
    printSummary(results, synthMs, Date.now() - started - synthMs);
    return results.every((r) => r.problems.length === 0);
  } finally {
    previewClient.destroy();
    await Promise.all([emulator.stop(), simulation?.stop()]);
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Synthesizes bin/example.ts into `outdir` as `cdk deploy` would, and finds the prod instance in the cloud assembly. */
function synthesizeExample(outdir: string): SynthesizedInstance {
  console.log('Synthesizing the example app (cdk synth)…');
  const started = Date.now();
  synthesize(path.join(__dirname, '..'), outdir);
  const instances = readInstances(outdir);
  const prod = findInstance(outdir, INSTANCE.instanceName);
  const stacks = [...new Set(instances.map((i) => i.stackName))].join(', ');
  const found = `${count(instances.length, 'ProtonServiceInstance')} in ${stacks} (${instances.map((i) => i.logicalId).join(', ')})`;
  console.log(field('', `done in ${seconds(Date.now() - started)}: ${found}`));
  const asset = path.relative(outdir, handlerModuleFile(prod.isComplete)).replace(/^(asset\.\w{8})\w+/, '$1…');
  console.log(field('', `handler of ${prod.logicalId}: ${asset}, the asset cdk deploy would upload`));
  return prod;
}

/** The properties CloudFormation sends: the step's for Create and Update, its own for rollback and Delete. */
function propsToSend(step: DemoStep, resource: SimulatedResource, lastSent: Props | undefined): Props | undefined {
  if (step.props) return step.props(resource.properties ?? lastSent ?? {});
  return step.request === 'Update (rollback)' ? resource.properties : undefined;
}

/**
 * What `cdk-proton-instance plan` shows before the step: the handler's own planner on Proton's current
 * state. Its reads happen before the step's call log starts, so they don't count as the step's.
 */
async function printPreview(instance: SynthesizedInstance, props: Props, proton: ProtonReader): Promise<void> {
  const previews = await planInstances([{ ...instance, properties: props }], () => proton);
  previews.flatMap(instanceLines).forEach((line) => console.log(field('preview', style.dim(line))));
}

async function runStep(step: DemoStep, props: Props | undefined, resource: SimulatedResource, emulator: ProtonEmulator): Promise<StepResult> {
  step.arrange?.(emulator);
  emulator.calls.clear();
  const startDeployment = instanceNow(emulator)?.lastAttemptedDeploymentId;
  let polls = 0;
  const live = new LiveLine(() => {
    const now = instanceNow(emulator);
    const deployment = now?.lastAttemptedDeploymentId;
    if (!deployment || deployment === startDeployment) return undefined;
    return `poll ${polls} · deployment ${deployment.slice(0, 8)} ${statusColor(String(now?.deploymentStatus))}`;
  });
  const options: RunOptions = {
    beforePoll: (poll) => {
      polls = poll;
      live.refresh();
    },
    onDecision: (decision) => describeDecision(decision).forEach((line) => live.print(line)),
  };
  let outcome: RequestOutcome;
  try {
    outcome = await sendStep(step, props, resource, options);
  } finally {
    live.stop();
  }

  console.log(field('proton', describeCalls(emulator.calls.entries)));
  const observed = observe(outcome, emulator);
  console.log(field('', style.dim([count(observed.reads, 'read'), count(observed.writes, 'write'), count(observed.polls, 'poll'), seconds(observed.durationMs)].join(', '))));
  describeOutcome(outcome, step.expect).forEach((line) => console.log(line));
  const problems = mismatches(step.expect, observed);
  problems.forEach((problem) => console.log(field('', style.red(`✗ not as expected: ${problem}`))));
  return { step, observed, problems };
}

function observe(outcome: RequestOutcome, emulator: ProtonEmulator): Observed {
  const updates = emulator.calls.of('UpdateServiceInstance').map((call) => (call.input as { deploymentType?: string }).deploymentType);
  const creates = emulator.calls.count('CreateServiceInstance');
  const instance = instanceNow(emulator);
  return {
    result: outcome.status,
    deployment: [...new Set([...updates, ...(creates ? ['CreateServiceInstance'] : [])])].join(', ') || 'no change',
    version: `${instance?.templateMajorVersion}.${instance?.templateMinorVersion}`,
    reads: emulator.calls.readCount(),
    writes: emulator.calls.writeCount(),
    polls: outcome.polls,
    durationMs: outcome.durationMs,
  };
}

/** The demo's instance as Proton holds it now. */
function instanceNow(emulator: ProtonEmulator) {
  return emulator.state.instance(INSTANCE.serviceName, INSTANCE.instanceName);
}

function statusColor(status: string): string {
  if (status === 'SUCCEEDED') return style.green(status);
  if (status === 'FAILED' || status === 'CANCELLED') return style.red(status);
  return style.yellow(status);
}

function printSummary(results: StepResult[], synthMs: number, lifecycleMs: number): void {
  console.log();
  console.log(style.bold('Summary'));
  const rows = results.map(({ step, observed, problems }, i) => [
    String(i + 1),
    step.name,
    step.request,
    observed.deployment,
    String(observed.reads),
    String(observed.writes),
    String(observed.polls),
    seconds(observed.durationMs),
    resultCell(observed, problems),
  ]);
  const header = ['#', 'step', 'request', 'deploymentType', 'reads', 'writes', 'polls', 'time', 'result'];
  table(header, rows, new Set([0, 4, 5, 6, 7])).forEach((line) => console.log(`  ${line}`));
  console.log();
  const failed = results.filter((r) => r.problems.length > 0);
  const verdict = failed.length === 0
    ? style.green(`All ${results.length} steps behaved as expected.`)
    : style.red(`${failed.length} of ${results.length} steps did not behave as expected: ${failed.map((r) => r.step.name).join(', ')}.`);
  console.log(`${verdict} ${style.dim(`Lifecycle ${seconds(lifecycleMs)}, synth ${seconds(synthMs)}.`)}`);
}

function resultCell(observed: Observed, problems: string[]): string {
  if (problems.length > 0) return style.red(`✗ ${observed.result}`);
  if (observed.result === 'FAILED') return style.yellow(`✓ FAILED (expected)`);
  return style.green(`✓ ${observed.result}`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(style.red(`demo failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
    process.exitCode = 1;
  },
);
