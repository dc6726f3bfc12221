// `npm run bench`: the performance figures (calls, time, size, cold start, scaling, rendering) measured on the local emulator, printed as a table and
// written to bench/RESULTS.md. A benchmark, not a test: it reports misses rather than failing on them.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findInstance, synthesize } from '../lifecycle';
import { measureBundles } from './bundle-size';
import { measureCalls } from './calls';
import { COLD_START_PROCESSES, measureColdStart } from './cold-start';
import { MANY_AT_ONCE_LOAD, measureManyAtOnce } from './many-at-once';
import { renderingFigure } from './render';
import { Figure, renderResults, renderTable } from './report';
import { SYNTH_SCALING_RUNS, measureSynthScaling } from './synth-scaling';
import { TIME_TO_GREEN_RUNS, measureTimeToGreen } from './time-to-green';

const ROOT = path.join(__dirname, '..');
const RESULTS = path.join(__dirname, 'RESULTS.md');

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proton-bench-'));
  try {
    step('bundling the handler and synthesizing the example app');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle-handler.mjs')], { stdio: 'inherit' });
    const exampleAssembly = path.join(workDir, 'example');
    synthesize(ROOT, exampleAssembly);
    const prod = findInstance(exampleAssembly, 'prod');

    // Bundles and cold start first, while this process is idle: its emulators and loaded handlers would
    // otherwise share the machine with the processes being timed.
    step('bundle sizes');
    const { figure: bundleFigure, bundles } = await measureBundles(exampleAssembly, prod, workDir);
    step(`cold start (${COLD_START_PROCESSES})`);
    const coldStart = measureColdStart(bundles);
    const figures: Figure[] = [];
    step('Proton calls: a no-op update, and polls while waiting');
    figures.push(...(await measureCalls(prod)));
    step(`extra time to green (${TIME_TO_GREEN_RUNS})`);
    figures.push(await measureTimeToGreen(prod));
    figures.push(bundleFigure, coldStart);
    step(`synth scaling (${SYNTH_SCALING_RUNS})`);
    const scaling = measureSynthScaling(workDir);
    figures.push(scaling.figure);
    step(`many at once (${MANY_AT_ONCE_LOAD})`);
    figures.push(await measureManyAtOnce(scaling.largestAssembly));
    step('rendering');
    figures.push(await renderingFigure());

    const totalSeconds = (Date.now() - benchStarted) / 1000;
    const results = renderResults(figures, {
      command: 'npm run bench',
      date: new Date(),
      node: process.version,
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
      loadBefore,
      loadAfter: os.loadavg(),
      totalSeconds,
    });
    fs.writeFileSync(RESULTS, results);
    console.log(`\n${renderTable(figures)}\n\nWritten to ${path.relative(process.cwd(), RESULTS)} in ${totalSeconds.toFixed(0)} s.`);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

const benchStarted = Date.now();

function step(what: string): void {
  console.error(`bench [${((Date.now() - benchStarted) / 1000).toFixed(0)} s]: ${what}…`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
