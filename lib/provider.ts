import { createHash } from 'node:crypto';
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { handlerFunctionSettings, logWriterRole } from './handler-functions';
import { acknowledgeProviderFindings } from './nag-acknowledgements';
import { InstanceGrant, ProtonPermissions } from './proton-permissions';

/**
 * Time kept between the provider giving up and CloudFormation giving up, so the provider's failure
 * (and the handler's own clean-up before it) reaches CloudFormation first.
 */
const RESPONSE_MARGIN = Duration.seconds(30);

// The props' defaults; the provider with all three has the plain construct id.
export const DEFAULT_POLL_INTERVAL = Duration.seconds(10);
export const DEFAULT_TIMEOUT = Duration.hours(1);
export const DEFAULT_LOG_RETENTION = logs.RetentionDays.ONE_MONTH;

export interface ServiceInstanceProviderProps {
  /** How often isComplete polls Proton. */
  readonly pollInterval: Duration;
  /** How long CloudFormation waits for the custom resource (its serviceTimeout). */
  readonly timeout: Duration;
  /** How long the provider's log groups keep their events. */
  readonly logRetention: logs.RetentionDays;
  /** Where the handler reaches Proton, when not at AWS's endpoint of the stack's region. */
  readonly protonEndpoint?: string;
}

/**
 * The custom-resource provider behind ProtonServiceInstance: one per stack and per (poll interval,
 * timeout, log retention, Proton endpoint), since all four are settings of the provider's functions and
 * waiter, not of a single request.
 */
export class ServiceInstanceProvider extends Construct {
  /** The stack's provider for these settings, created on first use. */
  public static of(scope: Construct, props: ServiceInstanceProviderProps): ServiceInstanceProvider {
    const stack = Stack.of(scope);
    const id = ServiceInstanceProvider.idFor(props);
    return (stack.node.tryFindChild(id) as ServiceInstanceProvider) ?? new ServiceInstanceProvider(stack, id, props);
  }

  /**
   * Construct ids name resources, so a setting at its default adds nothing to the id: the common case
   * keeps the plain id, and adding a setting later never renames an existing provider.
   */
  private static idFor({ pollInterval, timeout, logRetention, protonEndpoint }: ServiceInstanceProviderProps): string {
    const base = 'ProtonServiceInstanceProvider';
    const defaultTiming = pollInterval.toSeconds() === DEFAULT_POLL_INTERVAL.toSeconds() && timeout.toSeconds() === DEFAULT_TIMEOUT.toSeconds();
    const timing = defaultTiming ? '' : `-${pollInterval.toSeconds()}s-${timeout.toSeconds()}s`;
    const retention = logRetention === DEFAULT_LOG_RETENTION ? '' : `-logs${logRetention}d`;
    // A URL holds '/', which no construct id may: its hash tells endpoints apart.
    const endpoint = protonEndpoint === undefined ? '' : `-endpoint${createHash('sha256').update(protonEndpoint).digest('hex').slice(0, 8)}`;
    return `${base}${timing}${retention}${endpoint}`;
  }

  /** The ARN custom resources use as their ServiceToken. */
  public readonly serviceToken: string;
  /** How long the provider waits before it reports a timeout: inside the custom resource's timeout. */
  public readonly totalTimeout: Duration;
  private readonly protonPermissions: ProtonPermissions;

  private constructor(scope: Construct, id: string, props: ServiceInstanceProviderProps) {
    super(scope, id);
    const common = handlerFunctionSettings();
    const logGroup = (logId: string) => new logs.LogGroup(this, logId, { retention: props.logRetention });

    // onEvent only checks the request and names the resource: it makes no Proton call.
    const onEventLogs = logGroup('OnEventLogs');
    const onEvent = new lambda.Function(this, 'OnEvent', {
      ...common,
      handler: 'on-event.onEvent',
      timeout: Duration.seconds(30),
      description: 'ProtonServiceInstance: checks a request',
      role: logWriterRole(this, 'OnEventRole', onEventLogs),
      logGroup: onEventLogs,
    });
    const isCompleteLogs = logGroup('IsCompleteLogs');
    const isCompleteRole = logWriterRole(this, 'IsCompleteRole', isCompleteLogs);
    const isComplete = new lambda.Function(this, 'IsComplete', {
      ...common,
      handler: 'is-complete.isComplete',
      // Room for a read, a component list and a write, each with the SDK's adaptive retries.
      timeout: Duration.minutes(2),
      description: 'ProtonServiceInstance: converges a service instance and follows its deployment',
      role: isCompleteRole,
      logGroup: isCompleteLogs,
      // The AWS SDK takes a service's endpoint from this variable (its "service-specific endpoints").
      ...(props.protonEndpoint !== undefined ? { environment: { AWS_ENDPOINT_URL_PROTON: props.protonEndpoint } } : {}),
    });
    this.protonPermissions = new ProtonPermissions(isCompleteRole);
    // Before it fails an Update, the handler asks whether its own stack is rolling back (docs/reliability.md).
    isCompleteRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['cloudformation:DescribeStacks'], resources: [Stack.of(this).stackId] }),
    );

    // The framework's functions share one log group; they log nothing below FATAL (see below).
    const frameworkLogs = logGroup('FrameworkLogs');
    const frameworkRoles = ['FrameworkOnEventRole', 'FrameworkWaiterRole'].map((roleId) => logWriterRole(this, roleId, frameworkLogs));
    this.totalTimeout = providerTotalTimeout(props);
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: onEvent,
      isCompleteHandler: isComplete,
      queryInterval: props.pollInterval,
      totalTimeout: this.totalTimeout,
      logGroup: frameworkLogs,
      frameworkOnEventRole: frameworkRoles[0],
      frameworkCompleteAndTimeoutRole: frameworkRoles[1],
      // The framework logs each request in full, ResourceProperties (the spec) included, at INFO; FATAL
      // keeps those lines out of CloudWatch Logs. Set explicitly: that must not hang on a default.
      frameworkLambdaLoggingLevel: lambda.ApplicationLogLevel.FATAL,
      // Execution-history logging would copy the waiter's input, the whole request with the spec, into
      // CloudWatch Logs at every poll.
      disableWaiterStateMachineLogging: true,
    });
    this.serviceToken = provider.serviceToken;
    acknowledgeProviderFindings(provider, frameworkRoles);
  }

  /** Lets the handler make the Proton calls it needs for one service instance. */
  public grantInstance(grant: InstanceGrant): void {
    this.protonPermissions.grantInstance(grant);
  }
}

/** The provider's total wait: the timeout less the response margin, in whole poll intervals. */
function providerTotalTimeout({ pollInterval, timeout }: ServiceInstanceProviderProps): Duration {
  const poll = pollInterval.toSeconds();
  const usable = timeout.toSeconds() - RESPONSE_MARGIN.toSeconds();
  return Duration.seconds(Math.max(poll, Math.floor(usable / poll) * poll));
}
