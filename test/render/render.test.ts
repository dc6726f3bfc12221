import { RenderError, readTemplateBundle, renderEnvironment, renderServiceInstance } from '../../render';
import { serviceBundle, serviceSpec, writeBundle, CFN_MANIFEST } from './fixtures';

function renderWeb(template: string, options: Partial<Parameters<typeof renderServiceInstance>[1]> = {}, inputs = ''): string {
  return renderServiceInstance(readTemplateBundle(serviceBundle(template)), { serviceName: 'shop', instanceName: 'web', spec: serviceSpec(inputs), ...options });
}

function failure(run: () => unknown): RenderError {
  try {
    run();
  } catch (error) {
    return error as RenderError;
  }
  throw new Error('expected a RenderError');
}

const ENVIRONMENT_BUNDLE = {
  'schema/schema.yaml': 'schema:\n  format:\n    openapi: "3.0.0"\n  environment_input_type: E\n  types:\n    E:\n      type: object\n      properties:\n        cidr: { type: string, default: 10.0.0.0/16 }\n',
  'infrastructure/manifest.yaml': CFN_MANIFEST,
  'infrastructure/cloudformation.yaml': "Cidr: '{{ environment.inputs.cidr }}' in {{ environment.name }}\n",
};

describe('renderServiceInstance', () => {
  it('renders the namespace of a service instance', () => {
    expect(renderWeb('{{ service.name }}/{{ service_instance.name }}@{{ environment.name }}:{{ service_instance.inputs.port }}')).toBe('shop/web@prod:80');
  });

  it('renders environment outputs', () => {
    expect(renderWeb('{{ environment.outputs.Vpc }}', { environmentOutputs: { Vpc: 'vpc-1' } })).toBe('vpc-1');
  });

  it('renders a missing environment output as nothing', () => {
    expect(renderWeb('[{{ environment.outputs.Vpc }}]')).toBe('[]');
  });

  it('renders the outputs of a missing component as {}', () => {
    expect(renderWeb('{{ service_instance.components.default.outputs }}')).toBe('{}');
  });

  it('renders a missing component as {}', () => {
    expect(renderWeb('{{ service_instance.components.default }}')).toBe('{}');
  });

  it('leaves one output of a missing component undefined, for default to fill', () => {
    expect(renderWeb("{{ service_instance.components.default.outputs.Bucket | default('none') }}")).toBe('none');
  });

  it('leaves the name of a missing component undefined', () => {
    expect(renderWeb("{{ service_instance.components.default.name | default('') }}|")).toBe('|');
  });

  it('renders the name and outputs of an attached component', () => {
    const template = '{{ service_instance.components.default.name }} {{ service_instance.components.default.outputs.Bucket }}';
    expect(renderWeb(template, { components: { default: { Bucket: 'b-1' } }, componentNames: { default: 'extras' } })).toBe('extras b-1');
  });

  it('renders the optional resource parameters when given', () => {
    const template = '{{ environment.account_id }} {{ service.repository_id }} {{ service.branch_name }} {{ service.repository_connection_arn }}';
    const options = { environmentAccountId: '123456789012', repositoryId: 'org/repo', branchName: 'main', repositoryConnectionArn: 'arn:aws:codestar-connections:us-east-1:123456789012:connection/x' };
    expect(renderWeb(template, options)).toBe('123456789012 org/repo main arn:aws:codestar-connections:us-east-1:123456789012:connection/x');
  });

  it('leaves the optional resource parameters undefined when not given', () => {
    expect(renderWeb('{{ environment.account_id is defined }} {{ service.branch_name is defined }}')).toBe('False False');
  });

  it('fills schema defaults before rendering', () => {
    expect(renderWeb('{{ service_instance.inputs }}', {}, '      other: 1\n')).toBe("{'port': 80, 'other': 1}");
  });

  it('names the spec, the instance, the input and the rule an input breaks', () => {
    const bundle = readTemplateBundle(serviceBundle('x', '        port:\n          type: number\n          maximum: 65535\n'));
    const error = failure(() => renderServiceInstance(bundle, { serviceName: 's', instanceName: 'web', spec: serviceSpec('      port: 70000\n'), specName: 'web-spec.yaml' }));
    expect(error.message).toBe(`web-spec.yaml: instance "web": input port (70000) breaks maximum: it must be at most 65535 (schema: ${bundle.schema.file})`);
  });

  it('refuses an input still set to ${Proton::CURRENT_VAL}', () => {
    expect(() => renderWeb('x', {}, "      port: '${Proton::CURRENT_VAL}'\n")).toThrow('spec: input port of instance "web" is ${Proton::CURRENT_VAL}, which only Proton could resolve: give its value');
  });

  it('refuses an EnvironmentSpec', () => {
    expect(() => renderWeb('x', { spec: 'proton: EnvironmentSpec\nspec: {}\n' })).toThrow('spec: has `proton: EnvironmentSpec`; a service instance renders from a spec with `proton: ServiceSpec`');
  });

  it('refuses a spec without an entry for the instance', () => {
    expect(() => renderWeb('x', { instanceName: 'api' })).toThrow('spec: has no entry for instance "api" under `instances` (it has: web)');
  });

  it('refuses an environment bundle', () => {
    const dir = writeBundle(ENVIRONMENT_BUNDLE);
    expect(() => renderServiceInstance(readTemplateBundle(dir), { serviceName: 's', instanceName: 'web', spec: serviceSpec() })).toThrow(
      `${dir}: renders infrastructure/, not a service instance: a service instance renders from a bundle with instance_infrastructure/`,
    );
  });

  it('names the template file and line when rendering fails', () => {
    const bundle = readTemplateBundle(serviceBundle('a\n{{ service_instance.inputs.db.size }}'));
    expect(() => renderServiceInstance(bundle, { serviceName: 's', instanceName: 'web', spec: serviceSpec() })).toThrow(
      `${bundle.template.file}: line 2: UndefinedError: 'service_instance.inputs.db' is undefined`,
    );
  });

  it('fails proton_cfn_sanitize on an unsafe value, naming it', () => {
    expect(() => renderWeb('{{ environment.outputs.Name | proton_cfn_sanitize }}', { environmentOutputs: { Name: 'a: b' } })).toThrow(
      'Illegal character(s) detected in "a: b". Must match regex ^[a-zA-Z0-9_-]*$ or be a valid ARN',
    );
  });

  it('passes an unresolved value through proton_cfn_sanitize unchecked', () => {
    const token = '${Token[TOKEN.123]}';
    expect(renderWeb('{{ environment.outputs.Name | proton_cfn_sanitize }}', { environmentOutputs: { Name: token }, isUnresolved: (value) => value.startsWith('${Token[') })).toBe(token);
  });

  it('passes an unresolved value through raw=False unchecked', () => {
    const template = '{{ environment.outputs | proton_cfn_lambda_function_formatted_env_vars(raw=False) }}';
    expect(renderWeb(template, { environmentOutputs: { A: '${Token[TOKEN.7]}' }, isUnresolved: (value) => value.startsWith('${Token[') })).toBe('A: ${Token[TOKEN.7]}');
  });

  it('refuses to guess whether an unresolved value is an IAM policy ARN', () => {
    const template = '{{ environment.outputs | proton_cfn_iam_policy_arns }}';
    expect(() => renderWeb(template, { environmentOutputs: { P: '${Token[TOKEN.9]}' }, isUnresolved: (value) => value.startsWith('${Token[') })).toThrow(
      'output P is not known until deployment',
    );
  });

  it('continues the ECS filter output at the column of its braces', () => {
    const template = 'Environment:\n    {{ service_instance.components.default.outputs | proton_cfn_ecs_task_definition_formatted_env_vars }}';
    expect(renderWeb(template, { components: { default: { A: 'x', B: 'y' } } })).toBe('Environment:\n    - Name: A\n      Value: x\n    - Name: B\n      Value: y');
  });
});

describe('renderEnvironment', () => {
  it('renders the namespace of an environment', () => {
    const bundle = readTemplateBundle(writeBundle(ENVIRONMENT_BUNDLE));
    expect(renderEnvironment(bundle, { environmentName: 'prod', spec: 'proton: EnvironmentSpec\nspec: {}\n' })).toBe("Cidr: '10.0.0.0/16' in prod");
  });

  it('refuses a ServiceSpec', () => {
    const bundle = readTemplateBundle(writeBundle(ENVIRONMENT_BUNDLE));
    expect(() => renderEnvironment(bundle, { environmentName: 'prod', spec: serviceSpec() })).toThrow('spec: has `proton: ServiceSpec`; an environment renders from a spec with `proton: EnvironmentSpec`');
  });

  it('refuses a service bundle', () => {
    const bundle = readTemplateBundle(serviceBundle('x'));
    expect(() => renderEnvironment(bundle, { environmentName: 'prod', spec: 'proton: EnvironmentSpec\n' })).toThrow('renders instance_infrastructure/, not an environment');
  });
});
