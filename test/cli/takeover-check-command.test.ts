/**
 * The built command (`lib/cli/index.js`) run as a child process against the CloudFormation stand-in,
 * holding the stacks Proton left, and hand-built cloud assemblies that follow the takeover contract.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StackCheck } from '../../cli/takeover-check';
import { CloudFormationStandIn } from '../../lifecycle';
import { BUILT_COMMAND } from '../../lifecycle';
import { runCli } from './support';
import { AssemblyStack, writeCloudAssembly } from './takeover-assembly';
import {
  ENVIRONMENT_OUTPUTS,
  ENVIRONMENT_STACK,
  ENVIRONMENT_TEMPLATE_YAML,
  IncludedTemplate,
  LOOKUP_ID,
  SERVICE_STACK,
  SERVICE_TEMPLATE_YAML,
  includedEnvironmentTemplate,
  includedServiceTemplate,
} from './takeover-fixtures';

// Each test runs the built command, which loads the resource specification, as a child process.
jest.setTimeout(30_000);

const ENVIRONMENT_LOOKUP = { logicalId: LOOKUP_ID, stackName: ENVIRONMENT_STACK };

let cloudFormation: CloudFormationStandIn;
beforeEach(async () => {
  cloudFormation = await CloudFormationStandIn.start();
  cloudFormation.putStack({ name: SERVICE_STACK, template: SERVICE_TEMPLATE_YAML });
  cloudFormation.putStack({ name: ENVIRONMENT_STACK, template: ENVIRONMENT_TEMPLATE_YAML, outputs: ENVIRONMENT_OUTPUTS });
});
afterEach(() => cloudFormation.stop());

/** The service instance's takeover stack, its synthesized template edited by `edit`. */
function serviceStack(edit: (template: IncludedTemplate) => void = () => {}, options: { lookup?: boolean } = {}): AssemblyStack {
  const template = includedServiceTemplate(options);
  edit(template);
  return {
    artifactId: 'PaymentsProd',
    stackName: SERVICE_STACK,
    template,
    takeover: { kind: 'ServiceInstanceStack', lookups: options.lookup ? [ENVIRONMENT_LOOKUP] : [] },
  };
}

const environmentStack: AssemblyStack = {
  artifactId: 'ProdEnv',
  stackName: ENVIRONMENT_STACK,
  template: includedEnvironmentTemplate(),
  takeover: { kind: 'EnvironmentStack' },
};

function takeoverCheck(stacks: readonly AssemblyStack[], ...options: string[]) {
  return runCli(['takeover-check', '--app', writeCloudAssembly(stacks), ...options], { cloudFormationEndpoint: cloudFormation.endpoint });
}

it('exits 0 when the live template is the rendering, listing only what the CDK adds', async () => {
  const run = await takeoverCheck([serviceStack()]);
  expect(run).toEqual({
    code: 0,
    stdout: [
      `PaymentsProd  ${SERVICE_STACK}  (eu-west-1)  ServiceInstanceStack`,
      '  live stack UPDATE_COMPLETE: resources 1 to add; 2 other changes',
      '  add      CDKMetadata  AWS::CDK::Metadata',
      '  add      Parameters.BootstrapVersion',
      '  add      Rules.CheckBootstrapVersion',
      '',
      'Takeover check: 0 would replace or remove resources, 1 would not.',
      '',
    ].join('\n'),
    stderr: '',
  });
});

it('exits 0 and lists a property that differs, with its path, when it updates in place', async () => {
  const run = await takeoverCheck([serviceStack((t) => (t.Resources.Service.Properties!.DesiredCount = 5))]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('  modify   Service  AWS::ECS::Service\n    Properties.DesiredCount: 3 → 5\n');
});

it('exits 2 when a logical id differs, listing the old resource as removed and the new one as added', async () => {
  const run = await takeoverCheck([
    serviceStack((t) => {
      t.Resources.WorkQueue = t.Resources.Queue;
      delete t.Resources.Queue;
      t.Outputs.QueueUrl = { Value: { Ref: 'WorkQueue' } };
    }),
  ]);
  expect(run.code).toBe(2);
  expect(run.stdout).toContain('  remove   Queue  AWS::SQS::Queue\n');
  expect(run.stdout).toContain('  add      WorkQueue  AWS::SQS::Queue\n');
  expect(run.stdout).toContain('Takeover check: 1 would replace or remove resources, 0 would not.');
});

it('exits 2 when a property change replaces the resource: the database under another DBInstanceIdentifier', async () => {
  const run = await takeoverCheck([serviceStack((t) => (t.Resources.Database.Properties!.DBInstanceIdentifier = 'payments-production'))]);
  expect(run.code).toBe(2);
  expect(run.stdout).toContain('  replace  Database  AWS::RDS::DBInstance\n    Properties.DBInstanceIdentifier: payments-prod → payments-production  (replaces)\n');
});

it('exits 2 when a change may replace the resource: the user must look first', async () => {
  const run = await takeoverCheck([serviceStack((t) => (t.Resources.Database.Properties!.MultiAZ = true))]);
  expect(run.code).toBe(2);
  expect(run.stdout).toContain('  replace  Database  AWS::RDS::DBInstance  (may be replaced: look before deploying)\n    Properties.MultiAZ: false → true  (may replace)\n');
});

it('exits 1 naming the stack when CloudFormation has no such stack, and checks the others', async () => {
  const run = await takeoverCheck([{ ...serviceStack(), stackName: 'AWSProton-payments-prod-cloudformation--TYPOTYPOTYPOTYP' }, environmentStack]);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    'cdk-proton-instance: stack AWSProton-payments-prod-cloudformation--TYPOTYPOTYPOTYP (eu-west-1): no such stack for these credentials; ' +
      'the app deploys it to account 111111111111. cdk deploy would create a new stack instead of taking this one over\n',
  );
  expect(run.stdout).toContain('  not checked: no such stack for these credentials;');
  expect(run.stdout).toContain(`ProdEnv  ${ENVIRONMENT_STACK}  (eu-west-1)  EnvironmentStack\n  live stack UPDATE_COMPLETE: resources 1 to add; 2 other changes\n`);
  expect(run.stdout).toContain('Takeover check: 0 would replace or remove resources, 1 would not, 1 could not be checked.');
});

it("exits 0 with no false modification when the lookups resolve from the environment stack's outputs", async () => {
  const run = await takeoverCheck([serviceStack(() => {}, { lookup: true })]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(/^ {2}(modify|replace|remove) /m);
  expect(run.stdout).toContain(`  add      ${LOOKUP_ID}  Custom::ProtonStackOutputs  (deploy-time lookup of ${ENVIRONMENT_STACK})\n`);
});

it('exits 1 naming the output and the stack when the lookup reads an output the stack lacks', async () => {
  const { RepositoryUri: _uri, ...outputs } = ENVIRONMENT_OUTPUTS;
  cloudFormation.putStack({ name: ENVIRONMENT_STACK, template: ENVIRONMENT_TEMPLATE_YAML, outputs });
  const run = await takeoverCheck([serviceStack(() => {}, { lookup: true })]);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    `cdk-proton-instance: stack ${SERVICE_STACK} (eu-west-1): lookup ${LOOKUP_ID} reads output RepositoryUri of stack ${ENVIRONMENT_STACK}, ` +
      'which has no such output (it has ClusterName, TaskExecutionRoleName, VpcId)\n',
  );
});

it('prints one JSON array of stacks with --json', async () => {
  const run = await takeoverCheck([serviceStack((t) => (t.Resources.Database.Properties!.DBInstanceIdentifier = 'payments-production')), environmentStack], '--json');
  expect(run.code).toBe(2);
  const checks = JSON.parse(run.stdout) as StackCheck[];
  expect(checks).toEqual([
    {
      stack: SERVICE_STACK,
      path: 'PaymentsProd',
      kind: 'ServiceInstanceStack',
      region: 'eu-west-1',
      exists: true,
      status: 'UPDATE_COMPLETE',
      resources: [
        {
          logicalId: 'Database',
          type: 'AWS::RDS::DBInstance',
          change: 'replace',
          impact: 'WILL_REPLACE',
          changes: [{ path: 'Properties.DBInstanceIdentifier', current: 'payments-prod', desired: 'payments-production', impact: 'WILL_REPLACE' }],
        },
        { logicalId: 'CDKMetadata', type: 'AWS::CDK::Metadata', change: 'add', impact: 'WILL_CREATE', changes: [] },
      ],
      templateChanges: [
        { section: 'Parameters', name: 'BootstrapVersion', change: 'add', changes: [] },
        { section: 'Rules', name: 'CheckBootstrapVersion', change: 'add', changes: [] },
      ],
    },
    expect.objectContaining({ stack: ENVIRONMENT_STACK, kind: 'EnvironmentStack', exists: true }),
  ]);
});

it('exits 1 naming the stack and what CloudFormation answered when it refuses a read', async () => {
  cloudFormation.refuse('GetTemplate', { code: 'AccessDenied', message: 'User: arn:aws:iam::111111111111:user/ci is not authorized to perform: cloudformation:GetTemplate' });
  const run = await takeoverCheck([serviceStack()]);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    `cdk-proton-instance: stack ${SERVICE_STACK} (eu-west-1): reading the stack: CloudFormation answered AccessDenied: ` +
      'User: arn:aws:iam::111111111111:user/ci is not authorized to perform: cloudformation:GetTemplate\n',
  );
});

it('exits 1 naming the stack when CloudFormation cannot be reached', async () => {
  const run = await runCli(['takeover-check', '--app', writeCloudAssembly([serviceStack()])], { cloudFormationEndpoint: 'http://127.0.0.1:1' });
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(new RegExp(`^cdk-proton-instance: stack ${SERVICE_STACK} \\(eu-west-1\\): reading the stack: CloudFormation answered .*ECONNREFUSED`));
});

it('only reads: DescribeStacks, and GetTemplate of the template as submitted (TemplateStage Original)', async () => {
  await takeoverCheck([serviceStack(() => {}, { lookup: true })]);
  expect(cloudFormation.calls.map((call) => `${call.action} ${call.params.StackName} ${call.params.TemplateStage ?? ''}`.trim())).toEqual([
    `DescribeStacks ${SERVICE_STACK}`,
    `GetTemplate ${SERVICE_STACK} Original`,
    `DescribeStacks ${ENVIRONMENT_STACK}`,
  ]);
});

it('skips stacks that are not takeover stacks, and says so when there is none', async () => {
  const run = await takeoverCheck([{ artifactId: 'Shared', template: includedEnvironmentTemplate() }]);
  expect(run).toEqual({ code: 0, stdout: 'No takeover stack (ServiceInstanceStack, EnvironmentStack) in the cloud assembly.\n', stderr: '' });
  expect(cloudFormation.calls).toEqual([]);
});

it('prints its usage with --help', async () => {
  const run = await runCli(['takeover-check', '--help']);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^Usage: cdk-proton-instance takeover-check \[--app <command\|directory>\] \[--json\]\n/);
});

describe('in an app without @aws-cdk/cloudformation-diff', () => {
  let outside: string;
  let command: string;
  beforeAll(() => {
    // The command as installed in an app whose node_modules lack the library: a copy outside the repository.
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'takeover-no-diff-'));
    command = path.join(outside, 'node_modules', 'cdk-proton-instance', 'lib', 'cli', 'index.js');
    fs.mkdirSync(path.dirname(command), { recursive: true });
    fs.copyFileSync(BUILT_COMMAND, command);
  });
  afterAll(() => fs.rmSync(outside, { recursive: true, force: true }));

  it('exits 1 saying how to install it', async () => {
    const run = await runCli(['takeover-check', '--app', writeCloudAssembly([serviceStack()])], { command, cwd: outside, cloudFormationEndpoint: cloudFormation.endpoint });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'cdk-proton-instance: takeover-check needs @aws-cdk/cloudformation-diff in your app: npm install --save-dev @aws-cdk/cloudformation-diff\n',
    });
  });

  it('leaves plan working: only takeover-check loads it', async () => {
    const run = await runCli(['plan', '--app', writeCloudAssembly([{ artifactId: 'Shared', template: { Resources: {} } }])], { command, cwd: outside });
    expect(run).toEqual({ code: 0, stdout: 'No ProtonServiceInstance in the cloud assembly.\n', stderr: '' });
  });
});
