import { ArnFormat, CfnElement, CustomResource, Duration, Lazy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { handlerFunctionSettings, logWriterRole } from './handler-functions';
import { acknowledgeProviderFindings, acknowledgeStackRead } from './nag-acknowledgements';

/**
 * The deploy-time read of another stack's outputs (`EnvironmentOutputs.fromStack`): a custom resource whose
 * attributes are the outputs the template reads, named as it reads them. Its handler fails the deploy when
 * the stack lacks one (lambda/outputs-lookup.ts).
 */
export class StackOutputsLookup extends Construct {
  /** The stack whose outputs are read. */
  public readonly stackName: string;
  private readonly names: string[] = [];
  private readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: { readonly stackName: string; readonly role: string }) {
    super(scope, id);
    this.stackName = props.stackName;
    const provider = StackOutputsProvider.of(this);
    provider.allowReading(props.stackName);
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::ProtonStackOutputs',
      properties: {
        StackName: props.stackName,
        // The names the template read, known once it has rendered.
        OutputNames: Lazy.list({ produce: () => this.names }),
        Role: props.role,
      },
    });
  }

  /** A reference to the output `name`, which the deploy then requires the stack to have. */
  public valueOf(name: string): string {
    if (!this.names.includes(name)) this.names.push(name);
    return this.resource.getAttString(name);
  }

  /** Whether the template read any output of this lookup. */
  public get used(): boolean {
    return this.names.length > 0;
  }

  /** The custom resource's logical id, as the synthesized template names it (a token until then). */
  public get logicalId(): string {
    return Stack.of(this).getLogicalId(this.resource.node.defaultChild as CfnElement);
  }
}

const PROVIDER_ID = 'ProtonStackOutputsProvider';

/** Removes the stack's provider of output lookups, if it has one: for when no lookup is left to use it. */
export function removeStackOutputsProvider(stack: Stack): void {
  stack.node.tryRemoveChild(PROVIDER_ID);
}

/** The stack's one provider of output lookups: a Lambda function behind the Provider framework. */
class StackOutputsProvider extends Construct {
  static of(scope: Construct): StackOutputsProvider {
    const stack = Stack.of(scope);
    return (stack.node.tryFindChild(PROVIDER_ID) as StackOutputsProvider | undefined) ?? new StackOutputsProvider(stack, PROVIDER_ID);
  }

  readonly serviceToken: string;
  private readonly role: iam.Role;
  private readonly read = new iam.PolicyStatement({ actions: ['cloudformation:DescribeStacks'] });

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH });
    this.role = logWriterRole(this, 'OnEventRole', logGroup);
    const onEvent = new lambda.Function(this, 'OnEvent', {
      ...handlerFunctionSettings(),
      handler: 'stack-outputs.onEvent',
      timeout: Duration.minutes(1),
      description: 'cdk-proton-instance: reads the outputs a taken-over template uses from the stack Proton deployed',
      role: this.role,
      logGroup,
    });
    const frameworkLogs = new logs.LogGroup(this, 'FrameworkLogs', { retention: logs.RetentionDays.ONE_MONTH });
    const frameworkRole = logWriterRole(this, 'FrameworkOnEventRole', frameworkLogs);
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: onEvent,
      logGroup: frameworkLogs,
      frameworkOnEventRole: frameworkRole,
      frameworkLambdaLoggingLevel: lambda.ApplicationLogLevel.FATAL,
    });
    this.serviceToken = provider.serviceToken;
    acknowledgeProviderFindings(provider, [frameworkRole]);
  }

  /** Lets the function read one stack, and nothing else: DescribeStacks on that stack's ARN. */
  allowReading(stackName: string): void {
    if (this.read.resources.length === 0) this.role.addToPrincipalPolicy(this.read);
    const arn = Stack.of(this).formatArn({ service: 'cloudformation', resource: 'stack', resourceName: `${stackName}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    if (this.read.resources.includes(arn)) return;
    this.read.addResources(arn);
    acknowledgeStackRead(this.role, arn);
  }
}
