import { CallRecord, isWrite } from '../../emulator';
import { findInstanceEntry, instanceEntryDifferences, parseServiceSpec } from '../../lambda/spec';
import { RequestOutcome } from '../../lifecycle';
import { Expectation, INSTANCE, Props } from './steps';
import { field, style } from './terminal';

/** What a step did, as the summary and the expectation check see it. */
export interface Observed {
  readonly result: RequestOutcome['status'];
  /** The deploymentTypes of the UpdateServiceInstance calls (or CreateServiceInstance), else 'no change'. */
  readonly deployment: string;
  readonly version: string;
  readonly reads: number;
  readonly writes: number;
  readonly polls: number;
  readonly durationMs: number;
}

/** The template version a set of props declares: `1.1`, `2 (recommended minor)`, `current`. */
function declaredVersion(props: Props): string {
  const major = props.TemplateMajorVersion;
  const minor = props.TemplateMinorVersion;
  if (!major) return 'current';
  return minor ? `${major}.${minor}` : `${major} (minor omitted: Proton's recommended)`;
}

/**
 * What changed between two sets of props: template versions, and the key paths of this instance's
 * spec entry that differ. Spec values are never shown: Proton treats the spec as sensitive.
 */
export function describeChange(before: Props | undefined, after: Props): string[] {
  const entry = (props: Props) => findInstanceEntry(parseServiceSpec(props.Spec, 'the Spec property'), INSTANCE.instanceName);
  const desired = entry(after);
  if (!desired) throw new Error(`the Spec property has no instances entry named ${INSTANCE.instanceName}`);
  if (!before) {
    const keys = Object.keys((desired.spec as Record<string, unknown>) ?? {}).join(', ');
    return [
      field('props', `${after.ServiceName}/${after.InstanceName} at template ${declaredVersion(after)}`),
      field('', `spec of ${INSTANCE.instanceName}: ${keys} ${style.dim('(values not shown)')}`),
    ];
  }
  const lines: string[] = [];
  if (declaredVersion(before) !== declaredVersion(after)) {
    lines.push(field('props', `template ${declaredVersion(before)} → ${declaredVersion(after)}`));
  }
  const paths = instanceEntryDifferences(entry(before), desired).map((d) => d.path);
  if (paths.length > 0) {
    const changed = `${INSTANCE.instanceName}'s ${paths.join(', ')} changed`;
    lines.push(field(lines.length ? '' : 'props', `${changed} ${style.dim('(values not shown)')}`));
  }
  return lines.length ? lines : [field('props', 'no property changed')];
}

/** The lines a handler decision adds to the step, if any: what it planned and why. */
export function describeDecision(decision: Record<string, unknown>): string[] {
  const reasons = Array.isArray(decision.reasons) ? decision.reasons.join('; ') : undefined;
  const rollback = decision.rollback ? style.dim(' (rollback)') : '';
  switch (decision.action) {
    case 'update':
      return [field('plan', `${style.bold(String(decision.deploymentType))} ${versionMove(decision)}${rollback}`), field('why', String(reasons))];
    case 'none':
      return [field('plan', `${style.bold('no change')}${rollback}`), field('why', String(reasons))];
    case 'create':
      return [field('plan', `${style.bold('CreateServiceInstance')} at ${decision.templateMajorVersion ?? 'recommended'}.${decision.templateMinorVersion ?? ''}`)];
    case 'cancel':
      return [field('cancel', String(reasons))];
    case 'drift':
      return [field('drift', `Proton no longer matches the last deployed props: ${reasons}`)];
    case 'retry':
      return [field('retry', `Proton answered ${String(decision.error)}; the next poll tries again`)];
    case 'done':
      if (decision.note) return [field('note', String(decision.note))];
      return decision.request === 'Delete' ? [field('plan', `${style.bold('no change')}: the instance stays in Proton`)] : [];
    default:
      // 'accepted' (onEvent checked the request) and 'wait' (shown live) add no line.
      return [];
  }
}

function versionMove(decision: Record<string, unknown>): string {
  const from = String(decision.from);
  const [fromMajor, fromMinor] = from.split('.');
  const to = `${decision.templateMajorVersion ?? fromMajor}.${decision.templateMinorVersion ?? fromMinor}`;
  return to === from ? `at ${from}` : `${from} → ${to}`;
}

/** The Proton calls in order, repeats folded: `GetServiceInstance → UpdateServiceInstance → GetServiceInstance ×3`. */
export function describeCalls(calls: readonly CallRecord[]): string {
  if (calls.length === 0) return style.dim('none');
  const runs: { operation: string; count: number; error?: string }[] = [];
  for (const call of calls) {
    const last = runs[runs.length - 1];
    if (last && last.operation === call.operation && last.error === call.errorType) last.count += 1;
    else runs.push({ operation: call.operation, count: 1, error: call.errorType });
  }
  return runs
    .map(({ operation, count, error }) => {
      const name = isWrite(operation) ? style.yellow(operation) : operation;
      return `${name}${count > 1 ? ` ×${count}` : ''}${error ? style.red(` (${error})`) : ''}`;
    })
    .join(' → ');
}

/** CloudFormation's answer: the attributes on success, the reason on failure. */
export function describeOutcome(outcome: RequestOutcome, expected: Expectation): string[] {
  if (outcome.status === 'FAILED') {
    const status = expected.result === 'FAILED' ? style.yellow('FAILED') : style.red('FAILED');
    return [field('result', `${status} ${style.dim('with the reason CloudFormation shows:')}`), ...wrap(String(outcome.reason)).map((line) => field('', line))];
  }
  const data = outcome.data ?? {};
  const lines = [field('result', style.green('SUCCESS'))];
  if (data.TemplateMajorVersion) {
    lines.push(field('', `TemplateMajorVersion ${data.TemplateMajorVersion}  TemplateMinorVersion ${data.TemplateMinorVersion}  DeploymentId ${data.DeploymentId}`));
    lines.push(field('', `ServiceInstanceArn ${data.ServiceInstanceArn}`));
  }
  return lines;
}

/** Long text in lines that fit the terminal (or 100 columns) after the field indent. */
function wrap(text: string): string[] {
  const width = Math.max(40, Math.min(process.stdout.columns ?? 100, 120) - 13);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

/** How the step differed from its expectation; empty when it behaved as expected. */
export function mismatches(expected: Expectation, observed: Observed): string[] {
  const found: string[] = [];
  const check = (what: string, want: unknown, got: unknown) => {
    if (want !== undefined && want !== got) found.push(`${what}: expected ${want}, got ${got}`);
  };
  check('result', expected.result, observed.result);
  check('deployment', expected.deployment, observed.deployment);
  check('template version', expected.version, observed.version);
  check('Proton reads', expected.reads, observed.reads);
  return found;
}
