// Rendering speed: one bundle with a ~300-line service template, read (and compiled) once, rendered for 100
// instances whose specs differ. Target: all 100 within 1 s. Prints nothing; the caller reports.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readTemplateBundle, renderServiceInstance } from '../render';
import { Figure } from './report';
import { elapsedMs } from './stats';

const INSTANCES = 100;
/** Services in the generated template: each adds a block of 37 lines, about 300 in all. */
const SERVICES_IN_TEMPLATE = 8;
export const RENDERING_TARGET_MS = 1000;

export interface RenderingFigures {
  readonly instances: number;
  readonly templateLines: number;
  /** Reading the bundle and compiling its template, once. */
  readonly readMs: number;
  /** Rendering all instances, defaults and validation included. */
  readonly renderMs: number;
  readonly totalMs: number;
  readonly perInstanceMs: number;
  readonly renderedBytes: number;
  readonly met: boolean;
}

export async function measureRendering(): Promise<RenderingFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proton-render-bench-'));
  try {
    const template = benchTemplate();
    writeBundle(dir, template);
    const started = process.hrtime.bigint();
    const bundle = readTemplateBundle(dir);
    const readMs = elapsedMs(started);
    let renderedBytes = 0;
    const rendering = process.hrtime.bigint();
    for (let i = 0; i < INSTANCES; i++) {
      renderedBytes += renderServiceInstance(bundle, {
        serviceName: 'bench',
        instanceName: `instance-${i}`,
        spec: benchSpec(i),
        environmentOutputs: { VpcId: 'vpc-1', ClusterName: 'cluster', SubnetA: 'subnet-a', SubnetB: 'subnet-b' },
        components: i % 2 === 0 ? { default: { Bucket: `bucket-${i}`, Policy: `arn:aws:iam::123456789012:policy/p-${i}` } } : {},
      }).length;
    }
    const renderMs = elapsedMs(rendering);
    const totalMs = readMs + renderMs;
    return {
      instances: INSTANCES,
      templateLines: template.split('\n').length,
      readMs,
      renderMs,
      totalMs,
      perInstanceMs: renderMs / INSTANCES,
      renderedBytes,
      met: totalMs <= RENDERING_TARGET_MS,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function writeBundle(dir: string, template: string): void {
  const schema = [
    'schema:',
    '  format:',
    '    openapi: "3.0.0"',
    '  service_input_type: BenchInput',
    '  types:',
    '    BenchInput:',
    '      type: object',
    '      properties:',
    '        port: { type: integer, default: 80, minimum: 1, maximum: 65535 }',
    '        size: { type: string, enum: [small, large], default: small }',
    '        private: { type: boolean, default: false }',
    '        cidrs: { type: array, items: { type: string }, default: ["10.0.0.0/16"] }',
    '        scaling:',
    '          type: object',
    '          default: {}',
    '          properties:',
    '            min: { type: integer, default: 1 }',
    '            max: { type: integer, default: 4 }',
  ].join('\n');
  const manifest = 'infrastructure:\n  templates:\n    - file: "cloudformation.yaml"\n      rendering_engine: jinja\n      template_language: cloudformation\n';
  for (const [file, text] of [
    ['schema/schema.yaml', schema],
    ['instance_infrastructure/manifest.yaml', manifest],
    ['instance_infrastructure/cloudformation.yaml', template],
  ]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

function benchSpec(i: number): string {
  const cidrs = Array.from({ length: 1 + (i % 4) }, (_, n) => `"10.${n}.${i}.0/24"`).join(', ');
  return `proton: ServiceSpec\ninstances:\n  - name: instance-${i}\n    environment: env-${i % 3}\n    spec:\n      port: ${8000 + i}\n      size: ${i % 2 ? 'large' : 'small'}\n      private: ${i % 3 === 0}\n      cidrs: [${cidrs}]\n`;
}

/** A template that uses what Proton templates use: lookups, if/else, for loops, filters, raw blocks. */
function benchTemplate(): string {
  const services = Array.from({ length: SERVICES_IN_TEMPLATE }, (_, n) => serviceBlock(n)).join('\n');
  return `AWSTemplateFormatVersion: '2010-09-09'
Description: '{{ service.name }}/{{ service_instance.name }} in {{ environment.name }}'
Resources:
${services}
  Secret:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: '{% raw %}{{resolve:ssm:/shared/secret:1}}{% endraw %}'
Outputs:
  Inputs:
    Value: '{{ service_instance.inputs | tojson }}'
`;
}

function serviceBlock(n: number): string {
  return `  TaskDefinition${n}:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: '{{ service.name }}-{{ service_instance.name }}-${n}'
      ContainerDefinitions:
        - Name: 'app${n}'
          PortMappings:
            - ContainerPort: {{ service_instance.inputs.port + ${n} }}
          {% if service_instance.components.default.outputs | length > 0 %}
          Environment:
            {{ service_instance.components.default.outputs | proton_cfn_ecs_task_definition_formatted_env_vars }}
          {% endif %}
  Role${n}:
    Type: AWS::IAM::Role
    Properties:
      ManagedPolicyArns:
        - !Ref AWS::NoValue
        {{ service_instance.components.default.outputs | proton_cfn_iam_policy_arns }}
  Group${n}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: '{{ service_instance.name | proton_cfn_sanitize }} ${n}'
      VpcId: '{{ environment.outputs.VpcId }}'
      SecurityGroupIngress:
      {%- for cidr in service_instance.inputs.cidrs %}
        - CidrIp: '{{ cidr }}'
          Description: 'rule {{ loop.index }} of {{ loop.length }}'
      {%- endfor %}
  Service${n}:
    Type: AWS::ECS::Service
    Properties:
      {% if service_instance.inputs.private %}
      Subnets: ['{{ environment.outputs.SubnetA }}']
      {% else %}
      Subnets: ['{{ environment.outputs.SubnetA }}', '{{ environment.outputs.SubnetB }}']
      {% endif %}
      DesiredCount: {{ service_instance.inputs.scaling.min | default(1) }}
`;
}

/** The figure of the rendering target: 100 instances of a ~300-line template within 1 s. */
export async function renderingFigure(): Promise<Figure> {
  const r = await measureRendering();
  return {
    name: 'Rendering',
    measured: `${r.instances} instances of a ${r.templateLines}-line template in ${r.totalMs.toFixed(0)} ms`,
    target: `≤ ${RENDERING_TARGET_MS} ms in all`,
    met: r.met,
    notes: [
      `readTemplateBundle (read and compile the template, once): ${r.readMs.toFixed(1)} ms; renderServiceInstance for ${r.instances} specs that differ: ${r.renderMs.toFixed(1)} ms, ${r.perInstanceMs.toFixed(2)} ms each (defaults filled, inputs validated, template rendered).`,
      `${(r.renderedBytes / 1000).toFixed(0)} KB rendered in all. One run: the target is far from the figure, so no median is needed to judge it.`,
    ],
  };
}
