import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SynthesizedInstance, readInstances } from '../lifecycle';
import { Figure } from './report';
import { elapsedMs, inWords, kb, listed, median, ms, ratio } from './stats';

/** Instances in the apps synthesized, smallest first. */
const COUNTS = [1, 10, 100];
const RUNS = 3;
const TIME_RATIO_TARGET = 3;
const BYTES_PER_INSTANCE_TARGET = 1500;

/** One synth of the generated app in a fresh process. */
interface Synth {
  readonly processMs: number;
  /** Building and synthesizing the app, measured inside the process once its modules are loaded. */
  readonly appMs: number;
  readonly templateBytes: number;
}

const SMALLEST_COUNT = COUNTS[0];
/** The largest app's instance count: the many-at-once figure runs on that app. */
export const LARGEST_COUNT = COUNTS[COUNTS.length - 1];

/** The synths the figure runs, for the benchmark's progress line. */
export const SYNTH_SCALING_RUNS = `${RUNS * COUNTS.length} synths of ${listed(COUNTS)} instances`;

export interface SynthScaling {
  readonly figure: Figure;
  /** The cloud assembly of the largest app, for the many-at-once figure. */
  readonly largestAssembly: string;
}

/** Synth time and template size for each of COUNTS instances in one stack, RUNS fresh processes each, interleaved. */
export function measureSynthScaling(workDir: string): SynthScaling {
  const synths = new Map<number, Synth[]>(COUNTS.map((count) => [count, []]));
  const outdirOf = (count: number, run: number) => path.join(workDir, `synth-${count}-${run}`);
  for (let run = 0; run < RUNS; run++) {
    for (const count of COUNTS) {
      synths.get(count)!.push(synth(count, outdirOf(count, run)));
    }
  }
  const largestAssembly = outdirOf(LARGEST_COUNT, RUNS - 1);
  const at = (count: number) => {
    const runs = synths.get(count)!;
    return { processMs: median(runs.map((s) => s.processMs)), appMs: median(runs.map((s) => s.appMs)), templateBytes: runs[0].templateBytes };
  };
  const smallest = at(SMALLEST_COUNT);
  const largest = at(LARGEST_COUNT);
  const extraInstances = LARGEST_COUNT - SMALLEST_COUNT;
  const timeRatio = largest.processMs / smallest.processMs;
  const perInstance = (largest.templateBytes - smallest.templateBytes) / extraInstances;
  const instances = readInstances(largestAssembly);
  const specBytes = instances[0].properties.Spec.length;
  const met = timeRatio <= TIME_RATIO_TARGET && perInstance <= BYTES_PER_INSTANCE_TARGET;
  return {
    largestAssembly,
    figure: {
      name: 'synth scaling',
      measured: `${LARGEST_COUNT} instances ${ratio(timeRatio)} the time of ${SMALLEST_COUNT} (${ms(largest.processMs)} vs ${ms(smallest.processMs)}); ${kb(perInstance)} of template per extra instance`,
      target: `${LARGEST_COUNT} ≤ ${TIME_RATIO_TARGET}× the time of ${SMALLEST_COUNT}; ≤ ${kb(BYTES_PER_INSTANCE_TARGET)} per extra instance`,
      met,
      notes: [
        `bench/synth-app.ts: one stack with N instances sharing one provider, ${inWords(instancesPerService(instances))} to a service, each with a spec holding its own entry, the size of the example's; synthesized by \`node --import tsx\` in a fresh process, ${RUNS} runs per N, interleaved; medians.`,
        '"process" is the whole fresh process (node, tsx, loading aws-cdk-lib, the app, writing the assembly): what a synth costs, bar the CDK CLI around it. "app" runs from the app\'s first statement to the end of `app.synth()`, which includes aws-cdk-lib\'s own template validation (@aws/cloudformation-validate, a WASM engine started once per synth). Most of a synth is that fixed cost, whatever N.',
        `Per extra instance: (bytes(${LARGEST_COUNT}) − bytes(${SMALLEST_COUNT})) / ${extraInstances} = ${Math.round(perInstance)} bytes, of which ${specBytes} are the instance's spec (YAML, before JSON escaping). Ratio of "app" alone, ${LARGEST_COUNT} to ${SMALLEST_COUNT}: ${ratio(largest.appMs / smallest.appMs)}.`,
      ],
      table: [
        ['instances', 'process', 'app', 'template'],
        ...COUNTS.map((count) => {
          const s = at(count);
          return [String(count), ms(s.processMs), ms(s.appMs), `${s.templateBytes.toLocaleString('en')} bytes`];
        }),
      ],
    },
  };
}

/** How many instances each service of a synthesized app holds (synth-app.ts deals them out evenly). */
export function instancesPerService(instances: readonly SynthesizedInstance[]): number {
  return instances.length / new Set(instances.map((instance) => instance.properties.ServiceName)).size;
}

function synth(count: number, outdir: string): Synth {
  const started = process.hrtime.bigint();
  const output = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'synth-app.ts'), String(count), outdir], {
    cwd: path.join(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const processMs = elapsedMs(started);
  return { processMs, appMs: Number(output.toString()), templateBytes: fs.statSync(path.join(outdir, 'ManyInstances.template.json')).size };
}
