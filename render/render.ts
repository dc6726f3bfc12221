/**
 * Rendering a bundle's template with a spec, as Proton did before it deployed: the spec's inputs, the schema's
 * defaults filled in and the inputs validated, then the Jinja template rendered with Proton's namespace and
 * filters.
 */
import { BundleTemplate, TemplateBundle, readBundleFiles } from './bundle';
import { JinjaTemplate, TemplateFailure, TemplateSyntaxError } from './engine';
import { environmentNamespace, serviceInstanceNamespace } from './namespace';
import { BLOCK_FILTERS, ECS_ENV_VARS, IAM_POLICY_ARNS, LAMBDA_ENV_VARS, SANITIZE, protonFilters } from './proton-filters';
import { PyDict, outputsByName } from './python-values';
import { RenderError } from './render-error';
import { fillDefaults } from './schema';
import { validateInputs } from './schema-validation';
import { readEnvironmentInputs, readServiceInstanceEntry } from './spec';
import { KIND_FACTS, TemplateKind } from './template-kind';

export interface ServiceInstanceRenderOptions {
  readonly serviceName: string;
  /** The instance to render: the `name` of its entry under the spec's `instances`. */
  readonly instanceName: string;
  /** The whole `proton: ServiceSpec` YAML text. */
  readonly spec: string;
  /**
   * How messages name the spec.
   * @default 'spec'
   */
  readonly specName?: string;
  /**
   * The outputs of the instance's environment (`environment.outputs.<name>`).
   * @default - none: every `environment.outputs.<name>` is undefined
   */
  readonly environmentOutputs?: Readonly<Record<string, string>>;
  /**
   * Outputs of the attached components by slot (`default` for a directly defined component), in the order
   * Proton listed them (the list filters keep it).
   * @default - no component attached: `service_instance.components.default.outputs` is `{}`
   */
  readonly components?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Names of the attached components by slot (`service_instance.components.default.name`).
   * @default - undefined in the template
   */
  readonly componentNames?: Readonly<Record<string, string>>;
  /**
   * `environment.account_id`: the account the environment is deployed in.
   * @default - undefined in the template
   */
  readonly environmentAccountId?: string;
  /**
   * `service.repository_id`: the service's source repository (`owner/name`).
   * @default - undefined in the template
   */
  readonly repositoryId?: string;
  /**
   * `service.repository_connection_arn`: the CodeStar connection to that repository.
   * @default - undefined in the template
   */
  readonly repositoryConnectionArn?: string;
  /**
   * `service.branch_name`: the branch the service builds from.
   * @default - undefined in the template
   */
  readonly branchName?: string;
  /**
   * Whether a value's text is not known yet (a CDK token for an environment output): such values pass
   * `proton_cfn_sanitize` and `raw=False` unchecked.
   * @default - every value is known
   */
  readonly isUnresolved?: (value: string) => boolean;
  /**
   * The environment's outputs known only by name, to be read at deploy time: the value of each
   * `environment.outputs.<name>` the template reads. A template that reads them as a whole (iterates,
   * filters or prints the mapping) fails the rendering, since the names are not known.
   * @default - environmentOutputs holds every output
   */
  readonly resolveEnvironmentOutput?: (name: string) => string;
  /**
   * The same for attached components' outputs, by slot.
   * @default - components holds every output
   */
  readonly resolveComponentOutputs?: Readonly<Record<string, (name: string) => string>>;
}

export interface EnvironmentRenderOptions {
  readonly environmentName: string;
  /** The whole `proton: EnvironmentSpec` YAML text. */
  readonly spec: string;
  /**
   * How messages name the spec.
   * @default 'spec'
   */
  readonly specName?: string;
  /**
   * Whether a value's text is not known yet; see ServiceInstanceRenderOptions.
   * @default - every value is known
   */
  readonly isUnresolved?: (value: string) => boolean;
}

/** Compiled templates, kept beside the plain-data bundles they belong to. */
const compiled = new WeakMap<TemplateBundle, JinjaTemplate>();

const PROTON_FILTERS = { names: [ECS_ENV_VARS, LAMBDA_ENV_VARS, IAM_POLICY_ARNS, SANITIZE], columnFilters: BLOCK_FILTERS };

/** Reads and compiles one bundle version; a RenderError names the file at fault. */
export function readTemplateBundle(dir: string): TemplateBundle {
  const bundle = readBundleFiles(dir);
  compiled.set(bundle, compile(bundle.template));
  return bundle;
}

/** The CloudFormation template Proton rendered for one service instance. */
export function renderServiceInstance(bundle: TemplateBundle, options: ServiceInstanceRenderOptions): string {
  expectKind(bundle, TemplateKind.SERVICE_INSTANCE, 'a service instance');
  const specName = options.specName ?? 'spec';
  const entry = readServiceInstanceEntry(options.spec, specName, options.instanceName);
  const inputs = checkedInputs(bundle, specName, `instance "${options.instanceName}"`, entry.inputs);
  const variables = serviceInstanceNamespace({
    serviceName: options.serviceName,
    instanceName: options.instanceName,
    environmentName: entry.environment,
    inputs,
    environmentOutputs: options.resolveEnvironmentOutput
      ? outputsByName(options.resolveEnvironmentOutput, 'environment.outputs')
      : { ...options.environmentOutputs },
    components: {
      ...Object.fromEntries(Object.entries(options.components ?? {}).map(([slot, outputs]) => [slot, { ...outputs }])),
      ...Object.fromEntries(
        Object.entries(options.resolveComponentOutputs ?? {}).map(([slot, resolve]) => [slot, outputsByName(resolve, `service_instance.components.${slot}.outputs`)]),
      ),
    },
    componentNames: options.componentNames ?? {},
    environmentAccountId: options.environmentAccountId,
    repositoryId: options.repositoryId,
    repositoryConnectionArn: options.repositoryConnectionArn,
    branchName: options.branchName,
  });
  return render(bundle, variables, options.isUnresolved);
}

/** The CloudFormation template Proton rendered for an environment. */
export function renderEnvironment(bundle: TemplateBundle, options: EnvironmentRenderOptions): string {
  expectKind(bundle, TemplateKind.ENVIRONMENT, 'an environment');
  const specName = options.specName ?? 'spec';
  const inputs = checkedInputs(bundle, specName, 'the environment', readEnvironmentInputs(options.spec, specName));
  return render(bundle, environmentNamespace(options.environmentName, inputs), options.isUnresolved);
}

function expectKind(bundle: TemplateBundle, kind: TemplateKind, what: string): void {
  if (bundle.kind !== kind) {
    throw new RenderError(bundle.dir, `renders ${KIND_FACTS[bundle.kind].folder}/, not ${what}: ${what} renders from a bundle with ${KIND_FACTS[kind].folder}/`);
  }
}

/** The inputs with defaults filled, or a RenderError listing every input that breaks the schema. */
function checkedInputs(bundle: TemplateBundle, specName: string, owner: string, given: PyDict): PyDict {
  const inputs = fillDefaults(bundle.schema, bundle.kind, given);
  const problems = validateInputs(bundle.schema, bundle.kind, inputs);
  if (problems.length > 0) {
    throw new RenderError(specName, `${owner}: ${problems.map((problem) => problem.message).join('; ')} (schema: ${bundle.schema.file})`);
  }
  return inputs;
}

function render(bundle: TemplateBundle, variables: PyDict, isUnresolved: (value: string) => boolean = () => false): string {
  const template = compiled.get(bundle) ?? compile(bundle.template);
  compiled.set(bundle, template);
  try {
    return template.render(variables, protonFilters(isUnresolved));
  } catch (error) {
    if (error instanceof TemplateFailure) throw new RenderError(bundle.template.file, `line ${error.line}: ${error.message}`);
    throw error;
  }
}

function compile(template: BundleTemplate): JinjaTemplate {
  try {
    return JinjaTemplate.compile(template.source, template.file, PROTON_FILTERS);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) throw new RenderError(template.file, `line ${error.line}: ${error.message}`);
    throw error;
  }
}
