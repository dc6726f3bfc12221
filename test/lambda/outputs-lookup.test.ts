import { onEvent, StackOutputsEvent } from '../../lambda/outputs-lookup';

const ENV_STACK = 'AWSProton-prod-env-cloudformation--QYWPQLSESXEMRBY';

const event = (RequestType: StackOutputsEvent['RequestType'], OutputNames = ['VPC', 'Cluster']): StackOutputsEvent => ({
  RequestType,
  PhysicalResourceId: RequestType === 'Create' ? undefined : ENV_STACK,
  ResourceProperties: { StackName: ENV_STACK, OutputNames, Role: 'environment' },
});

const stacks = (outputs: Record<string, string>) => ({ outputsOf: jest.fn(async () => outputs) });

describe('the stack outputs lookup', () => {
  it('answers the outputs the template uses, read from the stack', async () => {
    const port = stacks({ VPC: 'vpc-0abc', Cluster: 'prod-cluster', Subnets: 'subnet-1,subnet-2' });
    await expect(onEvent(event('Create'), port)).resolves.toEqual({ PhysicalResourceId: ENV_STACK, Data: { VPC: 'vpc-0abc', Cluster: 'prod-cluster' } });
    expect(port.outputsOf).toHaveBeenCalledWith(ENV_STACK);
  });

  it('reads the stack again on Update', async () => {
    const port = stacks({ VPC: 'vpc-0def', Cluster: 'prod-cluster' });
    await expect(onEvent(event('Update'), port)).resolves.toMatchObject({ Data: { VPC: 'vpc-0def' } });
  });

  it('fails the deploy naming an output the stack does not have, and those it has', async () => {
    await expect(onEvent(event('Create'), stacks({ VPC: 'vpc-0abc', Subnets: 's' }))).rejects.toThrow(
      `The template uses environment output Cluster, which stack ${ENV_STACK} does not have (its outputs: Subnets, VPC)`,
    );
  });

  it("fails naming the stack and CloudFormation's answer when the stack cannot be read", async () => {
    const port = { outputsOf: jest.fn(async () => Promise.reject(Object.assign(new Error(`Stack with id ${ENV_STACK} does not exist`), { name: 'ValidationError' }))) };
    await expect(onEvent(event('Create'), port)).rejects.toThrow(
      `Reading the environment outputs from stack ${ENV_STACK}: CloudFormation answered ValidationError: Stack with id ${ENV_STACK} does not exist`,
    );
  });

  it('reads nothing on Delete: the stack is not ours', async () => {
    const port = stacks({});
    await expect(onEvent(event('Delete'), port)).resolves.toEqual({ PhysicalResourceId: ENV_STACK });
    expect(port.outputsOf).not.toHaveBeenCalled();
  });
});
