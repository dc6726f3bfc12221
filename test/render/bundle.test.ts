import * as path from 'node:path';
import { RenderError, TemplateKind, readTemplateBundle } from '../../render';
import { CFN_MANIFEST, FIXTURES, writeBundle } from './fixtures';

const SCHEMA = 'schema:\n  format:\n    openapi: "3.0.0"\n  service_input_type: In\n  environment_input_type: In\n  types:\n    In:\n      type: object\n';

function failure(dir: string): RenderError {
  try {
    readTemplateBundle(dir);
  } catch (error) {
    return error as RenderError;
  }
  throw new Error('expected a RenderError');
}

describe('readTemplateBundle', () => {
  it('reads a service template bundle', () => {
    const bundle = readTemplateBundle(path.join(FIXTURES, 'bundles', 'fargate-service'));
    expect(bundle.kind).toBe(TemplateKind.SERVICE_INSTANCE);
    expect(bundle.template.file).toBe(path.join(FIXTURES, 'bundles', 'fargate-service', 'instance_infrastructure', 'cloudformation.yaml'));
  });

  it('notes that a service bundle holds a pipeline it does not render', () => {
    expect(readTemplateBundle(path.join(FIXTURES, 'bundles', 'fargate-service')).hasPipeline).toBe(true);
  });

  it('reads an environment template bundle', () => {
    expect(readTemplateBundle(path.join(FIXTURES, 'bundles', 'vpc-environment')).kind).toBe(TemplateKind.ENVIRONMENT);
  });

  it('reads the template file the manifest names', () => {
    expect(readTemplateBundle(path.join(FIXTURES, 'bundles', 'worker-lambda-service')).template.file).toMatch(/instance_infrastructure\/worker\.yaml$/);
  });

  it('names the folder when it does not exist', () => {
    expect(failure('/nonexistent/bundle').message).toBe('/nonexistent/bundle: is not a folder; a template bundle is a folder holding schema/ and infrastructure/ or instance_infrastructure/');
  });

  it('names the schema file when it is missing', () => {
    const dir = writeBundle({ 'infrastructure/manifest.yaml': CFN_MANIFEST, 'infrastructure/cloudformation.yaml': 'Resources: {}\n' });
    expect(failure(dir).file).toBe(path.join(dir, 'schema', 'schema.yaml'));
  });

  it('names the manifest when it is missing', () => {
    const dir = writeBundle({ 'schema/schema.yaml': SCHEMA, 'infrastructure/cloudformation.yaml': 'Resources: {}\n' });
    expect(failure(dir).message).toBe(`${path.join(dir, 'infrastructure', 'manifest.yaml')}: missing: each template folder holds a manifest.yaml naming its template`);
  });

  it('names the template file the manifest names when it is missing', () => {
    const dir = writeBundle({ 'schema/schema.yaml': SCHEMA, 'infrastructure/manifest.yaml': CFN_MANIFEST });
    expect(failure(dir).file).toBe(path.join(dir, 'infrastructure', 'cloudformation.yaml'));
  });

  it('refuses a Terraform template, naming the manifest and what is supported', () => {
    const manifest = 'infrastructure:\n  templates:\n    - file: "*"\n      rendering_engine: hcl\n      template_language: terraform\n';
    const dir = writeBundle({ 'schema/schema.yaml': SCHEMA, 'infrastructure/manifest.yaml': manifest });
    expect(failure(dir).message).toBe(
      `${path.join(dir, 'infrastructure', 'manifest.yaml')}: is a Terraform template (rendering_engine: hcl, template_language: terraform), which Proton did not render into CloudFormation; this renderer renders \`rendering_engine: jinja\` with \`template_language: cloudformation\` (AWS-managed provisioning)`,
    );
  });

  it('refuses CodeBuild provisioning, naming the manifest', () => {
    const manifest = 'infrastructure:\n  templates:\n    - rendering_engine: codebuild\n      settings:\n        provision: [make]\n';
    const dir = writeBundle({ 'schema/schema.yaml': SCHEMA, 'instance_infrastructure/manifest.yaml': manifest });
    expect(failure(dir).message).toMatch(/manifest\.yaml: uses CodeBuild provisioning \(rendering_engine: codebuild\)/);
  });

  it('refuses a bundle that holds only a pipeline template', () => {
    const dir = writeBundle({ 'schema/schema.yaml': SCHEMA, 'pipeline_infrastructure/manifest.yaml': CFN_MANIFEST });
    expect(failure(dir).message).toBe(
      `${path.join(dir, 'pipeline_infrastructure')}: rendering pipeline templates is not supported; this renderer renders environment (infrastructure/) and service instance (instance_infrastructure/) templates`,
    );
  });

  it('refuses a customer-managed environment bundle, which holds nothing to render', () => {
    expect(failure(writeBundle({ 'schema/schema.yaml': SCHEMA })).message).toMatch(/has no infrastructure\/ or instance_infrastructure\/ folder/);
  });

  it('refuses a bundle holding both an environment and a service template', () => {
    const dir = writeBundle({ 'schema/schema.yaml': SCHEMA, 'infrastructure/manifest.yaml': CFN_MANIFEST, 'instance_infrastructure/manifest.yaml': CFN_MANIFEST });
    expect(failure(dir).message).toMatch(/holds both infrastructure\/ .* and instance_infrastructure\//);
  });

  it('requires the schema to name the input type of the template it holds', () => {
    const schema = 'schema:\n  format:\n    openapi: "3.0.0"\n  service_input_type: In\n  types:\n    In: { type: object }\n';
    const dir = writeBundle({ 'schema/schema.yaml': schema, 'infrastructure/manifest.yaml': CFN_MANIFEST, 'infrastructure/cloudformation.yaml': 'Resources: {}\n' });
    expect(failure(dir).message).toMatch(/schema\.yaml: must name `environment_input_type`/);
  });

  it('names the template file and line of a syntax error', () => {
    const dir = writeBundle({ 'schema/schema.yaml': SCHEMA, 'infrastructure/manifest.yaml': CFN_MANIFEST, 'infrastructure/cloudformation.yaml': 'Resources:\n  {{ x | nosuchfilter }}\n' });
    expect(failure(dir).message).toBe(`${path.join(dir, 'infrastructure', 'cloudformation.yaml')}: line 2: no filter named 'nosuchfilter'`);
  });
});
