import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePythonYaml } from '../../render/python-yaml';

export const FIXTURES = path.join(__dirname, 'fixtures');

/** One render of renders.yaml: the options of renderServiceInstance or renderEnvironment, bar the spec text. */
export interface RenderCase {
  readonly name: string;
  readonly bundle: string;
  readonly spec: string;
  readonly environmentName?: string;
  readonly serviceName?: string;
  readonly instanceName?: string;
  readonly environmentOutputs?: Record<string, string>;
  readonly components?: Record<string, Record<string, string>>;
  readonly componentNames?: Record<string, string>;
  readonly environmentAccountId?: string;
  readonly repositoryId?: string;
  readonly repositoryConnectionArn?: string;
  readonly branchName?: string;
}

export function renderCases(): RenderCase[] {
  return parsePythonYaml(readFixture('renders.yaml'), 'renders.yaml') as RenderCase[];
}

export function readFixture(...parts: string[]): string {
  return fs.readFileSync(path.join(FIXTURES, ...parts), 'utf8');
}

/** A bundle folder written to a fresh temporary folder: file paths relative to the bundle, and their text. */
export function writeBundle(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proton-bundle-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

export const CFN_MANIFEST = 'infrastructure:\n  templates:\n    - file: "cloudformation.yaml"\n      rendering_engine: jinja\n      template_language: cloudformation\n';

/** A service template bundle with one input, `port` (number, default 80), and the given template. */
export function serviceBundle(template: string, schemaProperties = '        port:\n          type: number\n          default: 80\n'): string {
  return writeBundle({
    'schema/schema.yaml': `schema:\n  format:\n    openapi: "3.0.0"\n  service_input_type: In\n  types:\n    In:\n      type: object\n      properties:\n${schemaProperties}`,
    'instance_infrastructure/manifest.yaml': CFN_MANIFEST,
    'instance_infrastructure/cloudformation.yaml': template,
  });
}

/** A ServiceSpec with one instance, `web` in environment `prod`, with these inputs (YAML lines, indented by 6). */
export function serviceSpec(inputs = ''): string {
  return `proton: ServiceSpec\ninstances:\n  - name: web\n    environment: prod\n    spec:\n${inputs || '      {}\n'}`;
}
