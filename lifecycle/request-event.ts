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

/** One request of a Custom::ProtonServiceInstance: what differs from one request to the next. */
export interface RequestEventInit {
  readonly requestType: RequestEvent['RequestType'];
  readonly requestId: string;
  readonly stackId: string;
  readonly logicalId: string;
  /** The resource's properties as CloudFormation sends them (ServiceToken left out). */
  readonly props: Record<string, string>;
  /** An Update's properties before it. */
  readonly oldProps?: Record<string, string>;
  /** Not on a Create: CloudFormation learns it from the Create's response. */
  readonly physicalResourceId?: string;
}

/** The event as CloudFormation words it, ServiceToken included in the properties. */
export function requestEvent(init: RequestEventInit): RequestEvent {
  return {
    RequestType: init.requestType,
    RequestId: init.requestId,
    StackId: init.stackId,
    LogicalResourceId: init.logicalId,
    ResourceType: 'Custom::ProtonServiceInstance',
    ResponseURL: '...',
    ResourceProperties: { ServiceToken: SERVICE_TOKEN, ...init.props },
    ...(init.oldProps ? { OldResourceProperties: { ServiceToken: SERVICE_TOKEN, ...init.oldProps } } : {}),
    ...(init.physicalResourceId ? { PhysicalResourceId: init.physicalResourceId } : {}),
  };
}
