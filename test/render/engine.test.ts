import { BLOCK_FILTERS, protonFilters } from '../../render/proton-filters';
import { JinjaTemplate } from '../../render/engine';
import { parsePythonYaml } from '../../render/python-yaml';
import { readFixture } from './fixtures';

interface EngineCase {
  readonly name: string;
  readonly template: string;
  readonly variables?: Record<string, unknown>;
}

type Golden = { readonly output: string } | { readonly error: string; readonly message: string };

const cases = parsePythonYaml(readFixture('engine-cases.yaml'), 'engine-cases.yaml') as EngineCase[];
const goldens = JSON.parse(readFixture('goldens', 'engine-cases.json')) as Record<string, Golden>;
const PROTON = { names: Object.keys(protonFilters(() => false)), columnFilters: BLOCK_FILTERS };

function render(testCase: EngineCase): string {
  return JinjaTemplate.compile(testCase.template, 'case', PROTON).render(testCase.variables ?? {}, protonFilters(() => false));
}

describe('the engine, against Jinja2 on engine-cases.yaml', () => {
  const rendered = cases.filter((testCase) => 'output' in goldens[testCase.name]);
  const failing = cases.filter((testCase) => 'error' in goldens[testCase.name]);

  it.each(rendered.map((testCase) => [testCase.name, testCase] as const))('renders %s as Jinja2 does', (_name, testCase) => {
    expect(render(testCase)).toBe((goldens[testCase.name] as { output: string }).output);
  });

  it.each(failing.map((testCase) => [testCase.name, testCase] as const))('fails where Jinja2 fails: %s', (_name, testCase) => {
    expect(() => render(testCase)).toThrow();
  });

  it('has a golden for every case', () => {
    expect(Object.keys(goldens).sort()).toEqual(cases.map((testCase) => testCase.name).sort());
  });
});
