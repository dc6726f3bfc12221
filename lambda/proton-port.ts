import { ComponentState, InstanceState, ServiceState } from './instance-state';
import { UpdateRequest } from './planner';

/** Names of the instance a call is about. */
export interface InstanceRef {
  readonly serviceName: string;
  readonly instanceName: string;
}

/** The few Proton calls the handler makes. The SDK adapter implements it; tests hand in fakes. */
export interface ProtonPort {
  /** The instance, or undefined when Proton says it does not exist. */
  getInstance(ref: InstanceRef): Promise<InstanceState | undefined>;
  listAttachedComponents(ref: InstanceRef): Promise<ComponentState[]>;
  /** The recommended minor version of one major of a service template. */
  recommendedMinorVersion(templateName: string, majorVersion: string): Promise<string | undefined>;
  /** The schema (schema.yaml's text) of one version of a service template; undefined when it has none or is gone. */
  templateSchema(templateName: string, majorVersion: string, minorVersion: string): Promise<string | undefined>;
  createInstance(ref: InstanceRef, request: CreateRequest, clientToken: string): Promise<void>;
  updateInstance(ref: InstanceRef, request: UpdateRequest, clientToken: string): Promise<void>;
  /** Cancels the deployment running on the instance. */
  cancelDeployment(ref: InstanceRef): Promise<void>;
  /** The service, or undefined when Proton says it does not exist. */
  getService(serviceName: string): Promise<ServiceState | undefined>;
  updateServiceSpec(serviceName: string, spec: string): Promise<void>;
}

/** The parameters of CreateServiceInstance besides names and client token. */
export interface CreateRequest {
  readonly spec: string;
  readonly templateMajorVersion?: string;
  readonly templateMinorVersion?: string;
}
