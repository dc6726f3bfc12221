import * as path from 'node:path';
import { readTemplateBundle, renderEnvironment, renderServiceInstance } from '../../render';
import { parseCloudFormation } from './cloudformation-yaml';
import { FIXTURES, RenderCase, readFixture, renderCases } from './fixtures';

/** Goldens are Jinja2's renderings of the same fixtures (test/render/oracle.py writes them). */
function render(testCase: RenderCase): string {
  const bundle = readTemplateBundle(path.join(FIXTURES, 'bundles', testCase.bundle));
  const spec = readFixture('specs', testCase.spec);
  if (testCase.environmentName !== undefined) {
    return renderEnvironment(bundle, { environmentName: testCase.environmentName, spec });
  }
  return renderServiceInstance(bundle, { ...testCase, serviceName: testCase.serviceName!, instanceName: testCase.instanceName!, spec });
}

describe.each(renderCases().map((testCase) => [testCase.name, testCase] as const))('the %s fixture', (name, testCase) => {
  const golden = readFixture('goldens', `${name}.yaml`);

  it('renders byte for byte as Jinja2 renders it', () => {
    expect(render(testCase)).toBe(golden);
  });

  it('renders the same CloudFormation data as Jinja2', () => {
    expect(parseCloudFormation(render(testCase))).toEqual(parseCloudFormation(golden));
  });

  it('renders a CloudFormation template with resources', () => {
    const template = parseCloudFormation(render(testCase)) as { Resources?: Record<string, { Type?: unknown }> };
    expect(Object.values(template.Resources ?? {}).length).toBeGreaterThan(0);
    expect(Object.values(template.Resources!).every((resource) => typeof resource.Type === 'string')).toBe(true);
  });
});
