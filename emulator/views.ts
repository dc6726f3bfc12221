import type {
  Component,
  ComponentSummary,
  Deployment,
  DeploymentState,
  DeploymentSummary,
  Service,
  ServiceInstance,
  ServiceInstanceSummary,
  ServiceTemplate,
  ServiceTemplateVersion,
  ServiceTemplateVersionSummary,
} from '@aws-sdk/client-proton';
import {
  ComponentRecord,
  DeploymentRecord,
  InstanceRecord,
  InstanceVersion,
  ServiceRecord,
  TemplateRecord,
  TemplateVersionRecord,
} from './records';
import { ProtonState } from './state';
import { recommendedMinor, recommendedVersion } from './versions';

/*
 * Records as Proton shows them, typed by the SDK's own output shapes. Timestamps are Dates here;
 * the dispatcher writes them as epoch seconds.
 */

export function instanceSummaryView(state: ProtonState, instance: InstanceRecord): ServiceInstanceSummary {
  return {
    arn: state.instanceArn(instance.serviceName, instance.name),
    name: instance.name,
    serviceName: instance.serviceName,
    environmentName: instance.environmentName,
    templateName: instance.templateName,
    templateMajorVersion: instance.templateMajorVersion,
    templateMinorVersion: instance.templateMinorVersion,
    createdAt: new Date(instance.createdAt),
    deploymentStatus: instance.deploymentStatus,
    deploymentStatusMessage: instance.deploymentStatusMessage,
    lastAttemptedDeploymentId: instance.lastAttemptedDeploymentId,
    lastSucceededDeploymentId: instance.lastSucceededDeploymentId,
    lastDeploymentAttemptedAt: new Date(instance.lastDeploymentAttemptedAt),
    lastDeploymentSucceededAt: new Date(instance.lastDeploymentSucceededAt),
  };
}

/** As real Proton does, `spec` is the service's whole spec, not only this instance's entry. */
export function instanceView(state: ProtonState, instance: InstanceRecord): ServiceInstance {
  return {
    ...instanceSummaryView(state, instance),
    spec: state.serviceSpecText(instance.serviceName),
    lastClientRequestToken: instance.lastClientRequestToken,
  };
}

export function deploymentSummaryView(state: ProtonState, deployment: DeploymentRecord): DeploymentSummary {
  return {
    id: deployment.id,
    arn: state.arn(`deployment/${deployment.id}`),
    targetArn: state.instanceArn(deployment.serviceName, deployment.serviceInstanceName),
    targetResourceType: 'SERVICE_INSTANCE',
    targetResourceCreatedAt: new Date(deployment.targetResourceCreatedAt),
    serviceName: deployment.serviceName,
    serviceInstanceName: deployment.serviceInstanceName,
    environmentName: deployment.environmentName,
    deploymentStatus: deployment.deploymentStatus,
    createdAt: new Date(deployment.createdAt),
    lastModifiedAt: new Date(deployment.lastModifiedAt),
    completedAt: optionalDate(deployment.completedAt),
  };
}

export function deploymentView(state: ProtonState, deployment: DeploymentRecord): Deployment {
  return {
    ...deploymentSummaryView(state, deployment),
    deploymentStatusMessage: deployment.deploymentStatusMessage,
    initialState: deployment.initial && deploymentState(deployment, deployment.initial, deployment.initialServiceSpec!),
    targetState: deploymentState(deployment, deployment.target, deployment.targetServiceSpec),
  };
}

export function componentSummaryView(state: ProtonState, component: ComponentRecord): ComponentSummary {
  return {
    arn: state.arn(`component/${component.name}`),
    name: component.name,
    serviceName: component.serviceName,
    serviceInstanceName: component.serviceInstanceName,
    environmentName: component.environmentName,
    createdAt: new Date(component.createdAt),
    lastModifiedAt: new Date(component.lastModifiedAt),
    deploymentStatus: component.deploymentStatus,
    deploymentStatusMessage: component.deploymentStatusMessage,
    lastDeploymentAttemptedAt: optionalDate(component.lastDeploymentAttemptedAt),
    lastDeploymentSucceededAt: optionalDate(component.lastDeploymentSucceededAt),
  };
}

export function componentView(state: ProtonState, component: ComponentRecord): Component {
  return {
    ...componentSummaryView(state, component),
    description: component.description,
    serviceSpec: component.serviceSpec,
  };
}

export function serviceView(state: ProtonState, service: ServiceRecord): Service {
  return {
    arn: state.arn(`service/${service.name}`),
    name: service.name,
    templateName: service.templateName,
    description: service.description,
    spec: state.serviceSpecText(service.name),
    status: service.status,
    createdAt: new Date(service.createdAt),
    lastModifiedAt: new Date(service.lastModifiedAt),
    pipeline: service.pipeline && {
      arn: state.arn(`service/${service.name}/pipeline`),
      templateName: service.templateName,
      templateMajorVersion: service.pipeline.major,
      templateMinorVersion: service.pipeline.minor,
      deploymentStatus: 'SUCCEEDED',
      createdAt: new Date(service.createdAt),
      lastDeploymentAttemptedAt: new Date(service.createdAt),
      lastDeploymentSucceededAt: new Date(service.createdAt),
    },
  };
}

export function templateView(state: ProtonState, template: TemplateRecord): ServiceTemplate {
  const recommended = recommendedVersion(template);
  return {
    arn: state.arn(`service-template/${template.name}`),
    name: template.name,
    createdAt: new Date(template.createdAt),
    lastModifiedAt: new Date(template.createdAt),
    recommendedVersion: recommended && `${recommended.major}.${recommended.minor}`,
  };
}

export function templateVersionSummaryView(
  state: ProtonState,
  template: TemplateRecord,
  version: TemplateVersionRecord,
): ServiceTemplateVersionSummary {
  return {
    arn: state.arn(`service-template/${template.name}:${version.major}.${version.minor}`),
    templateName: template.name,
    majorVersion: version.major,
    minorVersion: version.minor,
    recommendedMinorVersion: recommendedMinor(template, version.major),
    status: version.status,
    createdAt: new Date(version.createdAt),
    lastModifiedAt: new Date(version.createdAt),
  };
}

export function templateVersionView(
  state: ProtonState,
  template: TemplateRecord,
  version: TemplateVersionRecord,
): ServiceTemplateVersion {
  return {
    ...templateVersionSummaryView(state, template, version),
    compatibleEnvironmentTemplates: [],
    ...(version.schema !== undefined ? { schema: version.schema } : {}),
  };
}

function deploymentState(deployment: DeploymentRecord, version: InstanceVersion, spec: string): DeploymentState {
  return {
    serviceInstance: {
      spec,
      templateName: deployment.templateName,
      templateMajorVersion: version.templateMajorVersion,
      templateMinorVersion: version.templateMinorVersion,
    },
  };
}

function optionalDate(ms: number | undefined): Date | undefined {
  return ms === undefined ? undefined : new Date(ms);
}
