// ServiceInstanceStack and EnvironmentStack over the renderer's fixtures: the synthesized template is the
// rendering Proton deployed (the goldens Python's Jinja2 wrote), plus what the takeover adds, and nothing of
// the rendering changes.
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { normalizeTemplate } from '../../cli/cloudformation-template';
import { resolveLookups } from '../../cli/lookups';
import { readTakeoverStacks } from '../../cli/takeover-stacks';
import { EnvironmentOutputs, EnvironmentStack, ServiceInstanceSpec, ServiceInstanceStack, ServiceTemplateBundle } from '../../lib';
import { parseTemplate } from '../../render';
import { FIXTURES, readFixture, renderCases, serviceBundle, serviceSpec } from '../render/fixtures';

const ENV_STACK = 'AWSProton-prod-env-cloudformation--QYWPQLSESXEMRBY';
const STACK_NAME = 'AWSProton-frontend-frontend-prod-cloudformation--HMACANJOICKTLNG';
const ENV = { account: '111111111111', region: 'eu-west-1' };

const prodCase = renderCases().find((c) => c.name === 'fargate-service-prod')!;
const bundle = (name: string) => ServiceTemplateBundle.fromDirectory(path.join(FIXTURES, 'bundles', name));
const spec = (name: string) => ServiceInstanceSpec.fromFile(path.join(FIXTURES, 'specs', name));

/** The prod instance of the fargate fixture as a takeover stack, its environment's outputs given as `environmentOutputs`. */
function prodStack(environmentOutputs: EnvironmentOutputs, app = new App()): ServiceInstanceStack {
  return new ServiceInstanceStack(app, 'FrontendProd', {
    stackName: STACK_NAME,
    env: ENV,
    serviceName: prodCase.serviceName!,
    instanceName: prodCase.instanceName!,
    spec: spec(prodCase.spec),
    template: bundle(prodCase.bundle),
    environmentOutputs,
    componentOutputs: { default: EnvironmentOutputs.fromObject(prodCase.components!.default) },
    componentNames: prodCase.componentNames,
    environmentAccountId: prodCase.environmentAccountId,
    repositoryId: prodCase.repositoryId,
    repositoryConnectionArn: prodCase.repositoryConnectionArn,
    branchName: prodCase.branchName,
  });
}

/** A takeover of service api's instance web, whose bundle holds `template` and whose environment's outputs are read at deploy time. */
function readingOutputsAtDeploy(id: string, template: string, app = new App()): ServiceInstanceStack {
  return new ServiceInstanceStack(app, id, {
    stackName: STACK_NAME,
    env: ENV,
    serviceName: 'api',
    instanceName: 'web',
    spec: ServiceInstanceSpec.fromYaml(serviceSpec()),
    template: ServiceTemplateBundle.fromDirectory(serviceBundle(template)),
    environmentOutputs: EnvironmentOutputs.fromStack(ENV_STACK),
  });
}

/** The golden rendering, as cloudformation-include and CloudFormation read it. */
const golden = (name: string) => normalizeTemplate(parseTemplate(readFixture('goldens', `${name}.yaml`), name));

/** The synthesized template without what the CDK and the takeover add: the resources, sections and values of the rendering. */
function rendered(stack: Stack, template = Template.fromStack(stack).toJSON()): Record<string, unknown> {
  const added = new Set(Object.keys(template.Resources).filter((id) => !Object.keys(golden(prodCase.name).Resources as object).includes(id)));
  const { Rules: _rules, Parameters: { BootstrapVersion: _bootstrap, ...parameters } = {}, ...sections } = template;
  return normalizeTemplate({
    ...sections,
    ...(Object.keys(parameters).length > 0 ? { Parameters: parameters } : {}),
    Resources: Object.fromEntries(Object.entries(template.Resources).filter(([id]) => !added.has(id))),
  });
}

describe('ServiceInstanceStack', () => {
  it('synthesizes the rendering: same logical ids, types, properties, mappings, conditions and outputs', () => {
    const stack = prodStack(EnvironmentOutputs.fromObject(prodCase.environmentOutputs!));
    expect(rendered(stack)).toEqual(golden(prodCase.name));
  });

  it('adds nothing but the CDK bootstrap check when every output is a value', () => {
    const template = Template.fromStack(prodStack(EnvironmentOutputs.fromObject(prodCase.environmentOutputs!))).toJSON();
    expect(Object.keys(template.Resources).sort()).toEqual(Object.keys(golden(prodCase.name).Resources as object).sort());
  });

  it('reads environment outputs at deploy time: each becomes an attribute of the lookup, which resolves to the rendering', () => {
    const app = new App();
    const stack = prodStack(EnvironmentOutputs.fromStack(ENV_STACK), app);
    const [takeover] = readTakeoverStacks(app.synth().directory);
    expect(takeover).toMatchObject({ kind: 'ServiceInstanceStack', stackName: STACK_NAME, lookups: [{ stackName: ENV_STACK }] });

    const lookup = Template.fromStack(stack).findResources('Custom::ProtonStackOutputs');
    expect(Object.keys(lookup)).toEqual([takeover.lookups[0].logicalId]);
    expect(Object.values(lookup)[0].Properties).toMatchObject({
      StackName: ENV_STACK,
      OutputNames: expect.arrayContaining(['ClusterName', 'VpcId', 'SNSTopicArn', 'TaskExecutionRoleArn']),
      Role: 'environment',
    });
    const resolved = resolveLookups(takeover.template, takeover.lookups, () => prodCase.environmentOutputs);
    expect(rendered(stack, resolved)).toEqual(golden(prodCase.name));
  });

  it('lets the lookup read the environment stack, and nothing else', () => {
    Template.fromStack(prodStack(EnvironmentOutputs.fromStack(ENV_STACK))).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: 'cloudformation:DescribeStacks',
            Effect: 'Allow',
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:cloudformation:eu-west-1:111111111111:stack/${ENV_STACK}/*`]] },
          },
        ]),
      },
    });
  });

  it('marks the stack for takeover-check with no lookup when every output is a value', () => {
    const app = new App();
    prodStack(EnvironmentOutputs.fromObject(prodCase.environmentOutputs!), app);
    expect(readTakeoverStacks(app.synth().directory)).toEqual([expect.objectContaining({ kind: 'ServiceInstanceStack', lookups: [] })]);
  });

  it('needs a stackName: the stack to take over', () => {
    expect(
      () =>
        new ServiceInstanceStack(new App(), 'NoName', { serviceName: 'api', instanceName: 'web', spec: ServiceInstanceSpec.fromYaml(serviceSpec()), template: ServiceTemplateBundle.fromDirectory(serviceBundle('Port: 1\n')) }),
    ).toThrow('ServiceInstanceStack NoName: stackName is required');
  });

  it('warns when the stack name does not look like one Proton gave', () => {
    const stack = new ServiceInstanceStack(new App(), 'Renamed', {
      stackName: 'payments-prod',
      serviceName: 'api',
      instanceName: 'web',
      spec: ServiceInstanceSpec.fromYaml(serviceSpec()),
      template: ServiceTemplateBundle.fromDirectory(serviceBundle('Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n')),
    });
    Annotations.fromStack(stack).hasWarning('/Renamed', Match.stringLikeRegexp("stackName 'payments-prod' does not start with 'AWSProton-'"));
  });

  it('fails the synth naming the input that breaks the schema', () => {
    const template = ServiceTemplateBundle.fromDirectory(serviceBundle('Port: {{ service_instance.inputs.port }}\n', '        port:\n          type: number\n          minimum: 1\n'));
    expect(
      () => new ServiceInstanceStack(new App(), 'Bad', { stackName: STACK_NAME, serviceName: 'api', instanceName: 'web', spec: ServiceInstanceSpec.fromYaml(serviceSpec('      port: 0\n')), template }),
    ).toThrow(/port.*minimum/);
  });

  it('fails the synth when a template reads deploy-time outputs as a whole', () => {
    expect(() => readingOutputsAtDeploy('Whole', 'Env: {{ environment.outputs | tojson }}\n')).toThrow(/environment\.outputs is read as a whole/);
  });

  it('fails the synth when a deploy-time output goes where CloudFormation takes no reference', () => {
    const template = "Mappings:\n  M:\n    K:\n      Vpc: '{{ environment.outputs.VpcId }}'\nResources:\n  T:\n    Type: AWS::SNS::Topic\n";
    expect(() => readingOutputsAtDeploy('Mapped', template)).toThrow(
      /environment output VpcId is only known at deploy time, but Mappings\.M\.K\.Vpc takes no reference/,
    );
  });

  it('puts a deploy-time output inside a string as a join, and inside Fn::Sub as a variable', () => {
    const stack = readingOutputsAtDeploy(
      'Strings',
      "Resources:\n  P:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Type: String\n      Name: 'vpc-{{ environment.outputs.VpcId }}'\n      Value: !Sub '${AWS::Region}:{{ environment.outputs.VpcId }}'\n",
    );
    const vpc = { 'Fn::GetAtt': [expect.stringMatching(/^EnvironmentOutputs/), 'VpcId'] };
    expect(Template.fromStack(stack).toJSON().Resources.P.Properties).toEqual({
      Type: 'String',
      Name: { 'Fn::Join': ['', ['vpc-', vpc]] },
      Value: { 'Fn::Sub': ['${AWS::Region}:${ProtonOutput0}', { ProtonOutput0: vpc }] },
    });
  });

  it('leaves nothing for cdk-nag AwsSolutions to find in what it adds', () => {
    const app = new App();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    readingOutputsAtDeploy('Nagged', "Resources:\n  P:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Type: String\n      Value: '{{ environment.outputs.VpcId }}'\n", app);
    expect(() => app.synth()).not.toThrow();
  });
});

describe('EnvironmentStack', () => {
  it('synthesizes the environment rendering', () => {
    const envCase = renderCases().find((c) => c.environmentName !== undefined)!;
    const stack = new EnvironmentStack(new App(), 'ProdEnv', { stackName: ENV_STACK, env: ENV, environmentName: envCase.environmentName!, spec: spec(envCase.spec), template: bundle(envCase.bundle) });
    const template = Template.fromStack(stack).toJSON();
    const { Rules: _rules, Parameters: { BootstrapVersion: _bootstrap, ...parameters } = {}, ...sections } = template;
    expect(normalizeTemplate({ ...sections, ...(Object.keys(parameters).length > 0 ? { Parameters: parameters } : {}) })).toEqual(golden(envCase.name));
  });
});
