import { Backend } from '../backend';
import { cancelServiceInstanceDeployment } from './cancel-service-instance-deployment';
import { getComponent, listComponents } from './components';
import { createServiceInstance } from './create-service-instance';
import { getDeployment, listDeployments } from './deployments';
import { getServiceInstance, listServiceInstances } from './service-instances';
import { getService, updateService } from './services';
import { getServiceTemplate, getServiceTemplateVersion, listServiceTemplateVersions } from './templates';
import { updateServiceInstance } from './update-service-instance';

/** An operation's handler; its input has already passed the model's validation. */
export type Handler = (b: Backend, input: unknown) => object;

/** Narrows the input to the SDK's input type, which the model validation has just vouched for. */
function handler<I>(handle: (b: Backend, input: I) => object): Handler {
  return (b, input) => handle(b, input as I);
}

/** The operations the emulator answers, by their wire name. */
export const operations: Readonly<Record<string, Handler>> = {
  GetServiceInstance: handler(getServiceInstance),
  ListServiceInstances: handler(listServiceInstances),
  CreateServiceInstance: handler(createServiceInstance),
  UpdateServiceInstance: handler(updateServiceInstance),
  CancelServiceInstanceDeployment: handler(cancelServiceInstanceDeployment),
  GetDeployment: handler(getDeployment),
  ListDeployments: handler(listDeployments),
  GetComponent: handler(getComponent),
  ListComponents: handler(listComponents),
  GetService: handler(getService),
  UpdateService: handler(updateService),
  GetServiceTemplate: handler(getServiceTemplate),
  GetServiceTemplateVersion: handler(getServiceTemplateVersion),
  ListServiceTemplateVersions: handler(listServiceTemplateVersions),
};
