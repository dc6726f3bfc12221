import { errorLabel } from '../lambda/errors';
import { normalizeTemplate, readTemplate } from './cloudformation-template';
import { DiffLibrary } from './diff-library';
import { LiveStacks } from './live-stacks';
import { StackOutputs, resolveLookups } from './lookups';
import { ResourceChange, TemplateChange, compareTemplates } from './template-comparison';
import { TakeoverKind, TakeoverStack } from './takeover-stacks';

/** What the check found for one takeover stack. */
export interface StackCheck {
  /** The live stack's name (the taken-over one's). */
  readonly stack: string;
  /** The stack's construct path in the app. */
  readonly path: string;
  readonly kind: TakeoverKind;
  /** Absent: the caller's default region. */
  readonly region?: string;
  /** Whether CloudFormation has the stack; absent when it could not be asked. */
  readonly exists?: boolean;
  /** The live stack's StackStatus. */
  readonly status?: string;
  /** Why the stack could not be checked; its changes are then empty. */
  readonly error?: string;
  readonly resources: StackResourceChange[];
  readonly templateChanges: TemplateChange[];
}

export interface StackResourceChange extends ResourceChange {
  /** Of an added deploy-time lookup: the stack whose outputs it reads. */
  readonly lookupOf?: string;
}

/**
 * Compares each takeover stack with its live stack, one after the other; reads only. `liveFor` gives the
 * CloudFormation reader of a region (undefined: the caller's default). A stack that cannot be checked
 * (no such stack, a refused read, a lookup output missing) has an `error`; the others are checked all
 * the same.
 */
export async function checkStacks(
  stacks: readonly TakeoverStack[],
  liveFor: (region: string | undefined) => LiveStacks,
  library: DiffLibrary,
): Promise<StackCheck[]> {
  const checks: StackCheck[] = [];
  for (const stack of stacks) {
    checks.push(await checkStack(stack, liveFor(stack.region), library));
  }
  return checks;
}

async function checkStack(stack: TakeoverStack, live: LiveStacks, library: DiffLibrary): Promise<StackCheck> {
  const checked = { stack: stack.stackName, path: stack.path, kind: stack.kind, ...(stack.region ? { region: stack.region } : {}) };
  const failed = (error: string, more: Pick<StackCheck, 'exists' | 'status'> = {}): StackCheck => ({
    ...checked,
    ...more,
    error,
    resources: [],
    templateChanges: [],
  });
  let deployed: DeployedStack | undefined;
  try {
    deployed = await readDeployed(stack.stackName, live);
  } catch (e) {
    return failed(`reading the stack: ${cloudFormationAnswer(e)}`);
  }
  if (!deployed) return failed(noSuchStack(stack), { exists: false });
  const found = { exists: true, status: deployed.status };
  try {
    const current = readTemplate(deployed.template, 'its live template');
    const desired = normalizeTemplate(resolveLookups(stack.template, stack.lookups, await lookupOutputs(stack, live)));
    const { resources, templateChanges } = compareTemplates(current, desired, library);
    return { ...checked, ...found, resources: resources.map((change) => withLookup(change, stack)), templateChanges };
  } catch (e) {
    return failed((e as Error).message, found);
  }
}

interface DeployedStack {
  readonly status: string;
  /** The template as it was submitted. */
  readonly template: string;
}

/** The live stack's status and template; undefined when there is no such stack. */
async function readDeployed(stackName: string, live: LiveStacks): Promise<DeployedStack | undefined> {
  const described = await live.describe(stackName);
  const template = described && (await live.originalTemplate(stackName));
  return described && template !== undefined ? { status: described.status, template } : undefined;
}

/** The outputs of each stack the lookups read, read once each; a lookup names its stack in the message. */
async function lookupOutputs(stack: TakeoverStack, live: LiveStacks): Promise<(stackName: string) => StackOutputs> {
  const outputs = new Map<string, StackOutputs>();
  for (const { stackName } of stack.lookups) {
    if (outputs.has(stackName)) continue;
    try {
      outputs.set(stackName, (await live.describe(stackName))?.outputs);
    } catch (e) {
      throw new Error(`reading the outputs of ${stackName}: ${cloudFormationAnswer(e)}`);
    }
  }
  return (stackName) => outputs.get(stackName);
}

function withLookup(change: ResourceChange, stack: TakeoverStack): StackResourceChange {
  const lookup = change.change === 'add' ? stack.lookups.find((l) => l.logicalId === change.logicalId) : undefined;
  return lookup ? { ...change, lookupOf: lookup.stackName } : change;
}

function noSuchStack(stack: TakeoverStack): string {
  const account = stack.account ? `; the app deploys it to account ${stack.account}` : '';
  return `no such stack for these credentials${account}. cdk deploy would create a new stack instead of taking this one over`;
}

function cloudFormationAnswer(e: unknown): string {
  return `CloudFormation answered ${errorLabel(e)}`;
}
