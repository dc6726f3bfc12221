import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { acknowledgeAnyTemplate, acknowledgeListComponents } from './nag-acknowledgements';

/** Reading the instance, creating it, deploying to it and cancelling a deployment that outlives its deadline. */
const INSTANCE_ACTIONS = [
  'proton:GetServiceInstance',
  'proton:CreateServiceInstance',
  'proton:UpdateServiceInstance',
  'proton:CancelServiceInstanceDeployment',
];
/** Removing an instance (removal policy DESTROY): Proton's only way is an UpdateService without it. */
const SERVICE_ACTIONS = ['proton:GetService', 'proton:UpdateService'];
/**
 * Finding a major version's recommended minor version, and reading the schema of the version an instance
 * runs (its defaults, when the declared inputs leave one out); IAM authorizes both on the service-template ARN.
 */
const TEMPLATE_ACTIONS = ['proton:ListServiceTemplateVersions', 'proton:GetServiceTemplateVersion'];

/** One service instance whose Proton calls the handler may make. */
export interface InstanceGrant {
  readonly serviceName: string;
  readonly instanceName: string;
  /** The service's template; undefined grants the template read on every service template of the account and region. */
  readonly templateName?: string;
  /** Removal policy DESTROY: the handler reads the service and updates its spec to remove the instance. */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The Proton permissions of the role that calls Proton, gathered from every instance the provider serves:
 * one statement per set of actions, listing the ARNs of all instances, so each instance adds an ARN to
 * the policy rather than a statement.
 */
export class ProtonPermissions {
  /** Statements by their actions; each is added to the role when its first resource arrives. */
  private readonly statements = new Map<string, iam.PolicyStatement>();
  private readonly stack: Stack;

  constructor(private readonly role: iam.IRole) {
    this.stack = Stack.of(role);
    // ListComponents has no resource type in IAM, so it can only be granted on "*"; the handler asks only
    // for the components attached to its own instance (filtered by service and instance name).
    this.allow(['proton:ListComponents'], '*');
    acknowledgeListComponents(role);
  }

  /** Lets the handler make its calls for one instance: on the instance's ARN and its service template's. */
  public grantInstance(grant: InstanceGrant): void {
    this.allow(INSTANCE_ACTIONS, this.arn(`service/${grant.serviceName}/service-instance/${grant.instanceName}`));
    // The template is Proton's to know; without a declared templateName, any service template of this
    // account and region (reads of its versions, nothing else).
    const templateArn = this.arn(`service-template/${grant.templateName ?? '*'}`);
    if (this.allow(TEMPLATE_ACTIONS, templateArn) && grant.templateName === undefined) acknowledgeAnyTemplate(this.role, templateArn);
    if (grant.removalPolicy === RemovalPolicy.DESTROY) this.allow(SERVICE_ACTIONS, this.arn(`service/${grant.serviceName}`));
  }

  /** Adds the resource to the statement of these actions; false when it was already there. */
  private allow(actions: string[], resource: string): boolean {
    const key = actions.join(',');
    let statement = this.statements.get(key);
    if (statement === undefined) {
      statement = new iam.PolicyStatement({ actions });
      this.statements.set(key, statement);
      this.role.addToPrincipalPolicy(statement);
    }
    if (statement.resources.includes(resource)) return false;
    statement.addResources(resource);
    return true;
  }

  private arn(resource: string): string {
    return this.stack.formatArn({ service: 'proton', resource, arnFormat: ArnFormat.NO_RESOURCE_NAME });
  }
}
