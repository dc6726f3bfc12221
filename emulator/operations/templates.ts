import type {
  GetServiceTemplateInput,
  GetServiceTemplateOutput,
  GetServiceTemplateVersionInput,
  GetServiceTemplateVersionOutput,
  ListServiceTemplateVersionsInput,
  ListServiceTemplateVersionsOutput,
} from '@aws-sdk/client-proton';
import { Backend } from '../backend';
import { notFound } from '../errors';
import { paginate } from '../pagination';
import { findVersion } from '../versions';
import { templateVersionSummaryView, templateVersionView, templateView } from '../views';

export function getServiceTemplate(b: Backend, input: GetServiceTemplateInput): GetServiceTemplateOutput {
  return { serviceTemplate: templateView(b.state, b.state.template(input.name!)) };
}

export function getServiceTemplateVersion(
  b: Backend,
  input: GetServiceTemplateVersionInput,
): GetServiceTemplateVersionOutput {
  const template = b.state.template(input.templateName!);
  const version = findVersion(template, input.majorVersion!, input.minorVersion!);
  if (!version) {
    const name = `${template.name}:${input.majorVersion}.${input.minorVersion}`;
    throw notFound(`Resource of type 'service-template-version' with name '${name}' not found`);
  }
  return { serviceTemplateVersion: templateVersionView(b.state, template, version) };
}

export function listServiceTemplateVersions(
  b: Backend,
  input: ListServiceTemplateVersionsInput,
): ListServiceTemplateVersionsOutput {
  const template = b.state.template(input.templateName!);
  const summaries = template.versions
    .filter((version) => input.majorVersion === undefined || version.major === input.majorVersion)
    .map((version) => templateVersionSummaryView(b.state, template, version));
  const { page, nextToken } = paginate(summaries, input.maxResults, input.nextToken);
  return { templateVersions: page, nextToken };
}
