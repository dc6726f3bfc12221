import { parse } from 'yaml';
import { CallLog, isRead, isWrite } from '../emulator';
import { SynthesizedInstance, withInstanceValue } from '../lifecycle';
import { Figure } from './report';
import { assertSucceeded, startRig } from './rig';

/** How long a deployment runs, ours and the other client's. */
const DEPLOYMENT_MS = 1000;
const POLL_SECONDS = '0.2';

/** Reads and writes in a slice of the call log, as the emulator classes them. */
interface CallCount {
  readonly reads: number;
  readonly writes: number;
  readonly operations: readonly string[];
}

/** The calls one isComplete made, and what it decided. */
interface Poll {
  readonly calls: CallCount;
  readonly actions: readonly string[];
}

/**
 * Calls Proton sees from the example's prod resource: for an Update that changes nothing Proton runs,
 * and on each poll while a request waits, first for someone else's deployment, then for its own.
 */
export async function measureCalls(instance: SynthesizedInstance): Promise<Figure[]> {
  const rig = await startRig(instance, { deploymentDurationMs: DEPLOYMENT_MS });
  const { emulator, resource } = rig;
  try {
    const props: Record<string, string> = { ...instance.properties, PollIntervalSeconds: POLL_SECONDS };
    // Adopts the seeded prod instance and takes it to the declared 1.1.
    assertSucceeded(await resource.create(props), 'the Create that adopts prod');

    // The spec as JSON (JSON is YAML): every byte differs, nothing Proton runs does.
    const beforeNoOp = emulator.calls.count();
    assertSucceeded(await resource.update({ ...props, Spec: JSON.stringify(parse(props.Spec)) }), 'the no-op Update');
    const noOp = countSince(emulator.calls, beforeNoOp);

    emulator.faults.startExternalDeployment({ serviceName: 'payments', instanceName: 'prod', durationMs: DEPLOYMENT_MS });
    const polls = await pollsOf(emulator.calls, (hooks) =>
      resource.update({ ...props, Spec: withInstanceValue(props.Spec, 'prod', ['spec', 'desired_count'], 4) }, hooks),
    );
    return [noOpFigure(noOp), waitingFigure(polls)];
  } finally {
    await rig.stop();
  }
}

/** Runs a request with hooks that split the call log by isComplete call and tag each with its decisions. */
async function pollsOf(
  log: CallLog,
  run: (hooks: { beforePoll: (poll: number) => void; onDecision: (d: Record<string, unknown>) => void }) => Promise<unknown>,
): Promise<Poll[]> {
  const polls: { start: number; actions: string[] }[] = [];
  await run({
    beforePoll: () => polls.push({ start: log.count(), actions: [] }),
    onDecision: (decision) => polls[polls.length - 1]?.actions.push(String(decision.action)),
  });
  return polls.map((poll, i) => ({ calls: countSince(log, poll.start, polls[i + 1]?.start), actions: poll.actions }));
}

/** The calls logged from entry `from` up to entry `to` (the end of the log by default). */
function countSince(log: CallLog, from: number, to = log.count()): CallCount {
  const operations = log.entries.slice(from, to).map((call) => call.operation);
  return { reads: operations.filter(isRead).length, writes: operations.filter(isWrite).length, operations };
}

function noOpFigure(calls: CallCount): Figure {
  return {
    name: 'Proton calls for a no-op update',
    measured: `${calls.reads} read, ${calls.writes} writes (${calls.operations.join(', ') || 'none'})`,
    target: '1 read, 0 writes',
    met: calls.reads === 1 && calls.writes === 0,
    notes: [
      "An Update of the example's prod resource whose spec is the same document written as JSON: every byte differs, nothing Proton runs does.",
      'Counted in the emulator\'s call log from the Update\'s onEvent to isComplete answering true.',
    ],
  };
}

function waitingFigure(polls: readonly Poll[]): Figure {
  const waiting = polls.filter((poll) => poll.actions.includes('wait'));
  const maxReads = Math.max(...waiting.map((poll) => poll.calls.reads));
  const maxWrites = Math.max(...waiting.map((poll) => poll.calls.writes));
  const other = polls.filter((poll) => !poll.actions.includes('wait'));
  return {
    name: 'Proton calls per poll while waiting',
    measured: `at most ${maxReads} read, ${maxWrites} writes in each of ${waiting.length} waiting polls`,
    target: '1 read',
    met: waiting.length > 0 && maxReads === 1 && maxWrites === 0,
    notes: [
      `An Update of prod (a spec change) sent while another client's deployment runs on it: the handler waits for that one, deploys, then waits for its own (${DEPLOYMENT_MS / 1000} s deployments, ${POLL_SECONDS} s polls).`,
      `Polls that decided to wait: ${waiting.length}, each ${[...new Set(waiting.map((p) => p.calls.operations.join('+')))].join(' or ')}.`,
      `The other polls: ${other.map((p) => `${p.actions.join('/')}: ${p.calls.operations.join('+')}`).join('; ')}.`,
    ],
  };
}
