import { EXIT } from '../../cli/format';
import { StackCheck } from '../../cli/takeover-check';
import { formatTakeoverCheck, formatTakeoverJson, stackLabel, takeoverExitCode } from '../../cli/takeover-format';

function check(more: Partial<StackCheck> = {}): StackCheck {
  return {
    stack: 'AWSProton-payments-prod-cloudformation--ZKXWPLBRTAEMNSQ',
    path: 'PaymentsProd',
    kind: 'ServiceInstanceStack',
    region: 'eu-west-1',
    exists: true,
    status: 'UPDATE_COMPLETE',
    resources: [{ logicalId: 'CDKMetadata', type: 'AWS::CDK::Metadata', change: 'add', impact: 'WILL_CREATE', changes: [] }],
    templateChanges: [{ section: 'Parameters', name: 'BootstrapVersion', change: 'add', changes: [] }],
    ...more,
  };
}

const risky = check({
  resources: [
    {
      logicalId: 'Database',
      type: 'AWS::RDS::DBInstance',
      change: 'replace',
      impact: 'WILL_REPLACE',
      changes: [{ path: 'Properties.DBInstanceIdentifier', current: 'payments-prod', desired: 'payments-production', impact: 'WILL_REPLACE' }],
    },
    { logicalId: 'Cache', type: 'AWS::ElastiCache::CacheCluster', change: 'replace', impact: 'MAY_REPLACE', changes: [] },
    { logicalId: 'Queue', type: 'AWS::SQS::Queue', change: 'remove', impact: 'WILL_DESTROY', changes: [] },
    { logicalId: 'Logs', type: 'AWS::Logs::LogGroup', change: 'remove', impact: 'WILL_ORPHAN', changes: [] },
    {
      logicalId: 'Service',
      type: 'AWS::ECS::Service',
      change: 'modify',
      impact: 'WILL_UPDATE',
      changes: [{ path: 'Properties.DesiredCount', current: '3', desired: '5', impact: 'WILL_UPDATE' }],
    },
    { logicalId: 'Seed', type: 'Custom::Seed', change: 'modify', changes: [{ path: 'Properties.Version', current: '1', desired: '2' }] },
    { logicalId: 'EnvironmentOutputs1A2B3C', type: 'Custom::ProtonStackOutputs', change: 'add', impact: 'WILL_CREATE', changes: [], lookupOf: 'AWSProton-prod-env' },
  ],
  templateChanges: [{ section: 'Outputs', name: 'QueueUrl', change: 'modify', changes: [{ path: 'QueueUrl.Value', current: { Ref: 'Queue' }, desired: { Ref: 'WorkQueue' } }] }],
});

const missing = check({ stack: 'AWSProton-gone', exists: false, status: undefined, resources: [], templateChanges: [], error: 'no such stack for these credentials' });

describe('formatTakeoverCheck', () => {
  it('shows per stack whether it exists, each change with its paths, then a summary', () => {
    expect(formatTakeoverCheck([risky, check(), missing])).toBe(
      [
        'PaymentsProd  AWSProton-payments-prod-cloudformation--ZKXWPLBRTAEMNSQ  (eu-west-1)  ServiceInstanceStack',
        '  live stack UPDATE_COMPLETE: resources 2 to replace, 2 to remove, 2 to modify, 1 to add; 1 other change',
        '  replace  Database  AWS::RDS::DBInstance',
        '    Properties.DBInstanceIdentifier: payments-prod → payments-production  (replaces)',
        '  replace  Cache  AWS::ElastiCache::CacheCluster  (may be replaced: look before deploying)',
        '  remove   Queue  AWS::SQS::Queue',
        '  remove   Logs  AWS::Logs::LogGroup  (its DeletionPolicy retains it: left in place, no longer managed)',
        '  modify   Service  AWS::ECS::Service',
        '    Properties.DesiredCount: 3 → 5',
        '  modify   Seed  Custom::Seed  (impact unknown: not in the resource specification)',
        '    Properties.Version: 1 → 2',
        '  add      EnvironmentOutputs1A2B3C  Custom::ProtonStackOutputs  (deploy-time lookup of AWSProton-prod-env)',
        '  modify   Outputs.QueueUrl',
        '    QueueUrl.Value: {"Ref":"Queue"} → {"Ref":"WorkQueue"}',
        'PaymentsProd  AWSProton-payments-prod-cloudformation--ZKXWPLBRTAEMNSQ  (eu-west-1)  ServiceInstanceStack',
        '  live stack UPDATE_COMPLETE: resources 1 to add; 1 other change',
        '  add      CDKMetadata  AWS::CDK::Metadata',
        '  add      Parameters.BootstrapVersion',
        'PaymentsProd  AWSProton-gone  (eu-west-1)  ServiceInstanceStack',
        '  not checked: no such stack for these credentials',
        '',
        'Takeover check: 1 would replace or remove resources, 1 would not, 1 could not be checked.',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing differs at all, and names the default region of an environment-agnostic stack', () => {
    expect(formatTakeoverCheck([check({ region: undefined, resources: [], templateChanges: [] })])).toContain(
      '(default region)  ServiceInstanceStack\n  live stack UPDATE_COMPLETE: no change\n',
    );
  });

  it('keeps the status of a stack found but not checked', () => {
    expect(formatTakeoverCheck([check({ error: 'lookup L reads output X of stack E, which has no such output', resources: [], templateChanges: [] })])).toContain(
      '  live stack UPDATE_COMPLETE; not checked: lookup L reads output X of stack E, which has no such output\n',
    );
  });

  it('says so when the cloud assembly has no takeover stack', () => {
    expect(formatTakeoverCheck([])).toBe('No takeover stack (ServiceInstanceStack, EnvironmentStack) in the cloud assembly.\n');
  });
});

describe('formatTakeoverJson', () => {
  it('is the checks as one JSON array', () => {
    expect(JSON.parse(formatTakeoverJson([risky, missing]))).toEqual([risky, JSON.parse(JSON.stringify(missing))]);
  });
});

describe('takeoverExitCode', () => {
  it('is 0 when resources are only modified or added', () => {
    expect(takeoverExitCode([check(), check({ resources: [risky.resources[4], risky.resources[6]] })])).toBe(EXIT.unchanged);
    expect(takeoverExitCode([])).toBe(EXIT.unchanged);
  });

  it.each([
    ['replaced', 0],
    ['maybe replaced', 1],
    ['removed', 2],
    ['left unmanaged', 3],
  ])('is 2 when a resource would be %s', (_what, index) => {
    expect(takeoverExitCode([check(), check({ resources: [risky.resources[index]] })])).toBe(EXIT.changes);
  });

  it('is 1 when a stack could not be checked, whatever the others would do', () => {
    expect(takeoverExitCode([risky, missing])).toBe(EXIT.error);
  });
});

describe('stackLabel', () => {
  it('names the stack and its region for messages', () => {
    expect(stackLabel(check())).toBe('stack AWSProton-payments-prod-cloudformation--ZKXWPLBRTAEMNSQ (eu-west-1)');
  });
});
