import { resolveLookups } from '../../cli/lookups';

const LOOKUP = { logicalId: 'EnvironmentOutputs1A2B3C', stackName: 'AWSProton-prod-env-cloudformation--QYWPQLSESXEMRBY' };
const OUTPUTS = { ClusterName: 'prod-cluster', RepositoryUri: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/payments' };
const outputsOf = (stackName: string) => (stackName === LOOKUP.stackName ? OUTPUTS : undefined);

describe('resolveLookups', () => {
  it("replaces a lookup's Fn::GetAtt, in either form, by the output it reads", () => {
    const template = { Resources: { S: { Properties: { Cluster: { 'Fn::GetAtt': [LOOKUP.logicalId, 'ClusterName'] }, Other: { 'Fn::GetAtt': `${LOOKUP.logicalId}.ClusterName` } } } } };
    expect(resolveLookups(template, [LOOKUP], outputsOf)).toEqual({ Resources: { S: { Properties: { Cluster: 'prod-cluster', Other: 'prod-cluster' } } } });
  });

  it('resolves inside an Fn::Join, leaving the join to normalizeTemplate', () => {
    const image = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [LOOKUP.logicalId, 'RepositoryUri'] }, ':1.3.2']] };
    expect(resolveLookups({ Image: image }, [LOOKUP], outputsOf)).toEqual({ Image: { 'Fn::Join': ['', [OUTPUTS.RepositoryUri, ':1.3.2']] } });
  });

  it('resolves an Fn::Sub variable that is a lookup, and a lookup written in an Fn::Sub string', () => {
    const template = {
      A: { 'Fn::Sub': ['${P}/${AWS::Region}', { P: { 'Fn::GetAtt': [LOOKUP.logicalId, 'ClusterName'] } }] },
      B: { 'Fn::Sub': `\${${LOOKUP.logicalId}.ClusterName}/\${Queue.Arn}` },
    };
    expect(resolveLookups(template, [LOOKUP], outputsOf)).toEqual({
      A: { 'Fn::Sub': ['${P}/${AWS::Region}', { P: 'prod-cluster' }] },
      B: { 'Fn::Sub': 'prod-cluster/${Queue.Arn}' },
    });
  });

  it('leaves every other Fn::GetAtt, and the lookup resource itself, as they are', () => {
    const template = { Arn: { 'Fn::GetAtt': ['Queue', 'Arn'] }, Resources: { [LOOKUP.logicalId]: { Type: 'Custom::ProtonStackOutputs' } } };
    expect(resolveLookups(template, [LOOKUP], outputsOf)).toEqual(template);
  });

  it('throws naming the lookup, the output and the stack when the stack lacks the output', () => {
    const template = { Vpc: { 'Fn::GetAtt': [LOOKUP.logicalId, 'VpcId'] } };
    expect(() => resolveLookups(template, [LOOKUP], outputsOf)).toThrow(
      `lookup EnvironmentOutputs1A2B3C reads output VpcId of stack ${LOOKUP.stackName}, which has no such output (it has ClusterName, RepositoryUri)`,
    );
  });

  it('throws naming the stack when the lookup reads a stack that does not exist', () => {
    const template = { Vpc: { 'Fn::GetAtt': [LOOKUP.logicalId, 'VpcId'] } };
    expect(() => resolveLookups(template, [LOOKUP], () => undefined)).toThrow(`lookup EnvironmentOutputs1A2B3C reads stack ${LOOKUP.stackName}, which does not exist`);
  });
});
