import { EXIT, exitCode, formatJson, formatPlan, shownValue } from '../../cli/format';
import { InstancePreview } from '../../cli/preview';

function preview(overrides: Partial<InstancePreview> = {}): InstancePreview {
  return {
    stack: 'PaymentsInstances',
    logicalId: 'Prod7A5F3219',
    path: 'PaymentsInstances/Prod',
    serviceName: 'payments',
    instanceName: 'prod',
    action: 'none',
    current: { major: '1', minor: '0', status: 'SUCCEEDED' },
    desired: { major: '1', minor: '0' },
    specChanges: [],
    reasons: ['spec and template version 1.0 match; last deployment SUCCEEDED'],
    ...overrides,
  };
}

const minorUpgrade = preview({
  action: 'update',
  deploymentType: 'MINOR_VERSION',
  desired: { major: '1', minor: '1' },
  specChanges: [
    { path: 'spec.desired_count', current: 3, desired: 5 },
    { path: 'spec.db_password', current: '****', desired: '****' },
  ],
  reasons: ['template minor version 1.0 → 1.1', 'spec.desired_count differs', 'spec.db_password differs'],
});
const unchanged = preview({
  logicalId: 'Staging12D1754E',
  path: 'PaymentsInstances/Staging',
  instanceName: 'staging',
  current: { major: '2', minor: '1', status: 'SUCCEEDED' },
  desired: { major: '2', minor: '1' },
});

describe('formatPlan', () => {
  it('shows per instance the versions, the deploymentType and the spec keys that differ, then a summary', () => {
    expect(formatPlan([minorUpgrade, unchanged])).toBe(
      [
        'PaymentsInstances/Prod  payments/prod',
        '  template 1.0 → 1.1   MINOR_VERSION',
        '  spec.desired_count: 3 → 5',
        '  spec.db_password: **** → ****',
        'PaymentsInstances/Staging  payments/staging',
        '  template 2.1 = 2.1   no change',
        '',
        'Plan: 1 to change, 1 unchanged.',
        '',
      ].join('\n'),
    );
  });

  it('names an instance by stack and logical id when the app records no construct paths', () => {
    expect(formatPlan([preview({ path: undefined })])).toMatch(/^PaymentsInstances\/Prod7A5F3219  payments\/prod\n/);
  });

  it('gives the reason of a redeploy, which changes neither versions nor spec', () => {
    const redeploy = preview({
      action: 'update',
      deploymentType: 'CURRENT_VERSION',
      current: { major: '1', minor: '0', status: 'FAILED' },
      reasons: ['the last deployment is FAILED: redeploying the declared spec at 1.0'],
    });
    expect(formatPlan([redeploy])).toContain(
      '  template 1.0 → 1.0   CURRENT_VERSION\n  the last deployment is FAILED: redeploying the declared spec at 1.0\n',
    );
  });

  it('says what it would wait for', () => {
    const waiting = preview({ action: 'wait', desired: { major: '1', minor: '1' }, reasons: ['deployment 4f1c is IN_PROGRESS'] });
    expect(formatPlan([waiting])).toContain('  template 1.0 → 1.1   would wait: deployment 4f1c is IN_PROGRESS\n');
  });

  it('says why it would fail', () => {
    const failing = preview({ action: 'fail', desired: { major: '0' }, reasons: ['templateMajorVersion 0 is lower than 1'] });
    expect(formatPlan([failing])).toContain('  template 1.0 → 0.*   would fail: templateMajorVersion 0 is lower than 1\n');
  });

  it('shows a missing instance as created, with undeclared versions as *', () => {
    const created = preview({ action: 'create', current: undefined, desired: { major: '2' } });
    expect(formatPlan([created])).toContain('  template (none) → 2.*   would create (CreateServiceInstance)\n');
  });

  it('counts waiting and failing instances in the summary only when there are some', () => {
    const plan = formatPlan([minorUpgrade, preview({ action: 'wait' }), preview({ action: 'fail' }), preview({ action: 'create', current: undefined })]);
    expect(plan).toMatch(/\nPlan: 2 to change, 0 unchanged, 1 waiting, 1 would fail\.\n$/);
  });

  it('says so when the cloud assembly declares no instance', () => {
    expect(formatPlan([])).toBe('No ProtonServiceInstance in the cloud assembly.\n');
  });
});

describe('shownValue', () => {
  it.each<[unknown, string]>([
    [5, '5'],
    [true, 'true'],
    [null, 'null'],
    [undefined, '(none)'],
    ['payments:1.4.0', 'payments:1.4.0'],
    ['', '""'],
    ['two words', 'two words'],
    [' padded', '" padded"'],
    ['line\nbreak', '"line\\nbreak"'],
    [{ a: 1, b: [1, 2] }, '{"a":1,"b":[1,2]}'],
  ])('shows %j as %s', (value, shown) => {
    expect(shownValue(value)).toBe(shown);
  });

  it('cuts long values to 60 characters', () => {
    const shown = shownValue('x'.repeat(100));
    expect(shown).toHaveLength(60);
    expect(shown.endsWith('…')).toBe(true);
  });
});

describe('formatJson', () => {
  it('is the previews as one JSON array', () => {
    expect(JSON.parse(formatJson([minorUpgrade, unchanged]))).toEqual([minorUpgrade, unchanged]);
  });
});

describe('exitCode', () => {
  it('is 0 when nothing would change', () => {
    expect(exitCode([unchanged, unchanged])).toBe(EXIT.unchanged);
    expect(exitCode([])).toBe(EXIT.unchanged);
  });

  it.each(['update', 'create', 'wait'] as const)('is 2 when an instance would %s', (action) => {
    expect(exitCode([unchanged, preview({ action })])).toBe(EXIT.changes);
  });

  it('is 1 when a deployment would fail, whatever else would change', () => {
    expect(exitCode([minorUpgrade, preview({ action: 'fail' })])).toBe(EXIT.error);
  });
});
