import { Template } from '../../cli/cloudformation-template';
import { loadDiffLibrary } from '../../cli/diff-library';
import { LiveStack, LiveStacks } from '../../cli/live-stacks';
import { checkStacks } from '../../cli/takeover-check';
import { TakeoverStack } from '../../cli/takeover-stacks';
import { REPO_ROOT } from './support';
import {
  ACCOUNT,
  ENVIRONMENT_OUTPUTS,
  ENVIRONMENT_STACK,
  LOOKUP_ID,
  REGION,
  SERVICE_STACK,
  SERVICE_TEMPLATE_YAML,
  includedServiceTemplate,
} from './takeover-fixtures';

const library = loadDiffLibrary(REPO_ROOT);

/** CloudFormation as the check reads it, with every call recorded. */
class FakeStacks implements LiveStacks {
  readonly calls: string[] = [];

  constructor(private readonly stacks: Record<string, LiveStack & { template?: string }> = {}) {}

  async describe(stackName: string) {
    this.calls.push(`describe ${stackName}`);
    return this.stacks[stackName];
  }

  async originalTemplate(stackName: string) {
    this.calls.push(`originalTemplate ${stackName}`);
    return this.stacks[stackName]?.template;
  }
}

const liveService = { status: 'UPDATE_COMPLETE', outputs: {}, template: SERVICE_TEMPLATE_YAML };
const liveEnvironment = { status: 'UPDATE_COMPLETE', outputs: ENVIRONMENT_OUTPUTS };

function takeoverStack(more: Partial<TakeoverStack> = {}): TakeoverStack {
  return {
    artifactId: 'PaymentsProd',
    path: 'PaymentsProd',
    stackName: SERVICE_STACK,
    account: ACCOUNT,
    region: REGION,
    kind: 'ServiceInstanceStack',
    lookups: [],
    template: includedServiceTemplate() as unknown as Template,
    ...more,
  };
}

const withLookup = () =>
  takeoverStack({ template: includedServiceTemplate({ lookup: true }) as unknown as Template, lookups: [{ logicalId: LOOKUP_ID, stackName: ENVIRONMENT_STACK }] });

async function checkOne(stack: TakeoverStack, live: LiveStacks) {
  const [check] = await checkStacks([stack], () => live, library);
  return check;
}

describe('checkStacks', () => {
  it("reports the live stack's status and what deploying would change", async () => {
    const check = await checkOne(takeoverStack(), new FakeStacks({ [SERVICE_STACK]: liveService }));
    expect(check).toMatchObject({ stack: SERVICE_STACK, path: 'PaymentsProd', kind: 'ServiceInstanceStack', region: REGION, exists: true, status: 'UPDATE_COMPLETE' });
    expect(check.error).toBeUndefined();
    expect(check.resources.map((r) => `${r.change} ${r.logicalId}`)).toEqual(['add CDKMetadata']);
  });

  it('resolves lookups from the outputs of their stack, read once, and marks the added lookup', async () => {
    const live = new FakeStacks({ [SERVICE_STACK]: liveService, [ENVIRONMENT_STACK]: liveEnvironment });
    const stack = withLookup();
    const check = await checkOne({ ...stack, lookups: [...stack.lookups, ...stack.lookups] }, live);
    expect(check.resources.filter((r) => r.change !== 'add')).toEqual([]);
    expect(check.resources.find((r) => r.logicalId === LOOKUP_ID)).toMatchObject({ change: 'add', lookupOf: ENVIRONMENT_STACK });
    expect(live.calls).toEqual([`describe ${SERVICE_STACK}`, `originalTemplate ${SERVICE_STACK}`, `describe ${ENVIRONMENT_STACK}`]);
  });

  it('reports a stack CloudFormation does not have, and reads nothing more of it', async () => {
    const live = new FakeStacks();
    const check = await checkOne(takeoverStack(), live);
    expect(check).toMatchObject({ exists: false, resources: [], templateChanges: [] });
    expect(check.error).toBe(
      `no such stack for these credentials; the app deploys it to account ${ACCOUNT}. cdk deploy would create a new stack instead of taking this one over`,
    );
    expect(live.calls).toEqual([`describe ${SERVICE_STACK}`]);
  });

  it('reports a lookup output the stack lacks, naming it and the stack', async () => {
    const { RepositoryUri: _uri, ...outputs } = ENVIRONMENT_OUTPUTS;
    const live = new FakeStacks({ [SERVICE_STACK]: liveService, [ENVIRONMENT_STACK]: { ...liveEnvironment, outputs } });
    const check = await checkOne(withLookup(), live);
    expect(check).toMatchObject({ exists: true, resources: [] });
    expect(check.error).toBe(`lookup ${LOOKUP_ID} reads output RepositoryUri of stack ${ENVIRONMENT_STACK}, which has no such output (it has ClusterName, TaskExecutionRoleName, VpcId)`);
  });

  it("reports what CloudFormation answered when it refuses a read, and checks the next stack all the same", async () => {
    const live = new FakeStacks({ [SERVICE_STACK]: liveService });
    live.originalTemplate = async () => {
      throw Object.assign(new Error('User: arn:aws:iam::111111111111:user/ci is not authorized to perform: cloudformation:GetTemplate'), { name: 'AccessDenied' });
    };
    const checks = await checkStacks([takeoverStack(), takeoverStack({ stackName: 'AWSProton-other' })], () => live, library);
    expect(checks.map((c) => c.error)).toEqual([
      'reading the stack: CloudFormation answered AccessDenied: User: arn:aws:iam::111111111111:user/ci is not authorized to perform: cloudformation:GetTemplate',
      expect.stringContaining('no such stack'),
    ]);
  });

  it('reports a live template that does not parse', async () => {
    const check = await checkOne(takeoverStack(), new FakeStacks({ [SERVICE_STACK]: { ...liveService, template: 'Resources:\n  Q: !Bogus x\n' } }));
    expect(check.error).toMatch(/^its live template: is not valid CloudFormation YAML: Unresolved tag: !Bogus/);
  });

  it("reads each stack through its own region's CloudFormation", async () => {
    const regions: (string | undefined)[] = [];
    await checkStacks([takeoverStack(), takeoverStack({ region: undefined })], (region) => {
      regions.push(region);
      return new FakeStacks();
    }, library);
    expect(regions).toEqual([REGION, undefined]);
  });
});
