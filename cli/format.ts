import { SpecDifference } from '../lambda/spec';
import { InstancePreview, VersionsDeclared } from './preview';

/** Exit codes of the commands, as `terraform plan -detailed-exitcode` has them (2: see each command's usage). */
export const EXIT = { unchanged: 0, error: 1, changes: 2 } as const;

/** Longest value shown in a spec line; the JSON output keeps whole values. */
const MAX_VALUE_LENGTH = 60;
/** A string shown without quotes: one line, no blanks around it, not starting like a quoted one. */
const PLAIN_STRING = /^[^\s"'](.*\S)?$/;

/**
 * 1 when a deployment would fail, 2 when it would change something (or wait for a deployment first,
 * after which it may), 0 when it would change nothing.
 */
export function exitCode(previews: readonly InstancePreview[]): number {
  if (previews.some((p) => p.action === 'fail')) return EXIT.error;
  if (previews.some((p) => p.action !== 'none')) return EXIT.changes;
  return EXIT.unchanged;
}

/** The plan for people: per instance its versions, what would happen and the spec keys that differ, then a summary. */
export function formatPlan(previews: readonly InstancePreview[]): string {
  if (previews.length === 0) return 'No ProtonServiceInstance in the cloud assembly.\n';
  return [...previews.flatMap(instanceLines), '', summary(previews)].join('\n') + '\n';
}

/** The plan for machines: the previews as a JSON array, values already masked. */
export function formatJson(previews: readonly InstancePreview[]): string {
  return `${JSON.stringify(previews, null, 2)}\n`;
}

/** One instance's part of the plan: its path and name, its versions and action, the spec keys that differ. */
export function instanceLines(p: InstancePreview): string[] {
  const from = p.current ? `${p.current.major}.${p.current.minor}` : '(none)';
  const arrow = p.action === 'none' ? '=' : '→';
  const lines = [
    `${p.path ?? `${p.stack}/${p.logicalId}`}  ${p.serviceName}/${p.instanceName}`,
    `  template ${from} ${arrow} ${declaredVersion(p.desired)}   ${actionText(p)}`,
    ...p.specChanges.map(specLine),
  ];
  // A redeploy changes neither versions nor spec: its reason is the only "why" there is.
  if (p.action === 'update' && p.specChanges.length === 0 && from === declaredVersion(p.desired)) {
    lines.push(...p.reasons.map((reason) => `  ${reason}`));
  }
  return lines;
}

function actionText(p: InstancePreview): string {
  switch (p.action) {
    case 'none':
      return 'no change';
    case 'update':
      return p.deploymentType ?? 'update';
    case 'create':
      return 'would create (CreateServiceInstance)';
    case 'wait':
      return `would wait: ${p.reasons.join('; ')}`;
    case 'fail':
      return `would fail: ${p.reasons.join('; ')}`;
  }
}

/** `1.1`; an undeclared part shows as `*` (Proton keeps the current or takes its recommended one). */
function declaredVersion(v: VersionsDeclared): string {
  return `${v.major ?? '*'}.${v.minor ?? '*'}`;
}

function specLine(d: SpecDifference): string {
  return `  ${d.path}: ${shownValue(d.current)} → ${shownValue(d.desired)}`;
}

/** A value on one short line: plain scalars, compact JSON for maps, lists and strings that need quotes. */
export function shownValue(value: unknown): string {
  const text = oneLine(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function oneLine(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return PLAIN_STRING.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function summary(previews: readonly InstancePreview[]): string {
  const count = (...actions: InstancePreview['action'][]) => previews.filter((p) => actions.includes(p.action)).length;
  const parts = [`${count('update', 'create')} to change`, `${count('none')} unchanged`];
  if (count('wait') > 0) parts.push(`${count('wait')} waiting`);
  if (count('fail') > 0) parts.push(`${count('fail')} would fail`);
  return `Plan: ${parts.join(', ')}.`;
}
