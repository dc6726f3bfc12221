import { InstanceError, isTransient, protonAnswer } from './errors';
import { BUSY_STATUSES, DesiredState, InstanceState } from './instance-state';
import { logDecision } from './log';
import { componentsBusy, plan, recommendedMinorNeeded } from './planner';
import { InstanceRef, ProtonPort } from './proton-port';
import {
  CompletionEvent,
  InstanceAttributes,
  IsCompleteResult,
  OnEventResult,
  ResourceEvent,
  clientToken,
  desiredState,
  physicalId,
} from './resource-event';
import { findInstanceEntry, parseServiceSpec } from './spec';

const NOT_COMPLETE: IsCompleteResult = { IsComplete: false };

/**
 * Checks the request and names the resource; Proton is not called here. All Proton work happens in
 * isComplete, so a busy instance is simply waited for and a no-op costs a single read.
 */
export async function onEvent(event: ResourceEvent): Promise<OnEventResult> {
  if (event.RequestType === 'Delete') {
    // There is no DeleteServiceInstance: the instance stays, and so does its physical id.
    logDecision({ request: 'Delete', instance: event.PhysicalResourceId, action: 'none' });
    return { PhysicalResourceId: event.PhysicalResourceId ?? physicalId(event.ResourceProperties) };
  }
  const desired = desiredState(event.ResourceProperties);
  const ref = refOf(desired);
  const doc = parseOrFail(ref, () => parseServiceSpec(desired.spec, 'the declared spec'));
  if (!findInstanceEntry(doc, desired.instanceName)) {
    throw new InstanceError(ref, 'checking the declared spec', `it has no entry named ${desired.instanceName} under instances`);
  }
  logDecision({ request: event.RequestType, instance: physicalId(event.ResourceProperties) });
  return { PhysicalResourceId: physicalId(event.ResourceProperties) };
}

/**
 * Called by the framework with the same event until it returns IsComplete: true. Progress is derived
 * from Proton on every call: the deployment this request started is the one whose
 * lastClientRequestToken is this request's token.
 */
export async function isComplete(event: CompletionEvent, proton: ProtonPort): Promise<IsCompleteResult> {
  if (event.RequestType === 'Delete') return { IsComplete: true };
  const desired = desiredState(event.ResourceProperties);
  const ref = refOf(desired);
  try {
    return await converge(ref, desired, event, proton);
  } catch (e) {
    // A throw here fails the resource at once: only a real verdict may throw.
    if (isTransient(e)) {
      logDecision({ instance: physicalId(event.ResourceProperties), action: 'retry', error: (e as Error).name });
      return NOT_COMPLETE;
    }
    if (e instanceof InstanceError) throw e;
    throw new InstanceError(ref, 'talking to Proton', protonAnswer(e));
  }
}

async function converge(
  ref: InstanceRef,
  desired: DesiredState,
  event: CompletionEvent,
  proton: ProtonPort,
): Promise<IsCompleteResult> {
  const token = clientToken(event);
  const instance = await proton.getInstance(ref);
  if (!instance) return createMissing(ref, desired, event, token, proton);
  if (instance.lastClientRequestToken === token) return followOwnDeployment(ref, instance);

  const needsMinor = recommendedMinorNeeded(instance, desired);
  const recommendedMinor = needsMinor ? await proton.recommendedMinorVersion(instance.templateName, needsMinor) : undefined;
  const decision = parseOrFail(ref, () => plan({ current: instance, desired, recommendedMinor }));
  const log = { instance: physicalId(event.ResourceProperties), request: event.RequestType, reasons: decision.reasons };

  switch (decision.action) {
    case 'none':
      logDecision({ ...log, action: 'none' });
      return { IsComplete: true, Data: attributes(instance) };
    case 'wait':
      logDecision({ ...log, action: 'wait' });
      return NOT_COMPLETE;
    case 'fail':
      throw new InstanceError(ref, 'planning the update', decision.reasons.join('; '));
    case 'update': {
      const busy = componentsBusy(await proton.listAttachedComponents(ref));
      if (busy.length > 0) {
        logDecision({ ...log, action: 'wait', reasons: busy });
        return NOT_COMPLETE;
      }
      await write(ref, `updating with ${decision.request.deploymentType}`, () =>
        proton.updateInstance(ref, decision.request, token),
      );
      logDecision({
        ...log,
        action: 'update',
        deploymentType: decision.request.deploymentType,
        templateMajorVersion: decision.request.templateMajorVersion,
        templateMinorVersion: decision.request.templateMinorVersion,
      });
      return NOT_COMPLETE;
    }
  }
}

async function createMissing(
  ref: InstanceRef,
  desired: DesiredState,
  event: CompletionEvent,
  token: string,
  proton: ProtonPort,
): Promise<IsCompleteResult> {
  if (event.RequestType !== 'Create') {
    throw new InstanceError(ref, `${event.RequestType.toLowerCase()} request`, 'Proton has no such instance (was it deleted outside CloudFormation?)');
  }
  const request = {
    spec: desired.spec,
    templateMajorVersion: desired.templateMajorVersion,
    templateMinorVersion: desired.templateMinorVersion,
  };
  await write(ref, 'creating the instance', () => proton.createInstance(ref, request, token));
  logDecision({ instance: physicalId(event.ResourceProperties), request: 'Create', action: 'create' });
  return NOT_COMPLETE;
}

/** The deployment this request started: wait while it runs, then report Proton's verdict. */
function followOwnDeployment(ref: InstanceRef, instance: InstanceState): IsCompleteResult {
  const deployment = instance.lastAttemptedDeploymentId ?? 'started by this request';
  if (BUSY_STATUSES.has(instance.deploymentStatus)) {
    logDecision({ instance: `${ref.serviceName}/${ref.instanceName}`, action: 'wait', deployment, status: instance.deploymentStatus });
    return NOT_COMPLETE;
  }
  if (instance.deploymentStatus === 'SUCCEEDED') {
    logDecision({ instance: `${ref.serviceName}/${ref.instanceName}`, action: 'done', deployment });
    return { IsComplete: true, Data: attributes(instance) };
  }
  throw new InstanceError(
    ref,
    `expected deployment ${deployment} to succeed, Proton reports ${instance.deploymentStatus}`,
    instance.deploymentStatusMessage ?? 'Proton gave no status message',
  );
}

/** Runs a Proton write; a refusal that is not transient becomes a verdict naming what was being done. */
async function write(ref: InstanceRef, doing: string, call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (e) {
    if (isTransient(e)) throw e;
    throw new InstanceError(ref, doing, protonAnswer(e));
  }
}

function parseOrFail<T>(ref: InstanceRef, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new InstanceError(ref, 'reading the spec', (e as Error).message);
  }
}

function attributes(instance: InstanceState): InstanceAttributes {
  return {
    DeploymentId: instance.lastSucceededDeploymentId ?? instance.lastAttemptedDeploymentId ?? '',
    TemplateMajorVersion: instance.templateMajorVersion,
    TemplateMinorVersion: instance.templateMinorVersion,
    ServiceInstanceArn: instance.arn,
  };
}

function refOf(desired: DesiredState): InstanceRef {
  return { serviceName: desired.serviceName, instanceName: desired.instanceName };
}
