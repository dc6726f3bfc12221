import { CloudFormationClient, DescribeStacksCommand, GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { CloudFormationStandIn } from '../../lifecycle';

const TEMPLATE = "Resources:\r\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub '${AWS::StackName}-<work> & more'\n";

let standIn: CloudFormationStandIn;
let client: CloudFormationClient;
beforeEach(async () => {
  standIn = await CloudFormationStandIn.start();
  client = new CloudFormationClient({ region: 'eu-west-1', endpoint: standIn.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
});
afterEach(async () => {
  client.destroy();
  await standIn.stop();
});

describe('the CloudFormation stand-in, through the real SDK', () => {
  it("serves GetTemplate's TemplateBody as the text given, character for character", async () => {
    standIn.putStack({ name: 'AWSProton-payments', template: TEMPLATE });
    const answer = await client.send(new GetTemplateCommand({ StackName: 'AWSProton-payments', TemplateStage: 'Original' }));
    expect(answer.TemplateBody).toBe(TEMPLATE);
    expect(answer.StagesAvailable).toEqual(['Original', 'Processed']);
  });

  it('serves DescribeStacks with the status and outputs, by name or by stack id', async () => {
    const id = standIn.putStack({ name: 'AWSProton-env', status: 'UPDATE_COMPLETE', outputs: { VpcId: 'vpc-0abc', ClusterName: 'prod & co' } });
    for (const name of ['AWSProton-env', id]) {
      const [stack] = (await client.send(new DescribeStacksCommand({ StackName: name }))).Stacks ?? [];
      expect(stack).toMatchObject({ StackId: id, StackName: 'AWSProton-env', StackStatus: 'UPDATE_COMPLETE' });
      expect(stack.Outputs).toEqual([
        { OutputKey: 'VpcId', OutputValue: 'vpc-0abc' },
        { OutputKey: 'ClusterName', OutputValue: 'prod & co' },
      ]);
    }
  });

  it("keeps the handler's rollback check working: a status set by stack id", async () => {
    const id = 'arn:aws:cloudformation:us-east-1:123456789012:stack/Demo/00000000-0000-0000-0000-000000000000';
    standIn.setStatus(id, 'UPDATE_ROLLBACK_IN_PROGRESS');
    const [stack] = (await client.send(new DescribeStacksCommand({ StackName: id }))).Stacks ?? [];
    expect(stack).toMatchObject({ StackId: id, StackName: 'Demo', StackStatus: 'UPDATE_ROLLBACK_IN_PROGRESS' });
  });

  it.each(['GetTemplate', 'DescribeStacks'])('answers %s of an unknown stack as CloudFormation does: ValidationError, 400', async (action) => {
    const command = action === 'GetTemplate' ? new GetTemplateCommand({ StackName: 'AWSProton-gone' }) : new DescribeStacksCommand({ StackName: 'AWSProton-gone' });
    await expect(client.send(command as GetTemplateCommand)).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'Stack with id AWSProton-gone does not exist',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses an action as told, and records every call', async () => {
    standIn.putStack({ name: 'AWSProton-payments', template: TEMPLATE });
    standIn.refuse('GetTemplate', { code: 'AccessDenied', message: 'not authorized to perform: cloudformation:GetTemplate' });
    await expect(client.send(new GetTemplateCommand({ StackName: 'AWSProton-payments' }))).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect(standIn.calls).toEqual([{ action: 'GetTemplate', params: { Version: '2010-05-15', StackName: 'AWSProton-payments' } }]);
  });
});
