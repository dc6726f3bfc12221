import { readTakeoverStacks } from '../../cli/takeover-stacks';
import { writeCloudAssembly, writeStageAssembly } from './takeover-assembly';
import { ACCOUNT, ENVIRONMENT_STACK, LOOKUP_ID, REGION, SERVICE_STACK, includedServiceTemplate } from './takeover-fixtures';

const SERVICE = { kind: 'ServiceInstanceStack', lookups: [{ logicalId: LOOKUP_ID, stackName: ENVIRONMENT_STACK }] };

describe('readTakeoverStacks: the contract with the construct', () => {
  it('reads a marked stack: its live stack name, environment, kind, lookups and synthesized template', () => {
    const template = includedServiceTemplate({ lookup: true });
    const [stack] = readTakeoverStacks(writeCloudAssembly([{ artifactId: 'PaymentsProd', stackName: SERVICE_STACK, template, takeover: SERVICE }]));
    expect(stack).toEqual({
      artifactId: 'PaymentsProd',
      path: 'PaymentsProd',
      stackName: SERVICE_STACK,
      account: ACCOUNT,
      region: REGION,
      kind: 'ServiceInstanceStack',
      lookups: [{ logicalId: LOOKUP_ID, stackName: ENVIRONMENT_STACK }],
      template,
    });
  });

  it('reads the entry older aws-cdk-lib versions wrote inline in the manifest', () => {
    const stacks = readTakeoverStacks(writeCloudAssembly([{ artifactId: 'PaymentsProd', template: {}, takeover: SERVICE, metadata: 'inline' }]));
    expect(stacks.map((s) => s.kind)).toEqual(['ServiceInstanceStack']);
  });

  it('skips stacks without the entry, and takes the artifact id as the name when the stack has no stackName', () => {
    const stacks = readTakeoverStacks(
      writeCloudAssembly([
        { artifactId: 'Shared', template: {} },
        { artifactId: 'ProdEnv', template: {}, takeover: { kind: 'EnvironmentStack' } },
      ]),
    );
    expect(stacks.map((s) => [s.stackName, s.kind, s.lookups])).toEqual([['ProdEnv', 'EnvironmentStack', []]]);
  });

  it("finds the stacks of a stage's nested cloud assembly, by their construct path", () => {
    const outdir = writeStageAssembly('Prod', [{ artifactId: 'ProdPaymentsProdFCB79E0D', path: 'Prod/PaymentsProd', stackName: SERVICE_STACK, template: {}, takeover: SERVICE }]);
    expect(readTakeoverStacks(outdir).map((s) => [s.artifactId, s.path, s.stackName])).toEqual([['ProdPaymentsProdFCB79E0D', 'Prod/PaymentsProd', SERVICE_STACK]]);
  });

  it('leaves out the region and account of an environment-agnostic stack', () => {
    const outdir = writeCloudAssembly([{ artifactId: 'ProdEnv', region: 'unknown-region', template: {}, takeover: { kind: 'EnvironmentStack' } }]);
    expect(readTakeoverStacks(outdir)[0].region).toBeUndefined();
  });

  it('refuses an entry under a construct inside the stack, naming where it belongs', () => {
    const outdir = writeCloudAssembly([{ artifactId: 'PaymentsProd', template: {}, takeover: SERVICE, metadataKey: '/PaymentsProd/Template' }]);
    expect(() => readTakeoverStacks(outdir)).toThrow(
      'stack artifact PaymentsProd: cdk-proton-instance:takeover metadata is under /PaymentsProd/Template; it belongs on the stack, /PaymentsProd',
    );
  });

  it.each<[string, unknown, string]>([
    ['an unknown kind', { kind: 'PipelineStack' }, 'has kind "PipelineStack"; expected ServiceInstanceStack or EnvironmentStack'],
    ['no data', null, 'has no data object: null'],
    ['lookups that are no list', { kind: 'EnvironmentStack', lookups: 'x' }, 'has lookups that are no list: "x"'],
    ['a lookup without its stack', { kind: 'EnvironmentStack', lookups: [{ logicalId: 'L' }] }, 'has a lookup without a logicalId and a stackName: {"logicalId":"L"}'],
  ])('refuses an entry with %s', (_what, takeover, message) => {
    const outdir = writeCloudAssembly([{ artifactId: 'PaymentsProd', template: {}, takeover }]);
    expect(() => readTakeoverStacks(outdir)).toThrow(`stack artifact PaymentsProd: cdk-proton-instance:takeover metadata ${message}`);
  });
});
