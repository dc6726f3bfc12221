import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ProtonServiceInstance, ProtonServiceInstanceProps } from '../../lib';
import { STAGING_AND_PROD_SPEC } from './fixtures';

function stackWith(...instances: Array<Omit<ProtonServiceInstanceProps, 'spec'>>): Template {
  const stack = new Stack(new App(), 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
  for (const props of instances) new ProtonServiceInstance(stack, props.instanceName, { ...props, spec: STAGING_AND_PROD_SPEC });
  return Template.fromStack(stack);
}

/** The statements of the policy attached to the role of the function with this handler. */
function statementsOf(template: Template, handler: string): unknown[] {
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Handler: handler } }));
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  const policies = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId));
  return policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

const arn = (resource: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:proton:eu-west-1:123456789012:${resource}`]] });

const LOG_WRITE = (logGroupPrefix: string) => ({
  Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  Effect: 'Allow',
  Resource: { 'Fn::GetAtt': [expect.stringMatching(new RegExp(`^ProtonServiceInstanceProvider${logGroupPrefix}[0-9A-F]{8}$`)), 'Arn'] },
});

describe('the handler policy', () => {
  it('lets isComplete call only its Proton actions, on the declared instances and their template, and read its own stack', () => {
    const template = stackWith(
      { serviceName: 'payments', instanceName: 'staging', templateName: 'fargate-service' },
      { serviceName: 'payments', instanceName: 'prod', templateName: 'fargate-service' },
    );
    expect(statementsOf(template, 'is-complete.isComplete')).toEqual([
      LOG_WRITE('IsCompleteLogs'),
      { Action: 'proton:ListComponents', Effect: 'Allow', Resource: '*' },
      { Action: 'cloudformation:DescribeStacks', Effect: 'Allow', Resource: { Ref: 'AWS::StackId' } },
      {
        Action: [
          'proton:GetServiceInstance',
          'proton:CreateServiceInstance',
          'proton:UpdateServiceInstance',
          'proton:CancelServiceInstanceDeployment',
        ],
        Effect: 'Allow',
        Resource: [arn('service/payments/service-instance/staging'), arn('service/payments/service-instance/prod')],
      },
      {
        Action: ['proton:ListServiceTemplateVersions', 'proton:GetServiceTemplateVersion'],
        Effect: 'Allow',
        Resource: arn('service-template/fargate-service'),
      },
    ]);
  });

  it('lets isComplete read the versions of any service template of its account and region when no templateName is declared', () => {
    const template = stackWith({ serviceName: 'payments', instanceName: 'prod' });
    expect(statementsOf(template, 'is-complete.isComplete')).toContainEqual(
      { Action: ['proton:ListServiceTemplateVersions', 'proton:GetServiceTemplateVersion'], Effect: 'Allow', Resource: arn('service-template/*') },
    );
  });

  it('gives onEvent no Proton permission at all', () => {
    const template = stackWith(
      { serviceName: 'payments', instanceName: 'staging' },
      { serviceName: 'payments', instanceName: 'prod' },
    );
    expect(statementsOf(template, 'on-event.onEvent')).toEqual([LOG_WRITE('OnEventLogs')]);
  });

  it('attaches no managed policy to the handler roles', () => {
    const template = stackWith({ serviceName: 'payments', instanceName: 'prod' });
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('the removal policy', () => {
  it('lets isComplete read and update the service only for instances with removal policy DESTROY', () => {
    const template = stackWith(
      { serviceName: 'payments', instanceName: 'staging', removalPolicy: RemovalPolicy.DESTROY },
      { serviceName: 'orders', instanceName: 'prod' },
    );
    expect(statementsOf(template, 'is-complete.isComplete')).toContainEqual(
      { Action: ['proton:GetService', 'proton:UpdateService'], Effect: 'Allow', Resource: arn('service/payments') },
    );
    template.hasResourceProperties('Custom::ProtonServiceInstance', { InstanceName: 'staging', RemovalPolicy: 'destroy' });
    template.hasResourceProperties('Custom::ProtonServiceInstance', { InstanceName: 'prod', RemovalPolicy: Match.absent() });
  });
});
