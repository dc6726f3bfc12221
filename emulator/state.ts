import { notFound } from './errors';
import { ComponentRecord, DeploymentRecord, InstanceRecord, ServiceRecord, TemplateRecord } from './records';
import { ServiceSpec, renderServiceSpec } from './service-spec';

/** Where resources live, for ARNs. */
export interface Location {
  region: string;
  account: string;
}

/** What ListDeployments and GetDeployment can narrow deployments to; a field left out matches any. */
export interface DeploymentFilter {
  serviceName?: string;
  serviceInstanceName?: string;
  environmentName?: string;
  componentName?: string;
}

/** Everything the emulated Proton account holds, with look-ups that fail as Proton does. */
export class ProtonState {
  readonly templates = new Map<string, TemplateRecord>();
  readonly environments = new Set<string>();
  readonly services = new Map<string, ServiceRecord>();
  /** Keyed by `service/instance`; insertion order is the order of the service spec's instances. */
  readonly instances = new Map<string, InstanceRecord>();
  readonly components = new Map<string, ComponentRecord>();
  readonly deployments = new Map<string, DeploymentRecord>();

  constructor(readonly location: Location) {}

  template(name: string): TemplateRecord {
    return found(this.templates.get(name), `Resource of type 'service-template' with name '${name}' not found`);
  }

  service(name: string): ServiceRecord {
    return found(this.services.get(name), `Resource of type 'service' with name '${name}' not found`);
  }

  instance(serviceName: string, name: string): InstanceRecord {
    return found(
      this.findInstance(serviceName, name),
      `Resource of type 'service-instance' with name '${name}' in service '${serviceName}' not found`,
    );
  }

  findInstance(serviceName: string, name: string): InstanceRecord | undefined {
    return this.instances.get(instanceKey(serviceName, name));
  }

  addInstance(instance: InstanceRecord): void {
    this.instances.set(instanceKey(instance.serviceName, instance.name), instance);
  }

  removeInstance(serviceName: string, name: string): void {
    this.instances.delete(instanceKey(serviceName, name));
  }

  /** The instances of one service, or all of them. */
  instancesOf(serviceName?: string): InstanceRecord[] {
    return [...this.instances.values()].filter(
      (instance) => serviceName === undefined || instance.serviceName === serviceName,
    );
  }

  componentsOf(serviceName: string, instanceName: string): ComponentRecord[] {
    return [...this.components.values()].filter(
      (component) => component.serviceName === serviceName && component.serviceInstanceName === instanceName,
    );
  }

  component(name: string): ComponentRecord {
    return found(this.components.get(name), `Resource of type 'component' with name '${name}' not found`);
  }

  deployment(id: string): DeploymentRecord {
    return found(this.deployments.get(id), `Resource of type 'deployment' with id '${id}' not found`);
  }

  /** The deployments `filter` matches; those started at the same instant stay in newest-first order: the sort is stable. */
  deploymentsNewestFirst(filter: DeploymentFilter = {}): DeploymentRecord[] {
    return [...this.deployments.values()]
      .filter((deployment) => matchesDeploymentFilter(deployment, filter))
      .reverse()
      .sort((x, y) => y.createdAt - x.createdAt);
  }

  requireEnvironment(name: string): void {
    if (!this.environments.has(name)) {
      throw notFound(`Resource of type 'environment' with name '${name}' not found`);
    }
  }

  /** The service spec as Proton holds it: the header plus the entry of every instance deployed into it. */
  serviceSpec(serviceName: string): ServiceSpec {
    const entries = this.instancesOf(serviceName)
      .filter((instance) => instance.lastSucceededDeploymentId !== undefined)
      .map((instance) => ({ name: instance.name, environment: instance.environmentName, spec: instance.spec }));
    return { header: this.service(serviceName).header, entries };
  }

  serviceSpecText(serviceName: string): string {
    return renderServiceSpec(this.serviceSpec(serviceName));
  }

  arn(resource: string): string {
    return `arn:aws:proton:${this.location.region}:${this.location.account}:${resource}`;
  }

  instanceArn(serviceName: string, name: string): string {
    return this.arn(`service/${serviceName}/service-instance/${name}`);
  }
}

/** How instances are keyed, here and wherever per-instance bookkeeping is kept. */
export function instanceKey(serviceName: string, name: string): string {
  return `${serviceName}/${name}`;
}

/** Instance deployments never belong to a component, so a componentName filter leaves none. */
export function matchesDeploymentFilter(deployment: DeploymentRecord, filter: DeploymentFilter): boolean {
  return (
    filter.componentName === undefined &&
    (filter.serviceName === undefined || filter.serviceName === deployment.serviceName) &&
    (filter.serviceInstanceName === undefined || filter.serviceInstanceName === deployment.serviceInstanceName) &&
    (filter.environmentName === undefined || filter.environmentName === deployment.environmentName)
  );
}

/** The record a look-up found, or Proton's ResourceNotFoundException with `message`. */
function found<T>(record: T | undefined, message: string): T {
  if (record === undefined) {
    throw notFound(message);
  }
  return record;
}
