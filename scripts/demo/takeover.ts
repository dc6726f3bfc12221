/**
 * The second part of `npm run demo`: the way forward for a stack Proton left, offline. Plays the steps of
 * scripts/demo/takeover-steps.ts on a local CloudFormation stand-in, shows each, and sums them up.
 */
import { TakeoverStep, TakeoverWorld, takeoverSteps } from './takeover-steps';
import { field, seconds, style, table } from './terminal';

interface StepResult {
  readonly step: TakeoverStep;
  readonly got: string;
  readonly durationMs: number;
}

/** Plays the takeover steps; true when each behaved as expected. */
export async function takeoverPart(): Promise<boolean> {
  const started = Date.now();
  console.log();
  console.log(style.bold('After Proton') + style.dim(': the stack Proton left, taken over by a CDK app, checked before any deploy; no AWS account'));
  console.log();
  const world = await TakeoverWorld.start();
  try {
    console.log(`CloudFormation stand-in on ${world.cloudFormation.endpoint}; the app is bin/takeover-example.ts, what Proton's user holds is in bin/proton/`);
    const steps = takeoverSteps();
    const results: StepResult[] = [];
    for (const [index, step] of steps.entries()) {
      console.log();
      console.log(`${style.bold(`[${index + 1}/${steps.length}] ${step.name}`)}  ${style.cyan(step.tool)}`);
      console.log(field('', style.dim(step.story)));
      results.push(await runStep(step, world));
    }
    printSummary(results, Date.now() - started);
    return results.every(behaved);
  } finally {
    await world.stop();
  }
}

async function runStep(step: TakeoverStep, world: TakeoverWorld): Promise<StepResult> {
  const started = Date.now();
  let got: string;
  try {
    got = await step.run(world, (line) => console.log(line));
  } catch (error) {
    got = `error: ${error instanceof Error ? error.message : String(error)}`;
  }
  const result = { step, got, durationMs: Date.now() - started };
  const verdict = behaved(result) ? style.green(`✓ ${got}`) : style.red(`✗ not as expected: expected ${step.expected}, got ${got}`);
  console.log(field('result', verdict));
  return result;
}

function behaved({ step, got }: StepResult): boolean {
  return got === step.expected;
}

function printSummary(results: StepResult[], durationMs: number): void {
  console.log();
  console.log(style.bold('Summary'));
  const rows = results.map((result, i) => [
    String(i + 1),
    result.step.name,
    result.step.expected,
    behaved(result) ? result.got : style.red(result.got),
    seconds(result.durationMs),
    behaved(result) ? style.green('✓') : style.red('✗'),
  ]);
  table(['#', 'step', 'expected', 'got', 'time', 'result'], rows, new Set([0, 4])).forEach((line) => console.log(`  ${line}`));
  console.log();
  const failed = results.filter((result) => !behaved(result));
  const verdict =
    failed.length === 0
      ? style.green(`All ${results.length} takeover steps behaved as expected.`)
      : style.red(`${failed.length} of ${results.length} takeover steps did not behave as expected: ${failed.map((r) => r.step.name).join(', ')}.`);
  console.log(`${verdict} ${style.dim(`Takeover ${seconds(durationMs)}.`)}`);
}
