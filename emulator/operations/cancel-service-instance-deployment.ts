import type {
  CancelServiceInstanceDeploymentInput,
  CancelServiceInstanceDeploymentOutput,
} from '@aws-sdk/client-proton';
import { Backend } from '../backend';
import { cancelDeployment } from '../deployments';
import { instanceView } from '../views';

export function cancelServiceInstanceDeployment(
  b: Backend,
  input: CancelServiceInstanceDeploymentInput,
): CancelServiceInstanceDeploymentOutput {
  b.state.service(input.serviceName!);
  const instance = b.state.instance(input.serviceName!, input.serviceInstanceName!);
  cancelDeployment(b, instance);
  return { serviceInstance: instanceView(b.state, instance) };
}
