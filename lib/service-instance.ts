import { CustomResource, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DEFAULT_LOG_RETENTION, DEFAULT_POLL_INTERVAL, DEFAULT_TIMEOUT, ServiceInstanceProvider } from './provider';
import { ServiceInstanceSpec } from './service-instance-spec';
import { validateProps } from './validation';

/** Properties of a ProtonServiceInstance. */
export interface ProtonServiceInstanceProps {
  /** The Proton service the instance belongs to. */
  readonly serviceName: string;

  /** The instance's name; the spec must have an entry of this name under `instances`. */
  readonly instanceName: string;

  /** The service spec to deploy for this instance. */
  readonly spec: ServiceInstanceSpec;

  /**
   * The template major version to run. A higher one than the instance runs is a MAJOR_VERSION
   * deployment; a lower one is refused, as Proton refuses it.
   *
   * @default - the instance's current major version (on creation, the template's recommended one)
   */
  readonly templateMajorVersion?: string;

  /**
   * The template minor version to run. Requires templateMajorVersion.
   *
   * @default - the current minor version while the major is unchanged; Proton's recommended minor
   * version of a new major
   */
  readonly templateMinorVersion?: string;

  /**
   * How long CloudFormation waits for a deployment before it fails the resource (the custom
   * resource's service timeout). From 1 minute to 1 hour.
   *
   * @default Duration.hours(1)
   */
  readonly deploymentTimeout?: Duration;

  /**
   * How often the handler asks Proton whether the deployment has ended. From 1 second to 5 minutes, at
   * most half of deploymentTimeout.
   *
   * @default Duration.seconds(10)
   */
  readonly pollInterval?: Duration;

  /**
   * The service template the service runs, as Proton names it. Scopes the handler's template reads
   * (ListServiceTemplateVersions, to find a recommended minor version; GetServiceTemplateVersion, for the
   * schema defaults of the version the instance runs) to this template's ARN. With a name other than the
   * service's own, those reads fail with AccessDenied.
   *
   * @default - the handler may list the versions of any service template in the stack's account and region
   */
  readonly templateName?: string;

  /**
   * How long the log groups of the handler and of the Provider framework keep their events. Instances of
   * a stack that share a provider share its log groups, so an instance with another retention gets a
   * provider of its own.
   *
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * What a stack Delete (or a replacement) does to the instance. RETAIN leaves it in Proton. DESTROY
   * removes it the only way Proton allows, an UpdateService whose spec no longer lists it, and waits
   * until it is gone; it refuses when a component is attached or when it is the service's last instance.
   * Other policies are refused.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Where the handler reaches Proton: the URL of a Proton-compatible endpoint, for when AWS's own is not
   * the one to use (AWS ended Proton on 2026-10-07). Instances with another endpoint get a provider of
   * their own.
   *
   * @default - AWS's Proton endpoint of the stack's region
   */
  readonly protonEndpoint?: string;
}

/**
 * An AWS Proton service instance kept at the spec and template version declared here. Each change is
 * deployed with the UpdateServiceInstance deployment type it needs, and CloudFormation hears success
 * only when that deployment has succeeded.
 */
export class ProtonServiceInstance extends Construct {
  /** The Proton service the instance belongs to. */
  public readonly serviceName: string;
  /** The instance's name. */
  public readonly instanceName: string;
  /** The id of the deployment that brought the instance to the declared state. */
  public readonly deploymentId: string;
  /** The template major version the instance runs. */
  public readonly templateMajorVersion: string;
  /** The template minor version the instance runs. */
  public readonly templateMinorVersion: string;
  /** The service instance's ARN. */
  public readonly serviceInstanceArn: string;

  constructor(scope: Construct, id: string, props: ProtonServiceInstanceProps) {
    super(scope, id);
    const deploymentTimeout = props.deploymentTimeout ?? DEFAULT_TIMEOUT;
    const pollInterval = props.pollInterval ?? DEFAULT_POLL_INTERVAL;
    validateProps(this, props, deploymentTimeout, pollInterval);
    this.serviceName = props.serviceName;
    this.instanceName = props.instanceName;

    const logRetention = props.logRetention ?? DEFAULT_LOG_RETENTION;
    const provider = ServiceInstanceProvider.of(this, { pollInterval, timeout: deploymentTimeout, logRetention, protonEndpoint: props.protonEndpoint });
    provider.grantInstance(props);

    const resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::ProtonServiceInstance',
      serviceTimeout: deploymentTimeout,
      properties: {
        ServiceName: props.serviceName,
        InstanceName: props.instanceName,
        Spec: props.spec.yaml,
        TemplateMajorVersion: props.templateMajorVersion,
        TemplateMinorVersion: props.templateMinorVersion,
        // The handler's own deadline: it cancels its deployment before the provider gives up.
        TimeoutSeconds: provider.totalTimeout.toSeconds(),
        PollIntervalSeconds: pollInterval.toSeconds(),
        RemovalPolicy: props.removalPolicy === RemovalPolicy.DESTROY ? 'destroy' : undefined,
      },
    });

    this.deploymentId = resource.getAttString('DeploymentId');
    this.templateMajorVersion = resource.getAttString('TemplateMajorVersion');
    this.templateMinorVersion = resource.getAttString('TemplateMinorVersion');
    this.serviceInstanceArn = resource.getAttString('ServiceInstanceArn');
  }
}

