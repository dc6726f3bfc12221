import { App, Stack, StackProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ProtonServiceInstance } from '../../lib';
import { STAGING_AND_PROD_SPEC } from './fixtures';

/** An app checked by cdk-nag's AwsSolutions pack, holding one stack with two instances of one service. */
function appWithTwoInstances(stackProps: StackProps): App {
  const app = new App();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new Stack(app, 'Payments', stackProps);
  const staging = new ProtonServiceInstance(stack, 'Staging', { serviceName: 'payments', instanceName: 'staging', spec: STAGING_AND_PROD_SPEC, templateMajorVersion: '2' });
  const prod = new ProtonServiceInstance(stack, 'Prod', { serviceName: 'payments', instanceName: 'prod', spec: STAGING_AND_PROD_SPEC, templateMajorVersion: '1', templateMinorVersion: '1' });
  prod.node.addDependency(staging);
  return app;
}

/** The findings the construct acknowledges, by construct path, each with its reason. */
function acknowledgements(app: App): Array<{ path: string; id: string; reason: string }> {
  return app.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id, reason }))));
}

describe('cdk-nag AwsSolutions', () => {
  // synth() throws "Validation failed" on any finding the construct has not acknowledged.
  it('finds nothing unacknowledged in an environment-agnostic stack', () => {
    expect(() => appWithTwoInstances({}).synth()).not.toThrow();
  });

  it('finds nothing unacknowledged in a stack with an account and region', () => {
    expect(() => appWithTwoInstances({ env: { account: '123456789012', region: 'eu-west-1' } }).synth()).not.toThrow();
  });

  it('acknowledges only these findings, each by its exact id and with a reason', () => {
    const app = appWithTwoInstances({ env: { account: '123456789012', region: 'eu-west-1' } });
    const found = acknowledgements(app);
    expect(found.map(({ path, id }) => `${path} ${id}`).sort()).toEqual([
      'Payments/ProtonServiceInstanceProvider/FrameworkOnEventRole Annotation::AwsSolutions-IAM5[Resource::<ProtonServiceInstanceProviderIsComplete93590FE5.Arn>:*]',
      'Payments/ProtonServiceInstanceProvider/FrameworkOnEventRole Annotation::AwsSolutions-IAM5[Resource::<ProtonServiceInstanceProviderOnEventF1238494.Arn>:*]',
      'Payments/ProtonServiceInstanceProvider/FrameworkWaiterRole Annotation::AwsSolutions-IAM5[Resource::<ProtonServiceInstanceProviderIsComplete93590FE5.Arn>:*]',
      'Payments/ProtonServiceInstanceProvider/FrameworkWaiterRole Annotation::AwsSolutions-IAM5[Resource::<ProtonServiceInstanceProviderOnEventF1238494.Arn>:*]',
      'Payments/ProtonServiceInstanceProvider/IsCompleteRole Annotation::AwsSolutions-IAM5[Resource::*]',
      'Payments/ProtonServiceInstanceProvider/IsCompleteRole Annotation::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:proton:eu-west-1:123456789012:service-template/*]',
      'Payments/ProtonServiceInstanceProvider/Provider/waiter-state-machine Annotation::AwsSolutions-IAM5[Resource::<ProtonServiceInstanceProviderframeworkisCompleteB381BABE.Arn>:*]',
      'Payments/ProtonServiceInstanceProvider/Provider/waiter-state-machine Annotation::AwsSolutions-IAM5[Resource::<ProtonServiceInstanceProviderframeworkonTimeout996733A3.Arn>:*]',
      'Payments/ProtonServiceInstanceProvider/Provider/waiter-state-machine Annotation::AwsSolutions-SF1',
      'Payments/ProtonServiceInstanceProvider/Provider/waiter-state-machine Annotation::AwsSolutions-SF2',
    ]);
    for (const { reason } of found) expect(reason.length).toBeGreaterThan(80);
  });
});
