import { Template, normalizeTemplate, readTemplate } from '../../cli/cloudformation-template';
import { loadDiffLibrary } from '../../cli/diff-library';
import { compareTemplates } from '../../cli/template-comparison';
import { REPO_ROOT } from './support';
import { IncludedTemplate, SERVICE_TEMPLATE_YAML, includedServiceTemplate } from './takeover-fixtures';

const library = loadDiffLibrary(REPO_ROOT);
const live = readTemplate(SERVICE_TEMPLATE_YAML, 'the live template');

/** The live stack against the synthesized template after `edit`, both as CloudFormation reads them. */
function compareWith(edit: (template: IncludedTemplate) => void = () => {}) {
  const desired = includedServiceTemplate();
  edit(desired);
  return compareTemplates(live, normalizeTemplate(desired as unknown as Template), library);
}

/** The changes of the resources deploying would touch beyond what the CDK adds to every stack. */
function resourcesBeyondTheCdk(edit: (template: IncludedTemplate) => void) {
  return compareWith(edit).resources.filter((r) => r.logicalId !== 'CDKMetadata');
}

describe('compareTemplates', () => {
  it("finds only the CDK's own additions when the synthesized template is the rendering, numbers written as strings or not", () => {
    expect(compareWith()).toEqual({
      resources: [{ logicalId: 'CDKMetadata', type: 'AWS::CDK::Metadata', change: 'add', impact: 'WILL_CREATE', changes: [] }],
      templateChanges: [
        { section: 'Parameters', name: 'BootstrapVersion', change: 'add', changes: [] },
        { section: 'Rules', name: 'CheckBootstrapVersion', change: 'add', changes: [] },
      ],
    });
  });

  it('lists a property updated in place with its path', () => {
    expect(resourcesBeyondTheCdk((t) => (t.Resources.Service.Properties!.DesiredCount = 5))).toEqual([
      {
        logicalId: 'Service',
        type: 'AWS::ECS::Service',
        change: 'modify',
        impact: 'WILL_UPDATE',
        changes: [{ path: 'Properties.DesiredCount', current: '3', desired: '5', impact: 'WILL_UPDATE' }],
      },
    ]);
  });

  it('shows where a resource refers to a replaced one, down to the reference', () => {
    const resources = resourcesBeyondTheCdk((t) => (t.Resources.LogGroup.Properties!.LogGroupName = '/ecs/prod/payments'));
    const taskDefinition = resources.find((r) => r.logicalId === 'TaskDefinition');
    expect(taskDefinition?.changes).toEqual([
      expect.objectContaining({ path: 'Properties.ContainerDefinitions[0].LogConfiguration.Options.awslogs-group', impact: 'WILL_REPLACE' }),
    ]);
    expect(JSON.stringify(taskDefinition?.changes[0].desired)).toContain('(replaced)');
  });

  it('follows maps and lists down to the value that differs', () => {
    const [taskDefinition] = resourcesBeyondTheCdk((t) => {
      const [container] = t.Resources.TaskDefinition.Properties!.ContainerDefinitions as { Image: string }[];
      container.Image = 'public.ecr.aws/example/payments:1.4.0';
    });
    expect(taskDefinition).toMatchObject({ logicalId: 'TaskDefinition', change: 'replace', impact: 'WILL_REPLACE' });
    expect(taskDefinition.changes).toEqual([
      {
        path: 'Properties.ContainerDefinitions[0].Image',
        current: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/payments:1.3.2',
        desired: 'public.ecr.aws/example/payments:1.4.0',
        impact: 'WILL_REPLACE',
      },
    ]);
  });

  it.each([
    ['an RDS DBInstanceIdentifier', 'Database', 'DBInstanceIdentifier', 'payments-production'],
    ["an S3 bucket's BucketName", 'Assets', 'BucketName', 'payments-prod-assets'],
  ])('lists the resource as replaced when %s changes', (_what, logicalId, property, value) => {
    const [change] = resourcesBeyondTheCdk((t) => (t.Resources[logicalId].Properties![property] = value));
    expect(change).toMatchObject({ logicalId, change: 'replace', impact: 'WILL_REPLACE', changes: [{ path: `Properties.${property}`, impact: 'WILL_REPLACE' }] });
  });

  it('lists a property that may replace the resource as a replacement, MAY_REPLACE', () => {
    expect(resourcesBeyondTheCdk((t) => (t.Resources.Database.Properties!.MultiAZ = true))).toEqual([
      {
        logicalId: 'Database',
        type: 'AWS::RDS::DBInstance',
        change: 'replace',
        impact: 'MAY_REPLACE',
        changes: [{ path: 'Properties.MultiAZ', current: 'false', desired: 'true', impact: 'MAY_REPLACE' }],
      },
    ]);
  });

  it('lists a renamed logical id as the old resource removed and a new one added', () => {
    const changes = resourcesBeyondTheCdk((t) => {
      t.Resources.WorkQueue = t.Resources.Queue;
      delete t.Resources.Queue;
    });
    expect(changes.map((r) => [r.change, r.logicalId, r.impact])).toEqual([
      ['remove', 'Queue', 'WILL_DESTROY'],
      ['add', 'WorkQueue', 'WILL_CREATE'],
    ]);
  });

  it('says WILL_ORPHAN for a removed resource its DeletionPolicy retains', () => {
    const live = normalizeTemplate({ Resources: { Queue: { Type: 'AWS::SQS::Queue', DeletionPolicy: 'Retain' } } });
    expect(compareTemplates(live, { Resources: {} }, library).resources).toEqual([
      { logicalId: 'Queue', type: 'AWS::SQS::Queue', change: 'remove', impact: 'WILL_ORPHAN', changes: [] },
    ]);
  });

  it('lists a changed resource type as a replacement', () => {
    const [change] = compareTemplates({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } }, { Resources: { Q: { Type: 'AWS::SNS::Topic' } } }, library).resources;
    expect(change).toEqual({
      logicalId: 'Q',
      type: 'AWS::SNS::Topic',
      change: 'replace',
      impact: 'WILL_REPLACE',
      changes: [{ path: 'Type', current: 'AWS::SQS::Queue', desired: 'AWS::SNS::Topic', impact: 'WILL_REPLACE' }],
    });
  });

  it('lists a changed attribute such as DeletionPolicy, without a property impact', () => {
    expect(resourcesBeyondTheCdk((t) => (t.Resources.Database.DeletionPolicy = 'Delete'))).toEqual([
      {
        logicalId: 'Database',
        type: 'AWS::RDS::DBInstance',
        change: 'modify',
        impact: 'WILL_UPDATE',
        changes: [{ path: 'DeletionPolicy', current: 'Snapshot', desired: 'Delete' }],
      },
    ]);
  });

  it('leaves out the impact of a change the resource specification does not know (a custom resource)', () => {
    const resource = (version: string) => ({ Resources: { Seed: { Type: 'Custom::Seed', Properties: { ServiceToken: 'arn', Version: version } } } });
    expect(compareTemplates(resource('1'), resource('2'), library).resources).toEqual([
      { logicalId: 'Seed', type: 'Custom::Seed', change: 'modify', changes: [{ path: 'Properties.Version', current: '1', desired: '2' }] },
    ]);
  });

  it('shows a reference to a replaced resource, which cloudformation-diff marks as changing too', () => {
    const changes = resourcesBeyondTheCdk((t) => (t.Resources.LogGroup.Properties!.LogGroupName = '/proton/payments/production'));
    expect(changes.map((r) => [r.logicalId, r.change])).toEqual([
      ['LogGroup', 'replace'],
      ['TaskDefinition', 'replace'],
    ]);
    expect(JSON.stringify(changes[1].changes)).toContain('LogGroup (replaced)');
  });

  it('masks the values of a secret-looking path, as plan does', () => {
    const [change] = resourcesBeyondTheCdk((t) => (t.Resources.Database.Properties!.MasterUserPassword = 'hunter2'));
    expect(change.changes).toEqual([{ path: 'Properties.MasterUserPassword', current: '****', desired: '****', impact: 'WILL_UPDATE' }]);
  });

  it('lists changed outputs, parameters and conditions by name, with the paths inside them', () => {
    const { templateChanges } = compareWith((t) => {
      t.Outputs.QueueUrl = { Value: { Ref: 'Queue' }, Export: { Name: 'payments-queue' } };
      delete t.Outputs.DatabaseEndpoint;
      t.Conditions = { IsProd: { 'Fn::Equals': ['prod', 'prod'] } };
      t.Description = 'Payments, taken over';
    });
    expect(templateChanges).toEqual([
      { section: 'Parameters', name: 'BootstrapVersion', change: 'add', changes: [] },
      { section: 'Conditions', name: 'IsProd', change: 'add', changes: [] },
      { section: 'Outputs', name: 'DatabaseEndpoint', change: 'remove', changes: [] },
      { section: 'Outputs', name: 'QueueUrl', change: 'modify', changes: [{ path: 'QueueUrl.Export', desired: { Name: 'payments-queue' } }] },
      { section: 'Rules', name: 'CheckBootstrapVersion', change: 'add', changes: [] },
      {
        section: 'Description',
        change: 'modify',
        changes: [{ path: 'Description', current: "Deploy a service on AWS Fargate, behind the environment's load balancer.", desired: 'Payments, taken over' }],
      },
    ]);
  });
});
