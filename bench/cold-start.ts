import { execFileSync } from 'node:child_process';
import { Bundles } from './bundle-size';
import { Figure } from './report';
import { elapsedMs, median, ms, ratio } from './stats';

const RUNS = 20;
const TARGET_RATIO = 1.1;

/** What a fresh Lambda container pays before its first invocation: a new node process requiring the bundle. */
interface Timings {
  /** Inside the child, around `require`. */
  readonly requireMs: number[];
  /** The whole child process, from spawn to exit. */
  readonly processMs: number[];
}

/** The child: time the require alone, and print it. */
const CHILD = 'const t=process.hrtime.bigint();require(process.argv[1]);process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))';
const CHILD_ENV = { ...process.env, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench' };

/**
 * Requires each bundle in RUNS fresh node processes, interleaved (handler, SDK, SDK, handler, …) so
 * the machine's noise falls on all of them alike.
 */
export function measureColdStart(bundles: Bundles): Figure {
  const files = [bundles.handler, bundles.sdkStock, bundles.sdkTuned];
  const timings = files.map((): Timings => ({ requireMs: [], processMs: [] }));
  for (let run = 0; run < RUNS; run++) {
    files.forEach((file, i) => time(file, timings[i]));
  }
  const [handler, stock, tuned] = timings.map((t) => ({ require: median(t.requireMs), process: median(t.processMs) }));
  const vsStock = handler.require / stock.require;
  const vsTuned = handler.require / tuned.require;
  return {
    name: 'cold start',
    measured: `require ${ms(handler.require)}: ${ratio(vsStock)} the SDK alone (${ms(stock.require)}); ${ratio(vsTuned)} the SDK bundled as the handler is (${ms(tuned.require)})`,
    target: `≤ ${TARGET_RATIO}× the SDK alone`,
    met: vsStock <= TARGET_RATIO,
    notes: [
      `Medians over ${RUNS} fresh \`node\` processes per bundle, interleaved. "require" is timed inside the child around \`require(bundle)\`; "process" is the child from spawn to exit (node's own start-up included).`,
      `Judged against the SDK alone as it bundles with stock options: ${ratio(vsStock)} on require, ${ratio(handler.process / stock.process)} on the whole process.`,
      `Against the SDK alone bundled with the handler's own options, which isolates what loading yaml and the handler's own code adds to the client it needs: ${ratio(vsTuned)} on require, ${ratio(handler.process / tuned.process)} on the whole process (${ms(handler.require - tuned.require)} more to require).`,
    ],
    table: [
      ['bundle', 'require', 'process'],
      ['handler (the synthesized asset)', ms(handler.require), ms(handler.process)],
      ['SDK alone, stock options', ms(stock.require), ms(stock.process)],
      ["SDK alone, the handler's options", ms(tuned.require), ms(tuned.process)],
    ],
  };
}

function time(file: string, into: Timings): void {
  const started = process.hrtime.bigint();
  const output = execFileSync(process.execPath, ['-e', CHILD, file], { env: CHILD_ENV, stdio: ['ignore', 'pipe', 'ignore'] });
  into.processMs.push(elapsedMs(started));
  into.requireMs.push(Number(output.toString()));
}
