import * as path from 'node:path';
import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

/** The prebuilt handler bundle (lambda/ bundled by scripts/bundle-handler.mjs), shipped with the package. */
const HANDLER_ASSET = path.join(__dirname, 'handler');

/**
 * Time kept between the provider giving up and CloudFormation giving up, so the provider's failure
 * (and the handler's own clean-up before it) reaches CloudFormation first.
 */
const RESPONSE_MARGIN = Duration.seconds(30);

export interface ServiceInstanceProviderProps {
  /** How often isComplete polls Proton. */
  readonly pollInterval: Duration;
  /** How long CloudFormation waits for the custom resource (its serviceTimeout). */
  readonly timeout: Duration;
}

/**
 * The custom-resource provider behind ProtonServiceInstance: one per stack and per (poll interval,
 * timeout), since both are settings of the provider's waiter, not of a single request.
 */
export class ServiceInstanceProvider extends Construct {
  /** The stack's provider for these settings, created on first use. */
  public static of(scope: Construct, props: ServiceInstanceProviderProps): ServiceInstanceProvider {
    const stack = Stack.of(scope);
    const id = ServiceInstanceProvider.idFor(props);
    return (stack.node.tryFindChild(id) as ServiceInstanceProvider) ?? new ServiceInstanceProvider(stack, id, props);
  }

  private static idFor({ pollInterval, timeout }: ServiceInstanceProviderProps): string {
    const base = 'ProtonServiceInstanceProvider';
    const isDefault = pollInterval.toSeconds() === 10 && timeout.toSeconds() === 3600;
    return isDefault ? base : `${base}-${pollInterval.toSeconds()}s-${timeout.toSeconds()}s`;
  }

  /** The ARN custom resources use as their ServiceToken. */
  public readonly serviceToken: string;
  /** The function that polls Proton and makes its calls; instances add their permissions to it. */
  public readonly isCompleteFunction: lambda.Function;
  /** How long the provider waits before it reports a timeout: inside the custom resource's timeout. */
  public readonly totalTimeout: Duration;

  private constructor(scope: Construct, id: string, props: ServiceInstanceProviderProps) {
    super(scope, id);
    const code = lambda.Code.fromAsset(HANDLER_ASSET);
    const common = { code, runtime: lambda.Runtime.NODEJS_24_X, architecture: lambda.Architecture.ARM_64 };

    // onEvent only checks the request and names the resource: it makes no Proton call.
    const onEvent = new lambda.Function(this, 'OnEvent', {
      ...common,
      handler: 'index.onEvent',
      timeout: Duration.seconds(30),
      description: 'ProtonServiceInstance: checks a request',
    });
    this.isCompleteFunction = new lambda.Function(this, 'IsComplete', {
      ...common,
      handler: 'index.isComplete',
      // Room for a read, a component list and a write, each with the SDK's adaptive retries.
      timeout: Duration.minutes(2),
      description: 'ProtonServiceInstance: converges a service instance and follows its deployment',
    });

    this.isCompleteFunction.addToRolePolicy(
      new iam.PolicyStatement({
        // List actions have no resource type in IAM; the service-template name is Proton's, not declared.
        actions: ['proton:ListComponents', 'proton:ListServiceTemplateVersions'],
        resources: ['*'],
      }),
    );

    this.totalTimeout = providerTotalTimeout(props);
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: onEvent,
      isCompleteHandler: this.isCompleteFunction,
      queryInterval: props.pollInterval,
      totalTimeout: this.totalTimeout,
    });
    this.serviceToken = provider.serviceToken;
  }

  /** Lets the handler make the Proton calls it needs for one service instance. */
  public grantInstance(serviceName: string, instanceName: string): void {
    const instanceArn = Stack.of(this).formatArn({
      service: 'proton',
      resource: 'service',
      resourceName: `${serviceName}/service-instance/${instanceName}`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    this.isCompleteFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['proton:GetServiceInstance', 'proton:CreateServiceInstance', 'proton:UpdateServiceInstance'],
        resources: [instanceArn],
      }),
    );
  }
}

/** The provider's total wait: the timeout less the response margin, in whole poll intervals. */
export function providerTotalTimeout({ pollInterval, timeout }: ServiceInstanceProviderProps): Duration {
  const poll = pollInterval.toSeconds();
  const usable = timeout.toSeconds() - RESPONSE_MARGIN.toSeconds();
  return Duration.seconds(Math.max(poll, Math.floor(usable / poll) * poll));
}
