// The public rendering API over the renderer's fixtures: the same bundles, specs and goldens the renderer's
// own tests compare with Python's Jinja2 (test/render/oracle.py).
import * as path from 'node:path';
import { Fn, Token } from 'aws-cdk-lib';
import { ServiceInstanceSpec, ServiceTemplateBundle } from '../../lib';
import { FIXTURES, readFixture, renderCases, serviceBundle, serviceSpec } from '../render/fixtures';

const bundleDir = (name: string) => path.join(FIXTURES, 'bundles', name);
const specFile = (name: string) => ServiceInstanceSpec.fromFile(path.join(FIXTURES, 'specs', name));

describe('ServiceTemplateBundle', () => {
  it.each(renderCases().filter((c) => c.instanceName !== undefined).map((c) => [c.name, c] as const))(
    'renders the service instance %s byte for byte as Proton did',
    (_name, c) => {
      const { bundle, spec, name, environmentName: _environment, ...options } = c;
      const text = ServiceTemplateBundle.fromDirectory(bundleDir(bundle)).renderInstance({
        ...options,
        serviceName: options.serviceName!,
        instanceName: options.instanceName!,
        spec: specFile(spec),
      });
      expect(text).toBe(readFixture('goldens', `${name}.yaml`));
    },
  );

  it.each(renderCases().filter((c) => c.environmentName !== undefined).map((c) => [c.name, c] as const))(
    'renders the environment %s byte for byte as Proton did',
    (name, c) => {
      const text = ServiceTemplateBundle.fromDirectory(bundleDir(c.bundle)).renderEnvironment({ environmentName: c.environmentName!, spec: specFile(c.spec) });
      expect(text).toBe(readFixture('goldens', `${name}.yaml`));
    },
  );

  it('keeps the folder it was read from', () => {
    expect(ServiceTemplateBundle.fromDirectory(bundleDir('vpc-environment')).directory).toBe(bundleDir('vpc-environment'));
  });

  it('throws at fromDirectory, naming the folder, when it does not exist', () => {
    const missing = path.join(FIXTURES, 'bundles', 'no-such-bundle');
    expect(() => ServiceTemplateBundle.fromDirectory(missing)).toThrow(`${missing}: is not a folder`);
  });

  it('throws naming the input and the rule it breaks', () => {
    const bundle = ServiceTemplateBundle.fromDirectory(serviceBundle('Port: {{ service_instance.inputs.port }}\n', '        port:\n          type: number\n          maximum: 65535\n'));
    expect(() => bundle.renderInstance({ serviceName: 'api', instanceName: 'web', spec: ServiceInstanceSpec.fromYaml(serviceSpec('      port: 70000\n')) })).toThrow(
      /port.*maximum.*65535/,
    );
  });

  it('throws when an environment is rendered from a service template', () => {
    const bundle = ServiceTemplateBundle.fromDirectory(bundleDir('worker-lambda-service'));
    expect(() => bundle.renderEnvironment({ environmentName: 'prod', spec: specFile('vpc-environment.yaml') })).toThrow(/not an environment/);
  });

  it('throws when the spec holds tokens, known only at deploy time', () => {
    const bundle = ServiceTemplateBundle.fromDirectory(serviceBundle('Port: {{ service_instance.inputs.port }}\n'));
    const spec = ServiceInstanceSpec.fromYaml(Fn.join('', [serviceSpec(), Token.asString(Fn.ref('Rest'))]));
    expect(() => bundle.renderInstance({ serviceName: 'api', instanceName: 'web', spec })).toThrow(/the spec holds tokens/);
  });

  it('lets a token through proton_cfn_sanitize, which cannot read its text', () => {
    const bundle = ServiceTemplateBundle.fromDirectory(serviceBundle('Vpc: {{ environment.outputs.VpcId | proton_cfn_sanitize }}\n'));
    const vpc = Token.asString(Fn.importValue('vpc'));
    const text = bundle.renderInstance({ serviceName: 'api', instanceName: 'web', spec: ServiceInstanceSpec.fromYaml(serviceSpec()), environmentOutputs: { VpcId: vpc } });
    expect(text).toBe(`Vpc: ${vpc}`);
  });
});
