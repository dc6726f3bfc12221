import type { Component, Deployment, Service, ServiceInstance } from '@aws-sdk/client-proton';
import { Backend } from './backend';
import { settle } from './settle';
import { componentView, deploymentView, instanceView, serviceView } from './views';

/**
 * Read-only views of the emulated account for assertions, in the SDK's own shapes (Dates for
 * timestamps). Reading here is not a call: it is not logged, not faulted, and not counted as a read.
 */
export class StateInspector {
  constructor(private readonly b: Backend) {}

  instance(serviceName: string, name: string): ServiceInstance | undefined {
    settle(this.b);
    const instance = this.b.state.findInstance(serviceName, name);
    return instance && instanceView(this.b.state, instance);
  }

  instances(serviceName?: string): ServiceInstance[] {
    settle(this.b);
    return this.b.state.instancesOf(serviceName).map((instance) => instanceView(this.b.state, instance));
  }

  service(name: string): Service | undefined {
    settle(this.b);
    const service = this.b.state.services.get(name);
    return service && serviceView(this.b.state, service);
  }

  deployment(id: string): Deployment | undefined {
    settle(this.b);
    const deployment = this.b.state.deployments.get(id);
    return deployment && deploymentView(this.b.state, deployment);
  }

  /** Newest first, optionally only those of one service or one instance. */
  deployments(filter: { serviceName?: string; serviceInstanceName?: string } = {}): Deployment[] {
    settle(this.b);
    return this.b.state.deploymentsNewestFirst(filter).map((deployment) => deploymentView(this.b.state, deployment));
  }

  component(name: string): Component | undefined {
    settle(this.b);
    const component = this.b.state.components.get(name);
    return component && componentView(this.b.state, component);
  }
}
