import type {
  GetDeploymentInput,
  GetDeploymentOutput,
  ListDeploymentsInput,
  ListDeploymentsOutput,
} from '@aws-sdk/client-proton';
import { Backend } from '../backend';
import { countRead } from '../deployments';
import { notFound } from '../errors';
import { paginate } from '../pagination';
import { matchesDeploymentFilter } from '../state';
import { deploymentSummaryView, deploymentView } from '../views';

export function getDeployment(b: Backend, input: GetDeploymentInput): GetDeploymentOutput {
  const deployment = b.state.deployment(input.id!);
  if (!matchesDeploymentFilter(deployment, input)) {
    throw notFound(`Resource of type 'deployment' with id '${input.id}' not found for the given resource`);
  }
  const view = deploymentView(b.state, deployment);
  countRead(deployment);
  return { deployment: view };
}

/** Newest first, as Proton lists them. */
export function listDeployments(b: Backend, input: ListDeploymentsInput): ListDeploymentsOutput {
  if (input.serviceName !== undefined) {
    b.state.service(input.serviceName);
  }
  if (input.componentName !== undefined) {
    b.state.component(input.componentName);
  }
  const summaries = b.state.deploymentsNewestFirst(input).map((deployment) => deploymentSummaryView(b.state, deployment));
  const { page, nextToken } = paginate(summaries, input.maxResults, input.nextToken);
  return { deployments: page, nextToken };
}
