import { EXIT, shownValue } from './format';
import { StackCheck, StackResourceChange } from './takeover-check';
import { PathChange, TemplateChange } from './template-comparison';

/**
 * 1 when a stack could not be checked; 2 when deploying would replace a resource (or may: look first) or
 * remove one; 0 otherwise, whatever it would modify or add.
 */
export function takeoverExitCode(checks: readonly StackCheck[]): number {
  if (checks.some((check) => check.error !== undefined)) return EXIT.error;
  if (checks.some(replacesOrRemoves)) return EXIT.changes;
  return EXIT.unchanged;
}

/** The check for people: per stack whether it exists and each change, then a summary. */
export function formatTakeoverCheck(checks: readonly StackCheck[]): string {
  if (checks.length === 0) return 'No takeover stack (ServiceInstanceStack, EnvironmentStack) in the cloud assembly.\n';
  return [...checks.flatMap(stackLines), '', summary(checks)].join('\n') + '\n';
}

/** The check for machines: one JSON array of stacks, values already masked. */
export function formatTakeoverJson(checks: readonly StackCheck[]): string {
  return `${JSON.stringify(checks, null, 2)}\n`;
}

/** `stack AWSProton-payments-prod-cloudformation--ABC (eu-west-1)`: how errors name a stack. */
export function stackLabel(check: Pick<StackCheck, 'stack' | 'region'>): string {
  return `stack ${check.stack} (${check.region ?? 'default region'})`;
}

function stackLines(check: StackCheck): string[] {
  const head = `${check.path}  ${check.stack}  (${check.region ?? 'default region'})  ${check.kind}`;
  const live = check.exists ? `live stack ${check.status}` : '';
  if (check.error !== undefined) return [head, `  ${live ? `${live}; ` : ''}not checked: ${check.error}`];
  return [head, `  ${live}: ${counts(check)}`, ...check.resources.flatMap(resourceLines), ...check.templateChanges.flatMap(templateLines)];
}

/** `resources 1 to replace, 4 to add; 2 other changes`, or `no change`. */
function counts(check: StackCheck): string {
  const resources = (['replace', 'remove', 'modify', 'add'] as const)
    .map((change) => [change, check.resources.filter((r) => r.change === change).length] as const)
    .filter(([, count]) => count > 0)
    .map(([change, count]) => `${count} to ${change}`);
  const others = check.templateChanges.length;
  const parts = [
    ...(resources.length > 0 ? [`resources ${resources.join(', ')}`] : []),
    ...(others > 0 ? [`${others} other change${others > 1 ? 's' : ''}`] : []),
  ];
  return parts.length > 0 ? parts.join('; ') : 'no change';
}

function resourceLines(r: StackResourceChange): string[] {
  return [`  ${r.change.padEnd(7)}  ${r.logicalId}  ${r.type}${resourceNote(r)}`, ...r.changes.map(pathLine)];
}

function resourceNote(r: StackResourceChange): string {
  if (r.lookupOf) return `  (deploy-time lookup of ${r.lookupOf})`;
  if (r.impact === 'MAY_REPLACE') return '  (may be replaced: look before deploying)';
  if (r.impact === 'WILL_ORPHAN') return '  (its DeletionPolicy retains it: left in place, no longer managed)';
  if (r.change === 'modify' && r.impact === undefined) return '  (impact unknown: not in the resource specification)';
  return '';
}

function templateLines(t: TemplateChange): string[] {
  return [`  ${t.change.padEnd(7)}  ${t.section}${t.name !== undefined ? `.${t.name}` : ''}`, ...t.changes.map(pathLine)];
}

function pathLine(p: PathChange): string {
  const impact = p.impact === 'WILL_REPLACE' ? '  (replaces)' : p.impact === 'MAY_REPLACE' ? '  (may replace)' : '';
  return `    ${p.path}: ${shownValue(p.current)} → ${shownValue(p.desired)}${impact}`;
}

function summary(checks: readonly StackCheck[]): string {
  const failed = checks.filter((check) => check.error !== undefined).length;
  const risky = checks.filter((check) => check.error === undefined && replacesOrRemoves(check)).length;
  const parts = [`${risky} would replace or remove resources`, `${checks.length - failed - risky} would not`];
  if (failed > 0) parts.push(`${failed} could not be checked`);
  return `Takeover check: ${parts.join(', ')}.`;
}

function replacesOrRemoves(check: StackCheck): boolean {
  return check.resources.some((r) => r.change === 'replace' || r.change === 'remove');
}
