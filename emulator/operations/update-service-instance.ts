import type { UpdateServiceInstanceInput, UpdateServiceInstanceOutput } from '@aws-sdk/client-proton';
import { Backend } from '../backend';
import { assertInstanceIdle, assertServiceActive, isRetryOfLastRequest, startDeployment } from '../deployments';
import { submittedInstanceSpec } from '../service-spec';
import { instanceKey } from '../state';
import { updateTarget } from '../versions';
import { instanceView } from '../views';

export function updateServiceInstance(b: Backend, input: UpdateServiceInstanceInput): UpdateServiceInstanceOutput {
  const serviceName = input.serviceName!;
  const service = b.state.service(serviceName);
  const instance = b.state.instance(serviceName, input.name!);
  if (isRetryOfLastRequest(instance, input.clientToken)) {
    return { serviceInstance: instanceView(b.state, instance) };
  }
  const deploymentType = input.deploymentType!;
  const current = { major: instance.templateMajorVersion, minor: instance.templateMinorVersion };
  const template = b.state.template(instance.templateName);
  const versions = updateTarget(template, current, deploymentType, input.templateMajorVersion, input.templateMinorVersion);
  const spec =
    input.spec === undefined
      ? instance.spec
      : submittedInstanceSpec(input.spec, instance.name, instance.environmentName, instance.spec);
  assertServiceActive(service);
  assertInstanceIdle(b, instance);

  const before = instanceView(b.state, instance);
  if (deploymentType === 'NONE') {
    instance.spec = spec;
  } else {
    const target = { templateMajorVersion: versions.major, templateMinorVersion: versions.minor, spec };
    startDeployment(b, { instance, target, clientToken: input.clientToken, creates: false });
  }
  b.plan.rememberBeforeUpdate(instanceKey(serviceName, instance.name), before);
  return { serviceInstance: instanceView(b.state, instance) };
}
