import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ProtonServiceInstance } from '../../lib';
import { spec } from './fixtures';

function stackWith(declare: (stack: Stack) => void): Template {
  const stack = new Stack(new App(), 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
  declare(stack);
  return Template.fromStack(stack);
}

const OUR_HANDLERS = { Handler: Match.stringLikeRegexp('^(on-event\\.onEvent|is-complete\\.isComplete)$') };

describe('ProtonServiceInstance', () => {
  it('shares one provider among three instances of a stack', () => {
    const template = stackWith((stack) => {
      for (const name of ['a', 'b', 'c']) {
        new ProtonServiceInstance(stack, name, { serviceName: 'svc', instanceName: name, spec: spec(name) });
      }
    });
    template.resourceCountIs('Custom::ProtonServiceInstance', 3);
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    expect(Object.keys(template.findResources('AWS::Lambda::Function', { Properties: OUR_HANDLERS }))).toHaveLength(2);
  });

  it('passes names, spec and versions to the custom resource', () => {
    const s = spec('prod');
    const template = stackWith((stack) => {
      new ProtonServiceInstance(stack, 'Prod', { serviceName: 'payments', instanceName: 'prod', spec: s, templateMajorVersion: '2', templateMinorVersion: '1' });
    });
    template.hasResourceProperties('Custom::ProtonServiceInstance', {
      ServiceName: 'payments',
      InstanceName: 'prod',
      Spec: s.yaml,
      TemplateMajorVersion: '2',
      TemplateMinorVersion: '1',
      ServiceTimeout: '3600',
    });
  });

  it('leaves the versions out when they are not declared', () => {
    const template = stackWith((stack) => new ProtonServiceInstance(stack, 'Prod', { serviceName: 'payments', instanceName: 'prod', spec: spec('prod') }));
    template.hasResourceProperties('Custom::ProtonServiceInstance', { TemplateMajorVersion: Match.absent(), TemplateMinorVersion: Match.absent() });
  });

  it('keeps the provider total timeout inside the custom resource timeout, in whole poll intervals', () => {
    const template = stackWith((stack) => {
      new ProtonServiceInstance(stack, 'Prod', {
        serviceName: 'payments', instanceName: 'prod', spec: spec('prod'), deploymentTimeout: Duration.minutes(10), pollInterval: Duration.seconds(5),
      });
    });
    template.hasResourceProperties('Custom::ProtonServiceInstance', { ServiceTimeout: '600' });
    const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
    const definition = JSON.stringify(machine.Properties.DefinitionString);
    // (600 s - 30 s margin) / 5 s = 114 polls of 5 s: 570 s, before CloudFormation's 600 s.
    expect(definition).toContain('\\"IntervalSeconds\\":5');
    expect(definition).toContain('\\"MaxAttempts\\":114');
  });

  it('gives instances with other timing settings a provider of their own', () => {
    const template = stackWith((stack) => {
      new ProtonServiceInstance(stack, 'A', { serviceName: 'svc', instanceName: 'a', spec: spec('a') });
      new ProtonServiceInstance(stack, 'B', { serviceName: 'svc', instanceName: 'b', spec: spec('b'), pollInterval: Duration.seconds(30) });
    });
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 2);
  });

  it('points the handler at a Proton-compatible endpoint, with a provider of its own, when one is declared', () => {
    const endpoint = 'https://proton.internal.example.com';
    const template = stackWith((stack) => {
      new ProtonServiceInstance(stack, 'Staging', { serviceName: 'payments', instanceName: 'staging', spec: spec('staging') });
      new ProtonServiceInstance(stack, 'Prod', { serviceName: 'payments', instanceName: 'prod', spec: spec('prod'), protonEndpoint: endpoint });
    });
    const isCompletes = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'is-complete.isComplete' } }));
    expect(isCompletes.map((fn) => fn.Properties.Environment?.Variables?.AWS_ENDPOINT_URL_PROTON)).toEqual([undefined, endpoint]);
  });

  it('refuses a protonEndpoint that is not an http(s) URL', () => {
    expect(() => stackWith((stack) => new ProtonServiceInstance(stack, 'Prod', { serviceName: 'payments', instanceName: 'prod', spec: spec('prod'), protonEndpoint: 'proton.example.com' }))).toThrow(
      "protonEndpoint 'proton.example.com' is not an http(s) URL such as 'https://proton.example.com'",
    );
  });

  it('runs the handlers on Node.js 24, arm64, from the prebuilt bundle', () => {
    const app = new App();
    const stack = new Stack(app, 'Test');
    new ProtonServiceInstance(stack, 'Prod', { serviceName: 'payments', instanceName: 'prod', spec: spec('prod') });
    const template = Template.fromStack(stack);
    const functions = template.findResources('AWS::Lambda::Function', { Properties: OUR_HANDLERS });
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    }
    const outdir = app.synth().directory;
    const assetDirs = new Set(Object.values(functions).map((fn) => path.join(outdir, `asset.${fn.Properties.Code.S3Key.split('.')[0]}`)));
    expect(assetDirs.size).toBe(1);
    const [assetDir] = assetDirs;
    // The asset is the package's one handler bundle: the takeover stacks' output lookup ships in it too.
    expect(fs.readdirSync(assetDir).sort()).toEqual(['chunks', 'is-complete.mjs', 'on-event.mjs', 'stack-outputs.mjs']);
    expect(fs.readFileSync(path.join(assetDir, 'is-complete.mjs'), 'utf8')).toContain('isComplete');
    expect(fs.readFileSync(path.join(assetDir, 'on-event.mjs'), 'utf8')).toContain('onEvent');
  });

  it('sends every function of the provider to a log group kept one month by default', () => {
    const template = stackWith((stack) => new ProtonServiceInstance(stack, 'Prod', { serviceName: 'payments', instanceName: 'prod', spec: spec('prod') }));
    const logGroups = template.findResources('AWS::Logs::LogGroup');
    expect(Object.values(logGroups).map((group) => group.Properties.RetentionInDays)).toEqual([30, 30, 30]);
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(functions).toHaveLength(5);
    for (const fn of functions) {
      expect(Object.keys(logGroups)).toContain(fn.Properties.LoggingConfig.LogGroup.Ref);
    }
  });

  it('gives instances with another logRetention a provider of their own, with that retention', () => {
    const template = stackWith((stack) => {
      new ProtonServiceInstance(stack, 'A', { serviceName: 'svc', instanceName: 'a', spec: spec('a') });
      new ProtonServiceInstance(stack, 'B', { serviceName: 'svc', instanceName: 'b', spec: spec('b'), logRetention: logs.RetentionDays.ONE_YEAR });
    });
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 2);
    const retentions = Object.values(template.findResources('AWS::Logs::LogGroup')).map((group) => group.Properties.RetentionInDays);
    expect(retentions.sort()).toEqual([30, 30, 30, 365, 365, 365]);
  });

  it('keeps the spec out of the Provider framework logs and the waiter execution logs', () => {
    const template = stackWith((stack) => new ProtonServiceInstance(stack, 'Prod', { serviceName: 'payments', instanceName: 'prod', spec: spec('prod') }));
    const framework = template.findResources('AWS::Lambda::Function', { Properties: { Handler: Match.stringLikeRegexp('^framework\\.') } });
    expect(Object.keys(framework)).toHaveLength(3);
    for (const fn of Object.values(framework)) {
      expect(fn.Properties.LoggingConfig).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'FATAL' });
    }
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { LoggingConfiguration: Match.absent() });
  });

  it('deploys an instance after the instance it depends on', () => {
    const template = stackWith((stack) => {
      const staging = new ProtonServiceInstance(stack, 'Staging', { serviceName: 'payments', instanceName: 'staging', spec: spec('staging') });
      const prod = new ProtonServiceInstance(stack, 'Prod', { serviceName: 'payments', instanceName: 'prod', spec: spec('prod') });
      prod.node.addDependency(staging);
    });
    const resources = template.findResources('Custom::ProtonServiceInstance');
    const [stagingId] = Object.keys(resources).filter((id) => id.startsWith('Staging'));
    const [prodId] = Object.keys(resources).filter((id) => id.startsWith('Prod'));
    expect(resources[prodId].DependsOn).toEqual([stagingId]);
    expect(resources[stagingId].DependsOn).toBeUndefined();
  });

  it('exposes the names it was declared with', () => {
    const stack = new Stack(new App(), 'Test');
    const prod = new ProtonServiceInstance(stack, 'Prod', { serviceName: 'payments', instanceName: 'prod', spec: spec('prod') });
    expect([prod.serviceName, prod.instanceName]).toEqual(['payments', 'prod']);
  });

  it('exposes the attributes as CloudFormation attributes', () => {
    const stack = new Stack(new App(), 'Test');
    const prod = new ProtonServiceInstance(stack, 'Prod', { serviceName: 'payments', instanceName: 'prod', spec: spec('prod') });
    const [logicalId] = Object.keys(Template.fromStack(stack).findResources('Custom::ProtonServiceInstance'));
    expect(stack.resolve(prod.deploymentId)).toEqual({ 'Fn::GetAtt': [logicalId, 'DeploymentId'] });
    expect(stack.resolve(prod.templateMajorVersion)).toEqual({ 'Fn::GetAtt': [logicalId, 'TemplateMajorVersion'] });
    expect(stack.resolve(prod.templateMinorVersion)).toEqual({ 'Fn::GetAtt': [logicalId, 'TemplateMinorVersion'] });
    expect(stack.resolve(prod.serviceInstanceArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'ServiceInstanceArn'] });
  });
});
