import { DesiredState } from './instance-state';

/** The custom resource's properties, as the construct writes them (the framework turns all to strings). */
export interface InstanceProperties {
  readonly ServiceName: string;
  readonly InstanceName: string;
  readonly Spec: string;
  readonly TemplateMajorVersion?: string;
  readonly TemplateMinorVersion?: string;
  /** Seconds from onEvent until the provider stops polling (its total timeout). */
  readonly TimeoutSeconds: string;
  /** Seconds between two isComplete calls. */
  readonly PollIntervalSeconds: string;
  /** 'destroy' removes the instance from its service on Delete; anything else leaves it. */
  readonly RemovalPolicy?: string;
}

/** The request the Provider framework hands to onEvent (CloudFormation's, minus the response URL). */
export interface ResourceEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly RequestId: string;
  readonly StackId: string;
  readonly LogicalResourceId: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: InstanceProperties;
  readonly OldResourceProperties?: InstanceProperties;
}

/** What onEvent returns; the framework merges it into every isComplete event. */
export interface OnEventResult {
  readonly PhysicalResourceId: string;
  /** When the request reached the handler (epoch ms): the start of the handler's own deadline. */
  readonly StartedAt: string;
}

/** What the framework hands to isComplete: the request plus what onEvent returned. */
export interface CompletionEvent extends ResourceEvent {
  readonly PhysicalResourceId: string;
  readonly StartedAt?: string;
}

/** Attribute values returned to CloudFormation once the instance is where the stack wants it. */
export interface InstanceAttributes {
  readonly DeploymentId: string;
  readonly TemplateMajorVersion: string;
  readonly TemplateMinorVersion: string;
  readonly ServiceInstanceArn: string;
}

export type IsCompleteResult = { readonly IsComplete: false } | { readonly IsComplete: true; readonly Data?: InstanceAttributes };

export function desiredState(props: InstanceProperties): DesiredState {
  return {
    serviceName: props.ServiceName,
    instanceName: props.InstanceName,
    spec: props.Spec,
    templateMajorVersion: props.TemplateMajorVersion || undefined,
    templateMinorVersion: props.TemplateMinorVersion || undefined,
  };
}

/** The instance's identity: a new service or instance name makes CloudFormation replace the resource. */
export function physicalId(props: InstanceProperties): string {
  return `${props.ServiceName}/${props.InstanceName}`;
}
