import { Token } from 'aws-cdk-lib';
import type { TemplateBundle } from '../render';
import { renderer } from './renderer';
import { ServiceInstanceSpec } from './service-instance-spec';

/** What rendering a service instance's template needs besides the bundle. */
export interface RenderInstanceOptions {
  /** The Proton service the instance belongs to (`service.name`). */
  readonly serviceName: string;

  /** The instance (`service_instance.name`): the spec's `instances` entry of this name gives its inputs and environment. */
  readonly instanceName: string;

  /** The service spec (`proton: ServiceSpec`) the instance was deployed with. */
  readonly spec: ServiceInstanceSpec;

  /**
   * The outputs of the instance's environment (`environment.outputs.<name>`).
   *
   * @default - none: every `environment.outputs.<name>` renders as Jinja renders an undefined value
   */
  readonly environmentOutputs?: { [name: string]: string };

  /**
   * The outputs of the components attached to the instance, by component slot (`default` for a directly
   * defined component): `service_instance.components.<slot>.outputs.<name>`.
   *
   * @default - no component attached: a component's outputs render as `{}`
   */
  readonly components?: { [slot: string]: { [name: string]: string } };

  /**
   * The names of the attached components, by slot (`service_instance.components.<slot>.name`).
   *
   * @default - undefined in the template
   */
  readonly componentNames?: { [slot: string]: string };

  /**
   * The account the environment is deployed in (`environment.account_id`).
   *
   * @default - undefined in the template
   */
  readonly environmentAccountId?: string;

  /**
   * The service's source repository, `owner/name` (`service.repository_id`).
   *
   * @default - undefined in the template
   */
  readonly repositoryId?: string;

  /**
   * The connection to that repository (`service.repository_connection_arn`).
   *
   * @default - undefined in the template
   */
  readonly repositoryConnectionArn?: string;

  /**
   * The branch the service builds from (`service.branch_name`).
   *
   * @default - undefined in the template
   */
  readonly branchName?: string;
}

/** What rendering an environment's template needs besides the bundle. */
export interface RenderEnvironmentOptions {
  /** The environment's name (`environment.name`). */
  readonly environmentName: string;

  /** The environment spec (`proton: EnvironmentSpec`) it was deployed with. */
  readonly spec: ServiceInstanceSpec;
}

/**
 * One version of a Proton template bundle (`schema/schema.yaml` and `instance_infrastructure/` or
 * `infrastructure/`, each with its `manifest.yaml`), rendered with a spec into the CloudFormation template
 * Proton deployed: the schema's defaults fill the inputs the spec leaves out, the inputs are checked against
 * the schema, then the Jinja template renders with Proton's namespace and filters, value for value as
 * Proton's Jinja did. Only CloudFormation templates rendered with Jinja are supported.
 */
export class ServiceTemplateBundle {
  /**
   * Reads the bundle of one template version from a folder at synth time, and compiles its template: a
   * missing file, a schema or template that does not parse, an unknown filter or an unsupported engine
   * (Terraform, CodeBuild provisioning, pipelines) throws here, naming the file.
   */
  public static fromDirectory(directory: string): ServiceTemplateBundle {
    return new ServiceTemplateBundle(directory, renderer.readTemplateBundle(directory));
  }

  /** The folder the bundle was read from. */
  public readonly directory: string;

  private readonly bundle: TemplateBundle;

  private constructor(directory: string, bundle: TemplateBundle) {
    this.directory = directory;
    this.bundle = bundle;
  }

  /**
   * The CloudFormation template Proton deployed for a service instance, as YAML text. Throws when the
   * bundle is an environment template, the spec has no entry for the instance, or an input breaks the
   * schema (naming the input and the rule).
   */
  public renderInstance(options: RenderInstanceOptions): string {
    return renderer.renderServiceInstance(this.bundle, { ...options, spec: specText(options.spec), isUnresolved: Token.isUnresolved });
  }

  /**
   * The CloudFormation template Proton deployed for an environment, as YAML text. Throws when the bundle
   * is a service template or an input breaks the schema (naming the input and the rule).
   */
  public renderEnvironment(options: RenderEnvironmentOptions): string {
    return renderer.renderEnvironment(this.bundle, { environmentName: options.environmentName, spec: specText(options.spec), isUnresolved: Token.isUnresolved });
  }
}

/** A spec's text, which a rendering needs whole: one holding tokens is only known at deploy time. */
function specText(spec: ServiceInstanceSpec): string {
  if (Token.isUnresolved(spec.yaml)) {
    throw new Error('ServiceTemplateBundle: the spec holds tokens, which are only known at deploy time; a rendering needs every input at synth time');
  }
  return spec.yaml;
}
