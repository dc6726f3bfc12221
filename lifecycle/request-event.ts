/** The Provider framework's function as CloudFormation calls it; the handler never reads it, but every request carries it. */
const SERVICE_TOKEN = 'arn:aws:lambda:us-east-1:123456789012:function:framework-onEvent';

/** The event CloudFormation sends the Provider framework for one request of a custom resource. */
export type RequestEvent = {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly RequestId: string;
  readonly StackId: string;
  readonly LogicalResourceId: string;
  readonly ResourceType: string;
  readonly ResponseURL: string;
  readonly ResourceProperties: Record<string, string>;
  readonly OldResourceProperties?: Record<string, string>;
  readonly PhysicalResourceId?: string;
};

/**
 * One request of a Custom::ProtonServiceInstance: the event but for what every request carries alike,
 * its properties without ServiceToken (and no PhysicalResourceId on a Create: CloudFormation learns it
 * from the Create's response).
 */
export type RequestEventInit = Omit<RequestEvent, 'ResourceType' | 'ResponseURL'>;

/** The event as CloudFormation words it, ServiceToken included in the properties. */
export function requestEvent(init: RequestEventInit): RequestEvent {
  const { ResourceProperties, OldResourceProperties, PhysicalResourceId, ...request } = init;
  return {
    ...request,
    ResourceType: 'Custom::ProtonServiceInstance',
    ResponseURL: '...',
    ResourceProperties: { ServiceToken: SERVICE_TOKEN, ...ResourceProperties },
    ...(OldResourceProperties ? { OldResourceProperties: { ServiceToken: SERVICE_TOKEN, ...OldResourceProperties } } : {}),
    ...(PhysicalResourceId ? { PhysicalResourceId } : {}),
  };
}
