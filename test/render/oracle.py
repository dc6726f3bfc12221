#!/usr/bin/env python3
"""Writes the golden files of test/render with the real Jinja2, the engine Proton rendered with.

    python3 test/render/oracle.py      # needs jinja2 and PyYAML

Proton used Jinja 2.11; what the fixtures use behaves the same in Jinja 3.1 (see docs/rendering.md).
The tests never run this: they compare the TypeScript renderer with the files it wrote.

Besides Jinja, this holds a second, independent reading of what the renderer adds around it, after the
Proton user guide: schema defaults, the parameter namespace, Proton's four filters, and the indentation
the list filters continue at (the column of the `{{` that prints them).
"""
import copy
import json
import os
import re
import sys

import jinja2
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'fixtures')
GOLDENS = os.path.join(FIXTURES, 'goldens')

# --- Proton's filters (user guide: "Parameter filters for CloudFormation IaC files") ---

SAFE_VALUE = re.compile(r'^[a-zA-Z0-9_-]*$')
IAM_POLICY_ARN = re.compile(r'^arn:[a-zA-Z-]+:iam::\d{12}:policy/')
ARN = re.compile(r'^arn:[a-z0-9-]+:[a-zA-Z0-9-]+:[a-z0-9-]*:(?:\d{12}|aws)?:[^\s\'"#,{}\[\]]+$')
COLUMN_FILTERS = ('proton_cfn_ecs_task_definition_formatted_env_vars',
                  'proton_cfn_lambda_function_formatted_env_vars',
                  'proton_cfn_iam_policy_arns')


def check_safe(value):
    if not SAFE_VALUE.match(value):
        raise ValueError('Illegal character(s) detected in "%s". Must match regex ^[a-zA-Z0-9_-]*$' % value)


def ecs_env_vars(outputs, indent='', raw=True):
    items = [(name, str(value)) for name, value in outputs.items()]
    if not raw:
        for _, value in items:
            check_safe(value)
    return ('\n' + indent).join('- Name: %s\n%s  Value: %s' % (name, indent, value) for name, value in items)


def lambda_env_vars(outputs, indent='', raw=True):
    items = [(name, str(value)) for name, value in outputs.items()]
    if not raw:
        for _, value in items:
            check_safe(value)
    return ('\n' + indent).join('%s: %s' % (name, value) for name, value in items)


def iam_policy_arns(outputs, indent=''):
    arns = [str(value) for value in outputs.values() if IAM_POLICY_ARN.match(str(value))]
    return ('\n' + indent).join('- ' + arn for arn in arns)


def sanitize(value):
    if not (SAFE_VALUE.match(value) or ARN.match(value)):
        raise ValueError('Illegal character(s) detected in "%s". Must match regex ^[a-zA-Z0-9_-]*$ or be a valid ARN' % value)
    return value


def environment():
    env = jinja2.Environment()
    env.filters.update({
        'proton_cfn_ecs_task_definition_formatted_env_vars': ecs_env_vars,
        'proton_cfn_lambda_function_formatted_env_vars': lambda_env_vars,
        'proton_cfn_iam_policy_arns': iam_policy_arns,
        'proton_cfn_sanitize': sanitize,
    })
    return env


def with_columns(source):
    """Hands the list filters the blank prefix up to the `{{` that prints them, as their first argument."""
    call = re.compile(r'(%s)(\s*\(\s*(\))?)?' % '|'.join(COLUMN_FILTERS))

    def rewrite(output):
        line_start = source.rfind('\n', 0, output.start()) + 1
        indent = re.sub(r'[^\t ]', ' ', source[line_start:output.start()])

        def add_indent(match):
            if match.group(2) is None or match.group(3):
                return '%s(%r)' % (match.group(1), indent)
            return '%s(%r, ' % (match.group(1), indent)
        return call.sub(add_indent, output.group(0))
    return re.sub(r'\{\{.*?\}\}', rewrite, source, flags=re.S)


# --- Schema defaults, as render/schema.ts fills them ---


def resolve(types, node):
    while '$ref' in node:
        name = re.match(r'^#/(?:schema/)?types/([^/]+)$', node['$ref']).group(1)
        node = types[name]
    return node


def fill_value(types, node, value):
    resolved = resolve(types, node)
    if isinstance(value, dict):
        return fill_object(types, resolved, value)
    if isinstance(value, list) and isinstance(resolved.get('items'), dict):
        return [fill_value(types, resolved['items'], item) for item in value]
    return value


def fill_object(types, node, value):
    properties = resolve(types, node).get('properties') or {}
    filled = {}
    for name, prop in properties.items():
        declared = resolve(types, prop)
        if 'default' in declared:
            filled[name] = value[name] if name in value else copy.deepcopy(declared['default'])
    for name in value:
        if name not in filled:
            filled[name] = value[name]
    for name, prop in properties.items():
        if name in filled:
            filled[name] = fill_value(types, prop, filled[name])
    return filled

# --- The parameter namespace (user guide: "AWS Proton parameters" and its subpages) ---


class MissingComponent(dict):
    """A component slot with nothing attached: `{}`, whose outputs are `{}` too."""
    def __missing__(self, key):
        if key == 'outputs':
            return {}
        raise KeyError(key)


class ComponentSlots(dict):
    def __missing__(self, key):
        return MissingComponent()


def present(entries):
    return {key: value for key, value in entries.items() if value is not None}


def render_case(case):
    bundle = os.path.join(FIXTURES, 'bundles', case['bundle'])
    with open(os.path.join(bundle, 'schema', 'schema.yaml')) as f:
        schema = yaml.safe_load(f)['schema']
    with open(os.path.join(FIXTURES, 'specs', case['spec'])) as f:
        spec = yaml.safe_load(f)
    if 'environmentName' in case:
        folder, type_name = 'infrastructure', schema['environment_input_type']
        inputs = fill_object(schema['types'], schema['types'][type_name], spec.get('spec') or {})
        variables = {'environment': {'name': case['environmentName'], 'inputs': inputs}}
    else:
        folder, type_name = 'instance_infrastructure', schema['service_input_type']
        entry = next(item for item in spec['instances'] if item['name'] == case['instanceName'])
        inputs = fill_object(schema['types'], schema['types'][type_name], entry.get('spec') or {})
        names = case.get('componentNames') or {}
        slots = ComponentSlots()
        for slot, outputs in (case.get('components') or {}).items():
            slots[slot] = present({'name': names.get(slot), 'outputs': dict(outputs)})
        variables = {
            'service': present({'name': case['serviceName'], 'repository_id': case.get('repositoryId'),
                                'repository_connection_arn': case.get('repositoryConnectionArn'),
                                'branch_name': case.get('branchName')}),
            'service_instance': {'name': case['instanceName'], 'inputs': inputs, 'components': slots},
            'environment': present({'name': entry['environment'], 'account_id': case.get('environmentAccountId'),
                                    'outputs': dict(case.get('environmentOutputs') or {})}),
        }
    with open(os.path.join(bundle, folder, 'manifest.yaml')) as f:
        template_file = yaml.safe_load(f)['infrastructure']['templates'][0]['file']
    env = environment()
    env.loader = jinja2.FileSystemLoader(os.path.join(bundle, folder))
    source, _, _ = env.loader.get_source(env, template_file)
    return env.from_string(with_columns(source)).render(variables)

# --- Engine cases: a template and its variables, rendered by Jinja itself ---


def engine_case(env, case):
    try:
        return {'output': env.from_string(with_columns(case['template'])).render(case.get('variables') or {})}
    except Exception as error:  # the tests check that the renderer fails too
        return {'error': type(error).__name__, 'message': str(error)}


def main():
    with open(os.path.join(FIXTURES, 'renders.yaml')) as f:
        cases = yaml.safe_load(f)
    for case in cases:
        with open(os.path.join(GOLDENS, case['name'] + '.yaml'), 'w', newline='') as out:
            out.write(render_case(case))
    with open(os.path.join(FIXTURES, 'engine-cases.yaml')) as f:
        engine_cases = yaml.safe_load(f)
    env = environment()
    results = {case['name']: engine_case(env, case) for case in engine_cases}
    with open(os.path.join(GOLDENS, 'engine-cases.json'), 'w', newline='') as out:
        json.dump(results, out, indent=2, sort_keys=True)
        out.write('\n')
    print('jinja2 %s: wrote %d renders and %d engine cases' % (jinja2.__version__, len(cases), len(results)), file=sys.stderr)


if __name__ == '__main__':
    main()
