import type {
  GetComponentInput,
  GetComponentOutput,
  ListComponentsInput,
  ListComponentsOutput,
} from '@aws-sdk/client-proton';
import { Backend } from '../backend';
import { paginate } from '../pagination';
import { componentSummaryView, componentView } from '../views';

export function getComponent(b: Backend, input: GetComponentInput): GetComponentOutput {
  return { component: componentView(b.state, b.state.component(input.name!)) };
}

export function listComponents(b: Backend, input: ListComponentsInput): ListComponentsOutput {
  const summaries = [...b.state.components.values()]
    .filter(
      (component) =>
        (input.serviceName === undefined || component.serviceName === input.serviceName) &&
        (input.serviceInstanceName === undefined || component.serviceInstanceName === input.serviceInstanceName) &&
        (input.environmentName === undefined || component.environmentName === input.environmentName),
    )
    .map((component) => componentSummaryView(b.state, component));
  const { page, nextToken } = paginate(summaries, input.maxResults, input.nextToken);
  return { components: page, nextToken };
}
