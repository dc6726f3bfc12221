import {
  CancelServiceInstanceDeploymentCommand,
  CreateServiceInstanceCommand,
  GetServiceCommand,
  GetServiceInstanceCommand,
  GetServiceTemplateVersionCommand,
  ProtonClient,
  ResourceNotFoundException,
  UpdateServiceCommand,
  UpdateServiceInstanceCommand,
  paginateListComponents,
  paginateListServiceTemplateVersions,
} from '@aws-sdk/client-proton';
import { ComponentState, InstanceState, ServiceState } from './instance-state';
import { UpdateRequest } from './planner';
import { CreateRequest, InstanceRef, ProtonPort } from './proton-port';

/** The ProtonPort over the AWS SDK: the only file that knows the SDK's shapes. */
export class ProtonSdk implements ProtonPort {
  constructor(private readonly client: ProtonClient) {}

  async getInstance(ref: InstanceRef): Promise<InstanceState | undefined> {
    try {
      const { serviceInstance: i } = await this.client.send(
        new GetServiceInstanceCommand({ serviceName: ref.serviceName, name: ref.instanceName }),
      );
      if (!i) return undefined;
      return {
        arn: i.arn ?? '',
        templateName: i.templateName ?? '',
        templateMajorVersion: i.templateMajorVersion ?? '',
        templateMinorVersion: i.templateMinorVersion ?? '',
        deploymentStatus: i.deploymentStatus ?? '',
        deploymentStatusMessage: i.deploymentStatusMessage,
        spec: i.spec,
        lastClientRequestToken: i.lastClientRequestToken,
        lastAttemptedDeploymentId: i.lastAttemptedDeploymentId,
        lastSucceededDeploymentId: i.lastSucceededDeploymentId,
        lastDeploymentAttemptedAt: i.lastDeploymentAttemptedAt?.getTime(),
      };
    } catch (e) {
      if (e instanceof ResourceNotFoundException) return undefined;
      throw e;
    }
  }

  async listAttachedComponents(ref: InstanceRef): Promise<ComponentState[]> {
    const components: ComponentState[] = [];
    const pages = paginateListComponents(
      { client: this.client },
      { serviceName: ref.serviceName, serviceInstanceName: ref.instanceName },
    );
    for await (const page of pages) {
      for (const c of page.components ?? []) {
        components.push({ name: c.name ?? '', deploymentStatus: c.deploymentStatus ?? '' });
      }
    }
    return components;
  }

  async recommendedMinorVersion(templateName: string, majorVersion: string): Promise<string | undefined> {
    const pages = paginateListServiceTemplateVersions({ client: this.client }, { templateName, majorVersion });
    for await (const page of pages) {
      const recommended = page.templateVersions?.find((v) => v.recommendedMinorVersion)?.recommendedMinorVersion;
      if (recommended) return recommended;
    }
    return undefined;
  }

  async templateSchema(templateName: string, majorVersion: string, minorVersion: string): Promise<string | undefined> {
    try {
      const { serviceTemplateVersion } = await this.client.send(new GetServiceTemplateVersionCommand({ templateName, majorVersion, minorVersion }));
      return serviceTemplateVersion?.schema;
    } catch (e) {
      if (e instanceof ResourceNotFoundException) return undefined;
      throw e;
    }
  }

  async createInstance(ref: InstanceRef, request: CreateRequest, clientToken: string): Promise<void> {
    await this.client.send(
      new CreateServiceInstanceCommand({ serviceName: ref.serviceName, name: ref.instanceName, clientToken, ...request }),
    );
  }

  async updateInstance(ref: InstanceRef, request: UpdateRequest, clientToken: string): Promise<void> {
    await this.client.send(
      new UpdateServiceInstanceCommand({ serviceName: ref.serviceName, name: ref.instanceName, clientToken, ...request }),
    );
  }

  async cancelDeployment(ref: InstanceRef): Promise<void> {
    await this.client.send(
      new CancelServiceInstanceDeploymentCommand({ serviceName: ref.serviceName, serviceInstanceName: ref.instanceName }),
    );
  }

  async getService(serviceName: string): Promise<ServiceState | undefined> {
    try {
      const { service } = await this.client.send(new GetServiceCommand({ name: serviceName }));
      return service && { spec: service.spec ?? '', status: service.status ?? '', statusMessage: service.statusMessage };
    } catch (e) {
      if (e instanceof ResourceNotFoundException) return undefined;
      throw e;
    }
  }

  async updateServiceSpec(serviceName: string, spec: string): Promise<void> {
    await this.client.send(new UpdateServiceCommand({ name: serviceName, spec }));
  }
}
