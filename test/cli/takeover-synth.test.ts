/**
 * The contract and the fixtures against aws-cdk-lib itself: a stack that includes the rendered template
 * with cloudformation-include and is marked as the takeover constructs mark theirs, synthesized by the
 * aws-cdk-lib this project builds with, then checked by the built command against the stacks Proton left.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { TAKEOVER_METADATA_TYPE } from '../../cli/takeover-stacks';
import { CloudFormationStandIn } from '../../lifecycle';
import { runCli } from './support';
import {
  ACCOUNT,
  ENVIRONMENT_OUTPUTS,
  ENVIRONMENT_STACK,
  ENVIRONMENT_TEMPLATE_YAML,
  LOOKUP_ID,
  OUTPUT_PARAMETERS,
  REGION,
  SERVICE_STACK,
  SERVICE_TEMPLATE_YAML,
  includedServiceTemplate,
} from './takeover-fixtures';

jest.setTimeout(60_000);

let workDir: string;
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'takeover-synth-'));
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/**
 * The cloud assembly of an app whose one stack includes `rendered` under the service stack's name. With
 * `deployTime`, the environment's outputs are parameters of the rendering that cloudformation-include
 * replaces by the attributes of a lookup resource, as the construct reads outputs at deploy time.
 */
function synthesize(name: string, rendered: string, deployTime = false): string {
  const templateFile = path.join(workDir, `${name}.yaml`);
  fs.writeFileSync(templateFile, rendered);
  const outdir = path.join(workDir, name);
  // The context `cdk synth` gives an app: construct paths and the CDKMetadata resource.
  const app = new App({ outdir, context: { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:version-reporting': true } });
  const stack = new Stack(app, 'PaymentsProd', { stackName: SERVICE_STACK, env: { account: ACCOUNT, region: REGION } });
  let parameters: Record<string, string> | undefined;
  if (deployTime) {
    const lookup = new CfnResource(stack, 'EnvironmentOutputs', { type: 'Custom::ProtonStackOutputs', properties: { StackName: ENVIRONMENT_STACK } });
    lookup.overrideLogicalId(LOOKUP_ID);
    parameters = Object.fromEntries(Object.entries(OUTPUT_PARAMETERS).map(([output, parameter]) => [parameter, lookup.getAtt(output).toString()]));
  }
  new CfnInclude(stack, 'Template', { templateFile, ...(parameters ? { parameters } : {}) });
  stack.node.addMetadata(TAKEOVER_METADATA_TYPE, { kind: 'ServiceInstanceStack', lookups: deployTime ? [{ logicalId: LOOKUP_ID, stackName: ENVIRONMENT_STACK }] : [] });
  app.synth();
  return outdir;
}

/**
 * The service template as rendered with its environment outputs left to deploy time: a parameter where an
 * output was the whole value, a Join where it was part of a string, `${P}` inside a `!Sub`.
 */
function renderedWithDeployTimeOutputs(): string {
  const { ClusterName, RepositoryUri, TaskExecutionRoleName, VpcId } = ENVIRONMENT_OUTPUTS;
  const p = OUTPUT_PARAMETERS;
  const parameters = Object.values(p).map((parameter) => `  ${parameter}:\n    Type: String\n`).join('');
  return SERVICE_TEMPLATE_YAML.replace('Resources:\n', `Parameters:\n${parameters}Resources:\n`)
    .replace(`'${ClusterName}'`, `!Ref ${p.ClusterName}`)
    .replace(`'${RepositoryUri}:1.3.2'`, `!Join ['', [!Ref ${p.RepositoryUri}, ':1.3.2']]`)
    .replace(`role/${TaskExecutionRoleName}'`, `role/\${${p.TaskExecutionRoleName}}'`)
    .replace(`'${VpcId}'`, `!Ref ${p.VpcId}`);
}

async function takeoverCheck(assembly: string) {
  const cloudFormation = await CloudFormationStandIn.start();
  try {
    cloudFormation.putStack({ name: SERVICE_STACK, template: SERVICE_TEMPLATE_YAML });
    cloudFormation.putStack({ name: ENVIRONMENT_STACK, template: ENVIRONMENT_TEMPLATE_YAML, outputs: ENVIRONMENT_OUTPUTS });
    return await runCli(['takeover-check', '--app', assembly], { cloudFormationEndpoint: cloudFormation.endpoint });
  } finally {
    await cloudFormation.stop();
  }
}

function synthesizedTemplate(assembly: string) {
  return JSON.parse(fs.readFileSync(path.join(assembly, 'PaymentsProd.template.json'), 'utf8'));
}

describe('the rendering included with its environment outputs written in', () => {
  let assembly: string;
  beforeAll(() => {
    assembly = synthesize('literal', SERVICE_TEMPLATE_YAML);
  });

  it('checks with exit 0, listing only what the CDK adds', async () => {
    const run = await takeoverCheck(assembly);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`PaymentsProd  ${SERVICE_STACK}  (eu-west-1)  ServiceInstanceStack\n  live stack UPDATE_COMPLETE: resources 1 to add; 2 other changes\n`);
  });

  it("is what the hand-built assemblies' template says cloudformation-include writes", () => {
    const synthesized = synthesizedTemplate(assembly);
    const handBuilt = includedServiceTemplate();
    // The analytics string encodes the construct library's version.
    delete synthesized.Resources.CDKMetadata.Properties.Analytics;
    delete handBuilt.Resources.CDKMetadata.Properties!.Analytics;
    expect(synthesized).toEqual(handBuilt);
  });
});

describe('the rendering included with its environment outputs read at deploy time', () => {
  let assembly: string;
  beforeAll(() => {
    assembly = synthesize('deploy-time', renderedWithDeployTimeOutputs(), true);
  });

  it("checks with exit 0: each output resolved from the environment stack's, whole, in a Join or in a Sub", async () => {
    const run = await takeoverCheck(assembly);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^ {2}(modify|replace|remove) /m);
    expect(run.stdout).toContain(`  add      ${LOOKUP_ID}  Custom::ProtonStackOutputs  (deploy-time lookup of ${ENVIRONMENT_STACK})\n`);
  });

  it("is what the hand-built assemblies' template with lookups says cloudformation-include writes", () => {
    const synthesized = synthesizedTemplate(assembly).Resources;
    const handBuilt = includedServiceTemplate({ lookup: true }).Resources;
    for (const logicalId of ['TaskDefinition', 'Service', 'TargetGroup']) {
      expect({ logicalId, resource: synthesized[logicalId] }).toEqual({ logicalId, resource: handBuilt[logicalId] });
    }
  });
});
