import { CloudFormationStandIn } from './cloudformation-stand-in';
import { LoadedHandlers } from './handler-module';
import { CREATE_FAILED_ID, RequestOutcome, RunOptions, RunOutcome, runRequest } from './provider-simulator';
import { RequestEventInit, requestEvent } from './request-event';

/** A request of one resource: the event but for its stack and logical id. */
export type ResourceRequest = Omit<RequestEventInit, 'StackId' | 'LogicalResourceId'>;

/**
 * CloudFormation's side of one custom resource: it numbers requests, remembers the properties and
 * physical id of the last success, and sends Create, Update, rollback Update and Delete as CloudFormation does.
 */
export class SimulatedResource {
  private requests = 0;
  private physicalId?: string;
  private props?: Record<string, string>;
  /** The properties of the last Update that failed, which a rollback undoes. */
  private failedProps?: Record<string, string>;
  /** The properties of a Create that failed: CloudFormation deletes the resource with them. */
  private failedCreateProps?: Record<string, string>;

  constructor(
    private readonly handlers: LoadedHandlers,
    private readonly logicalId: string,
    private readonly stackId = 'arn:aws:cloudformation:us-east-1:123456789012:stack/Demo/00000000-0000-0000-0000-000000000000',
    /** Where the stack's status is told, as CloudFormation changes it with each request. */
    private readonly cloudFormation?: CloudFormationStandIn,
  ) {}

  /** The properties CloudFormation last applied successfully. */
  get properties(): Record<string, string> | undefined {
    return this.props;
  }

  async create(props: Record<string, string>, options?: RunOptions): Promise<RequestOutcome> {
    const outcome = await this.send('Create', props, undefined, options, 'CREATE_IN_PROGRESS');
    this.physicalId = outcome.physicalResourceId;
    if (outcome.status === 'SUCCESS') this.props = props;
    else this.failedCreateProps = props;
    return outcome;
  }

  async update(props: Record<string, string>, options?: RunOptions): Promise<RequestOutcome> {
    const outcome = await this.send('Update', props, this.props, options, 'UPDATE_IN_PROGRESS');
    if (outcome.status === 'SUCCESS') {
      this.props = props;
      this.physicalId = outcome.physicalResourceId;
    } else {
      this.failedProps = props;
    }
    return outcome;
  }

  /** The Update CloudFormation sends to roll back after a failure: back to the last good properties. */
  async rollback(options?: RunOptions): Promise<RequestOutcome> {
    if (!this.props || !this.failedProps) throw new Error('nothing to roll back: no Update has failed');
    const outcome = await this.send('Update', this.props, this.failedProps, options, 'UPDATE_ROLLBACK_IN_PROGRESS');
    this.failedProps = undefined;
    return outcome;
  }

  async delete(options?: RunOptions): Promise<RequestOutcome> {
    if (this.physicalId === CREATE_FAILED_ID) {
      // The Create's onEvent failed: the framework answers the Delete without calling the handler.
      return { requestType: 'Delete', requestId: this.nextRequestId(), status: 'SUCCESS', physicalResourceId: CREATE_FAILED_ID, polls: 0, decisions: [], durationMs: 0 };
    }
    return this.send('Delete', this.props ?? this.failedCreateProps ?? {}, undefined, options, 'DELETE_IN_PROGRESS');
  }

  /**
   * One request as given, from this resource's stack: for requests CloudFormation sends out of the usual
   * order, such as one arriving while an earlier request of the resource still runs. What the resource
   * remembers of its requests stays as it is.
   */
  sendAsIs(request: ResourceRequest, options?: RunOptions): Promise<RunOutcome> {
    return runRequest(this.handlers, requestEvent({ ...request, StackId: this.stackId, LogicalResourceId: this.logicalId }), options);
  }

  /** Sets what DescribeStacks reports for the stack, as CloudFormation changes it. */
  setStackStatus(status: string): void {
    this.cloudFormation?.setStatus(this.stackId, status);
  }

  private async send(
    requestType: RequestOutcome['requestType'],
    props: Record<string, string>,
    oldProps: Record<string, string> | undefined,
    options: RunOptions | undefined,
    stackStatus: string,
  ): Promise<RequestOutcome> {
    this.setStackStatus(stackStatus);
    const requestId = this.nextRequestId();
    const request: ResourceRequest = {
      RequestType: requestType,
      RequestId: requestId,
      ResourceProperties: props,
      OldResourceProperties: oldProps,
      PhysicalResourceId: requestType === 'Create' ? undefined : this.physicalId,
    };
    return { requestType, requestId, ...(await this.sendAsIs(request, options)) };
  }

  private nextRequestId(): string {
    this.requests += 1;
    return `00000000-0000-4000-8000-${String(this.requests).padStart(12, '0')}`;
  }
}
