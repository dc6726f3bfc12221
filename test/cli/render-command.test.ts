/**
 * `cdk-proton-instance render`, the built command run as a child process on the renderer's fixtures: what
 * it prints is the golden rendering (Python's Jinja2 wrote it, test/render/oracle.py); every problem exits 1
 * naming the file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, readFixture, renderCases, serviceBundle, serviceSpec, writeBundle } from '../render/fixtures';
import { runCli } from './support';

const bundleDir = (name: string) => path.join(FIXTURES, 'bundles', name);
const specFile = (name: string) => path.join(FIXTURES, 'specs', name);

/** A JSON file in a fresh folder. */
function jsonFile(name: string, value: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'render-cli-')), name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

/** A spec file in a fresh folder. */
function specOf(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'render-cli-')), 'spec.yaml');
  fs.writeFileSync(file, text);
  return file;
}

describe('render', () => {
  it('prints the service instance template Proton rendered, with environment and component outputs', async () => {
    const c = renderCases().find((r) => r.name === 'worker-lambda-service-orders')!;
    const run = await runCli([
      'render',
      '--template', bundleDir(c.bundle),
      '--spec', specFile(c.spec),
      '--service', c.serviceName!,
      '--instance', c.instanceName!,
      '--environment-outputs', jsonFile('env.json', c.environmentOutputs),
      '--component-outputs', jsonFile('components.json', c.components),
      '--component-names', jsonFile('names.json', c.componentNames),
    ]);
    expect(run).toEqual({ code: 0, stdout: readFixture('goldens', `${c.name}.yaml`), stderr: '' });
  });

  it('prints the environment template for an EnvironmentSpec', async () => {
    const c = renderCases().find((r) => r.environmentName !== undefined)!;
    const run = await runCli(['render', '--template', bundleDir(c.bundle), '--spec', specFile(c.spec), '--environment-name', c.environmentName!]);
    expect(run).toEqual({ code: 0, stdout: readFixture('goldens', `${c.name}.yaml`), stderr: '' });
  });

  it('lists its flags with --help', async () => {
    const run = await runCli(['render', '--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--template', '--spec', '--instance', '--service', '--environment-name', '--environment-outputs', '--component-outputs', '--component-names', '--environment-account-id']) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('exits 1 naming the spec, the input and the rule it breaks', async () => {
    const template = serviceBundle('Port: {{ service_instance.inputs.port }}\n', '        port:\n          type: number\n          maximum: 65535\n');
    const spec = specOf(serviceSpec('      port: 70000\n'));
    const run = await runCli(['render', '--template', template, '--spec', spec, '--service', 'api', '--instance', 'web']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^cdk-proton-instance: ${spec.replace(/[.\\/]/g, '\\$&')}: .*port.*maximum.*65535`));
  });

  it('exits 1 naming the template file and the filter when a filter is unknown', async () => {
    const template = serviceBundle('Name: {{ service.name | shout }}\n');
    const run = await runCli(['render', '--template', template, '--spec', specOf(serviceSpec()), '--service', 'api', '--instance', 'web']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(path.join(template, 'instance_infrastructure', 'cloudformation.yaml'));
    expect(run.stderr).toContain('shout');
  });

  it('exits 1 naming the manifest of a Terraform bundle, which Proton did not render', async () => {
    const template = writeBundle({
      'schema/schema.yaml': 'schema:\n  format:\n    openapi: "3.0.0"\n  environment_input_type: In\n  types:\n    In:\n      type: object\n',
      'infrastructure/manifest.yaml': 'infrastructure:\n  templates:\n    - file: "*"\n      rendering_engine: hcl\n      template_language: terraform\n',
    });
    const run = await runCli(['render', '--template', template, '--spec', specOf('proton: EnvironmentSpec\nspec: {}\n'), '--environment-name', 'prod']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(template, 'infrastructure', 'manifest.yaml')}: is a Terraform template`);
  });

  it('exits 1 naming a file that is missing', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-spec.yaml');
    const run = await runCli(['render', '--template', bundleDir('vpc-environment'), '--spec', missing, '--environment-name', 'prod']);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `cdk-proton-instance: ${missing}: missing: the spec given on the command line\n` });
  });

  it('exits 1 naming an output that is not a string', async () => {
    const outputs = jsonFile('env.json', { VpcId: 12 });
    const run = await runCli(['render', '--template', bundleDir('worker-lambda-service'), '--spec', specFile('worker-lambda-service.yaml'), '--service', 'payments', '--instance', 'orders', '--environment-outputs', outputs]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${outputs}: VpcId of the outputs must be a string`);
  });

  it('exits 1 when a ServiceSpec is rendered without --instance', async () => {
    const run = await runCli(['render', '--template', bundleDir('worker-lambda-service'), '--spec', specFile('worker-lambda-service.yaml'), '--service', 'payments']);
    expect(run).toMatchObject({ code: 1, stderr: expect.stringContaining('render needs --instance') });
  });

  it('prints its usage and exits 1 without --template', async () => {
    const run = await runCli(['render', '--spec', specFile('vpc-environment.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('render needs --template');
    expect(run.stderr).toContain('Usage: cdk-proton-instance render');
  });
});
