import type { ServiceInstance } from '@aws-sdk/client-proton';
import { stringify } from 'yaml';
import { DesiredState, InstanceState } from '../../lambda/instance-state';
import { encodeToken, requestToken } from '../../lambda/request-token';
import { InstanceProperties, ResourceEvent } from '../../lambda/resource-event';

/** A whole service spec as Proton reports it: pipeline, and one entry per instance. */
export function serviceSpec(instances: Record<string, { environment?: string; spec: Record<string, unknown> }>, pipeline: Record<string, unknown> = { unit_test_command: 'npm test' }): string {
  return stringify({
    proton: 'ServiceSpec',
    pipeline,
    instances: Object.entries(instances).map(([name, entry]) => ({ name, environment: entry.environment ?? 'prod', spec: entry.spec })),
  });
}

export const PROD_SPEC = { port: 8080, desired_count: 3, image: 'payments:1.0' };

/** The custom resource's properties for payments/prod, as the construct writes them. */
export const PROD_PROPS: InstanceProperties = {
  ServiceName: 'payments',
  InstanceName: 'prod',
  Spec: serviceSpec({ prod: { spec: PROD_SPEC } }),
  TimeoutSeconds: '3570',
  PollIntervalSeconds: '10',
};

/** A CloudFormation request for the payments/prod resource, with `props` changed. */
export function resourceEvent(requestType: ResourceEvent['RequestType'], props: Partial<InstanceProperties> = {}, requestId = 'req-1'): ResourceEvent {
  return {
    RequestType: requestType,
    RequestId: requestId,
    StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/s/1',
    LogicalResourceId: 'Prod',
    ResourceProperties: { ...PROD_PROPS, ...props },
  };
}

/** The clientToken the request sends to Proton, as Proton then reports it in lastClientRequestToken. */
export const ownToken = (e: ResourceEvent, rollback = false) => encodeToken(requestToken(e), rollback);

export function currentInstance(overrides: Partial<InstanceState> = {}): InstanceState {
  return {
    arn: 'arn:aws:proton:us-east-1:123456789012:service/payments/service-instance/prod',
    templateName: 'fargate-svc',
    templateMajorVersion: '1',
    templateMinorVersion: '0',
    deploymentStatus: 'SUCCEEDED',
    spec: serviceSpec({ prod: { spec: PROD_SPEC }, staging: { environment: 'staging', spec: { port: 8080 } } }),
    lastClientRequestToken: 'someone-else',
    lastAttemptedDeploymentId: '11111111-1111-1111-1111-111111111111',
    lastSucceededDeploymentId: '11111111-1111-1111-1111-111111111111',
    ...overrides,
  };
}

export function desiredInstance(overrides: Partial<DesiredState> = {}): DesiredState {
  return {
    serviceName: 'payments',
    instanceName: 'prod',
    spec: serviceSpec({ prod: { spec: PROD_SPEC } }),
    ...overrides,
  };
}

/** GetServiceInstance's answer for payments/prod as the SDK gives it: currentInstance() with these changes. */
export function getServiceInstanceOutput(overrides: Partial<ServiceInstance> = {}): { serviceInstance: ServiceInstance } {
  return {
    serviceInstance: {
      ...currentInstance(),
      serviceName: 'payments',
      name: 'prod',
      environmentName: 'prod',
      createdAt: new Date(0),
      lastDeploymentAttemptedAt: new Date(0),
      lastDeploymentSucceededAt: new Date(0),
      deploymentStatus: 'SUCCEEDED',
      ...overrides,
    },
  };
}
