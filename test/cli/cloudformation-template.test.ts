import { getAttParts, normalizeTemplate, readTemplate } from '../../cli/cloudformation-template';

/** The value of `Resources.R.Properties.P`, as takeover-check reads it, when the template is `R`'s one property `P: <yaml>`. */
function property(yaml: string): unknown {
  const template = readTemplate(`Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      P: ${yaml}\n`, 'template.yaml');
  return (template.Resources as { R: { Properties: { P: unknown } } }).R.Properties.P;
}

describe('readTemplate: short-form intrinsics in their long form', () => {
  it.each<[string, unknown]>([
    ['!Ref Queue', { Ref: 'Queue' }],
    ["!Ref 'AWS::Region'", { Ref: 'AWS::Region' }],
    ['!GetAtt Queue.Arn', { 'Fn::GetAtt': ['Queue', 'Arn'] }],
    ['!GetAtt Database.Endpoint.Address', { 'Fn::GetAtt': ['Database', 'Endpoint.Address'] }],
    ['!GetAtt [Queue, Arn]', { 'Fn::GetAtt': ['Queue', 'Arn'] }],
    ["!Sub 'arn:aws:s3:::${Bucket}/*'", { 'Fn::Sub': 'arn:aws:s3:::${Bucket}/*' }],
    ["!Sub ['${Name}-queue', { Name: !Ref 'AWS::StackName' }]", { 'Fn::Sub': ['${Name}-queue', { Name: { Ref: 'AWS::StackName' } }] }],
    ["!Join ['', [!Ref 'AWS::AccountId', '.dkr.ecr']]", { 'Fn::Join': ['', [{ Ref: 'AWS::AccountId' }, '.dkr.ecr']] }],
    ["!If [IsProd, 3, !Ref 'AWS::NoValue']", { 'Fn::If': ['IsProd', '3', { Ref: 'AWS::NoValue' }] }],
    ["!Select [0, !GetAZs '']", { 'Fn::Select': ['0', { 'Fn::GetAZs': '' }] }],
    ["!Split [',', !ImportValue shared-subnets]", { 'Fn::Split': [',', { 'Fn::ImportValue': 'shared-subnets' }] }],
    ["!FindInMap [TaskSize, !Ref Size, cpu]", { 'Fn::FindInMap': ['TaskSize', { Ref: 'Size' }, 'cpu'] }],
    ['!Cidr [!GetAtt VPC.CidrBlock, 4, 8]', { 'Fn::Cidr': [{ 'Fn::GetAtt': ['VPC', 'CidrBlock'] }, '4', '8'] }],
    ['!Base64 { "Fn::Sub": "echo ${AWS::Region}" }', { 'Fn::Base64': { 'Fn::Sub': 'echo ${AWS::Region}' } }],
    ['!Equals [!Ref Env, prod]', { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }],
    ['!And [!Condition IsProd, !Not [!Equals [!Ref Env, dev]]]', { 'Fn::And': [{ Condition: 'IsProd' }, { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'Env' }, 'dev'] }] }] }],
    ['!Or [!Condition A, !Condition B]', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
  ])('reads %s', (yaml, longForm) => {
    expect(property(yaml)).toEqual(longForm);
  });

  it('reads a tag on a block sequence and on a block map', () => {
    const yaml = `Resources:
  R:
    Properties:
      A: !Join
        - ''
        - - a
          - !Ref B
      C: !Base64
        Fn::Sub: |
          #!/bin/bash
          echo \${AWS::Region}
`;
    const template = readTemplate(yaml, 'template.yaml');
    expect((template.Resources as { R: unknown }).R).toEqual({
      Properties: { A: { 'Fn::Join': ['', ['a', { Ref: 'B' }]] }, C: { 'Fn::Base64': { 'Fn::Sub': '#!/bin/bash\necho ${AWS::Region}\n' } } },
    });
  });

  it('reads YAML as cloudformation-include does (the 1.2 core schema): dates and yes stay strings', () => {
    expect(property('2012-10-17')).toBe('2012-10-17');
    expect(property('yes')).toBe('yes');
  });

  it('reads a number written as a string and as a number as the same value', () => {
    expect(property("'80'")).toBe('80');
    expect(property('80')).toBe('80');
  });

  it('reads a JSON template', () => {
    expect(readTemplate('{ "Resources": { "Q": { "Type": "AWS::SQS::Queue", "Properties": { "DelaySeconds": 5 } } } }', 'template.json')).toEqual({
      Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: '5' } } },
    });
  });

  it('refuses a tag CloudFormation does not know, naming it and the template', () => {
    expect(() => readTemplate('Resources:\n  R: !Foo bar\n', 'its live template')).toThrow(/^its live template: is not valid CloudFormation YAML: Unresolved tag: !Foo/);
  });

  it.each([
    ['YAML that does not parse', 'Resources: [', /not valid CloudFormation YAML/],
    ['JSON that does not parse', '{ "Resources": ', /not valid JSON/],
    ['a document that is no map', '- a\n- b\n', /not a template: its top level is a list/],
  ])('refuses %s', (_what, text, message) => {
    expect(() => readTemplate(text, 'template')).toThrow(message);
  });
});

describe('normalizeTemplate: templates as CloudFormation compares them', () => {
  it('makes numbers and booleans strings, at any depth', () => {
    expect(normalizeTemplate({ Resources: { T: { Properties: { Port: 8080, Enabled: true, Mappings: [{ ContainerPort: 80 }] } } } })).toEqual({
      Resources: { T: { Properties: { Port: '8080', Enabled: 'true', Mappings: [{ ContainerPort: '80' }] } } },
    });
  });

  it('gives Fn::GetAtt its list form, the attribute being all after the first dot', () => {
    expect(normalizeTemplate({ A: { 'Fn::GetAtt': 'Database.Endpoint.Address' } })).toEqual({ A: { 'Fn::GetAtt': ['Database', 'Endpoint.Address'] } });
  });

  it('makes DependsOn a sorted list', () => {
    expect(normalizeTemplate({ R: { DependsOn: 'B' }, S: { DependsOn: ['C', 'A'] } })).toEqual({ R: { DependsOn: ['B'] }, S: { DependsOn: ['A', 'C'] } });
  });

  it('sorts a list of tags by key, as the CDK writes them', () => {
    const tags = [
      { Key: 'proton:service', Value: 'payments' },
      { Key: 'environment', Value: 'prod' },
    ];
    expect(normalizeTemplate({ Tags: tags })).toEqual({ Tags: [tags[1], tags[0]] });
  });

  it('leaves other lists in their order, Tags that are not key-value pairs included', () => {
    expect(normalizeTemplate({ Subnets: ['b', 'a'], Tags: ['b', 'a'] })).toEqual({ Subnets: ['b', 'a'], Tags: ['b', 'a'] });
  });

  it('joins an Fn::Join whose parts are all strings, after they were normalized', () => {
    expect(normalizeTemplate({ Image: { 'Fn::Join': ['', ['repo', ':', 1]] } })).toEqual({ Image: 'repo:1' });
  });

  it("writes an Fn::Sub variable whose value is a string into the string, as it reads a parameter cloudformation-include replaced", () => {
    const sub = { 'Fn::Sub': ['arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${ProtonOutput2}', { ProtonOutput2: 'prod-env-TaskExecutionRole' }] };
    expect(normalizeTemplate({ Arn: sub })).toEqual({ Arn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/prod-env-TaskExecutionRole' } });
  });

  it('keeps the Fn::Sub variables CloudFormation computes, and a ${ written in stays literal', () => {
    const sub = { 'Fn::Sub': ['${A}/${B}/${!A}', { A: 'x${y}', B: { Ref: 'Bucket' } }] };
    expect(normalizeTemplate({ Path: sub })).toEqual({ Path: { 'Fn::Sub': ['x${!y}/${B}/${!A}', { B: { Ref: 'Bucket' } }] } });
  });

  it('keeps an Fn::Join that has a part CloudFormation computes', () => {
    const join = { 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }]] };
    expect(normalizeTemplate({ Arn: join })).toEqual({ Arn: join });
  });
});

describe('getAttParts', () => {
  it.each<[unknown, [string, string] | undefined]>([
    ['Queue.Arn', ['Queue', 'Arn']],
    [['Queue', 'Arn'], ['Queue', 'Arn']],
    ['Queue', undefined],
    [['Queue'], undefined],
    [{ Ref: 'Queue' }, undefined],
  ])('reads %j as %j', (value, parts) => {
    expect(getAttParts(value)).toEqual(parts);
  });
});
