/**
 * A service instance stack as Proton left it, and the same template as a takeover stack synthesizes it.
 * The live side is what Proton submitted: the bundle's cloudformation.yaml rendered by Jinja, YAML with
 * short-form intrinsics, the environment's outputs written in as literals. The other side is what
 * aws-cdk-lib's cloudformation-include makes of that rendering (test/cli/takeover-synth.test.ts checks
 * the two against a real synth): values typed by the resource specification (`Port: '8080'` → 8080),
 * `!GetAtt a.b` → `"a.b"`, tags sorted by key, plus what the CDK adds to every stack.
 */

export const REGION = 'eu-west-1';
export const ACCOUNT = '111111111111';
export const SERVICE_STACK = 'AWSProton-payments-prod-cloudformation--ZKXWPLBRTAEMNSQ';
export const ENVIRONMENT_STACK = 'AWSProton-prod-env-cloudformation--QYWPQLSESXEMRBY';
/** The construct's lookup of the environment stack's outputs. */
export const LOOKUP_ID = 'EnvironmentOutputs1A2B3C';

/** The environment stack's outputs that the service instance template reads. */
export const ENVIRONMENT_OUTPUTS: Readonly<Record<string, string>> = {
  ClusterName: 'prod-env-ECSCluster-7Hq2kLmN0pQr',
  RepositoryUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/payments`,
  TaskExecutionRoleName: 'prod-env-TaskExecutionRole-1XK2M3N4P5Q6',
  VpcId: 'vpc-0123456789abcdef0',
};

/** The service instance's template as GetTemplate (TemplateStage Original) returns it. */
export const SERVICE_TEMPLATE_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Description: Deploy a service on AWS Fargate, behind the environment's load balancer.
Mappings:
  TaskSize:
    x-small:
      cpu: 256
      memory: 512
Resources:
  LogGroup:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: '/proton/payments/prod'
      RetentionInDays: '30'
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: 'payments_prod'
      Cpu: !FindInMap [TaskSize, x-small, cpu]
      Memory: !FindInMap [TaskSize, x-small, memory]
      NetworkMode: awsvpc
      ExecutionRoleArn: !Sub 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/${ENVIRONMENT_OUTPUTS.TaskExecutionRoleName}'
      RequiresCompatibilities:
        - FARGATE
      ContainerDefinitions:
        - Name: 'prod'
          Image: '${ENVIRONMENT_OUTPUTS.RepositoryUri}:1.3.2'
          Essential: true
          PortMappings:
            - ContainerPort: '8080'
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: !Ref LogGroup
              awslogs-region: !Ref 'AWS::Region'
              awslogs-stream-prefix: 'payments/prod'
  Service:
    Type: AWS::ECS::Service
    DependsOn: TargetGroup
    Properties:
      ServiceName: 'payments_prod'
      Cluster: '${ENVIRONMENT_OUTPUTS.ClusterName}'
      LaunchType: FARGATE
      DesiredCount: 3
      DeploymentConfiguration:
        MaximumPercent: 200
        MinimumHealthyPercent: '75'
      TaskDefinition: !Ref TaskDefinition
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: DISABLED
          Subnets:
            - subnet-0a1b2c3d4e5f60718
            - subnet-0f1e2d3c4b5a69788
      LoadBalancers:
        - ContainerName: 'prod'
          ContainerPort: 8080
          TargetGroupArn: !Ref TargetGroup
  TargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      HealthCheckPath: /ping
      HealthCheckIntervalSeconds: 6
      Port: '8080'
      Protocol: HTTP
      TargetType: ip
      VpcId: '${ENVIRONMENT_OUTPUTS.VpcId}'
      Tags:
        - Key: proton:service
          Value: payments
        - Key: environment
          Value: prod
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: '30'
      MessageRetentionPeriod: 345600
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      DBInstanceIdentifier: payments-prod
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: '20'
      MultiAZ: false
      MasterUsername: payments
      MasterUserPassword: '{{resolve:secretsmanager:payments-prod-db:SecretString:password}}'
      StorageEncrypted: true
  Assets:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub 'payments-prod-assets-\${AWS::AccountId}'
Outputs:
  QueueUrl:
    Value: !Ref Queue
  DatabaseEndpoint:
    Value: !GetAtt Database.Endpoint.Address
`;

/** CDKMetadata's analytics, as a synth encodes them (the construct library's version and the constructs used). */
const ANALYTICS =
  'v2:deflate64:H4sIAAAAAAAA/zPSMzQ2UTBQTCwv1k1OydbNyczTqw4uSUzO1gkuSy0qzs/TMdYzNDTVM1BMLC/WTc7P1Q1OLUotS80rSS0s0QFJ+qblF+WWZOYl6xjoGZrpGZoqWhibmRkaGRoaGRkAACMHVJlmAAAA';

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  [attribute: string]: unknown;
}

export interface IncludedTemplate {
  Resources: Record<string, CfnResource>;
  Outputs: Record<string, Record<string, unknown>>;
  [section: string]: unknown;
}

/** The parameter an output read at deploy time becomes before cloudformation-include replaces it by the lookup's attribute. */
export const OUTPUT_PARAMETERS: Readonly<Record<string, string>> = {
  ClusterName: 'ProtonOutput0',
  RepositoryUri: 'ProtonOutput1',
  TaskExecutionRoleName: 'ProtonOutput2',
  VpcId: 'ProtonOutput3',
};

/**
 * The synthesized template of the takeover stack, a fresh copy each call. With `lookup`, the values
 * that came from the environment's outputs are deploy-time reads of them, as cloudformation-include
 * writes a parameter it replaces by the lookup's attribute: `Fn::GetAtt` of the lookup, inside an
 * `Fn::Join` where the output was part of a longer string, an `Fn::Sub` variable inside a `!Sub`; and the
 * lookup's resources added.
 */
export function includedServiceTemplate(options: { lookup?: boolean } = {}): IncludedTemplate {
  const output = (name: string) => (options.lookup ? { 'Fn::GetAtt': [LOOKUP_ID, name] } : ENVIRONMENT_OUTPUTS[name]);
  const image = options.lookup ? { 'Fn::Join': ['', [output('RepositoryUri'), ':1.3.2']] } : `${ENVIRONMENT_OUTPUTS.RepositoryUri}:1.3.2`;
  const roleArn = 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/';
  const executionRoleArn = options.lookup
    ? { 'Fn::Sub': [`${roleArn}\${${OUTPUT_PARAMETERS.TaskExecutionRoleName}}`, { [OUTPUT_PARAMETERS.TaskExecutionRoleName]: output('TaskExecutionRoleName') }] }
    : { 'Fn::Sub': `${roleArn}${ENVIRONMENT_OUTPUTS.TaskExecutionRoleName}` };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: "Deploy a service on AWS Fargate, behind the environment's load balancer.",
    Mappings: { TaskSize: { 'x-small': { cpu: 256, memory: 512 } } },
    Resources: {
      LogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/proton/payments/prod', RetentionInDays: 30 } },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          ContainerDefinitions: [
            {
              Essential: true,
              Image: image,
              LogConfiguration: {
                LogDriver: 'awslogs',
                Options: { 'awslogs-group': { Ref: 'LogGroup' }, 'awslogs-region': { Ref: 'AWS::Region' }, 'awslogs-stream-prefix': 'payments/prod' },
              },
              Name: 'prod',
              PortMappings: [{ ContainerPort: 8080 }],
            },
          ],
          Cpu: { 'Fn::FindInMap': ['TaskSize', 'x-small', 'cpu'] },
          ExecutionRoleArn: executionRoleArn,
          Family: 'payments_prod',
          Memory: { 'Fn::FindInMap': ['TaskSize', 'x-small', 'memory'] },
          NetworkMode: 'awsvpc',
          RequiresCompatibilities: ['FARGATE'],
        },
      },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: {
          Cluster: output('ClusterName'),
          DeploymentConfiguration: { MaximumPercent: 200, MinimumHealthyPercent: 75 },
          DesiredCount: 3,
          LaunchType: 'FARGATE',
          LoadBalancers: [{ ContainerName: 'prod', ContainerPort: 8080, TargetGroupArn: { Ref: 'TargetGroup' } }],
          NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED', Subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'] } },
          ServiceName: 'payments_prod',
          TaskDefinition: { Ref: 'TaskDefinition' },
        },
        DependsOn: ['TargetGroup'],
      },
      TargetGroup: {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: {
          HealthCheckIntervalSeconds: 6,
          HealthCheckPath: '/ping',
          Port: 8080,
          Protocol: 'HTTP',
          Tags: [
            { Key: 'environment', Value: 'prod' },
            { Key: 'proton:service', Value: 'payments' },
          ],
          TargetType: 'ip',
          VpcId: output('VpcId'),
        },
      },
      Queue: { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 345600, VisibilityTimeout: 30 } },
      Database: {
        Type: 'AWS::RDS::DBInstance',
        Properties: {
          AllocatedStorage: '20',
          DBInstanceClass: 'db.t3.micro',
          DBInstanceIdentifier: 'payments-prod',
          Engine: 'postgres',
          MasterUserPassword: '{{resolve:secretsmanager:payments-prod-db:SecretString:password}}',
          MasterUsername: 'payments',
          MultiAZ: false,
          StorageEncrypted: true,
        },
        UpdateReplacePolicy: 'Snapshot',
        DeletionPolicy: 'Snapshot',
      },
      Assets: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Sub': 'payments-prod-assets-${AWS::AccountId}' } } },
      ...(options.lookup ? lookupResources() : {}),
      CDKMetadata: {
        Type: 'AWS::CDK::Metadata',
        Properties: { Analytics: ANALYTICS },
        Metadata: { 'aws:cdk:path': 'PaymentsProd/CDKMetadata/Default' },
      },
    },
    Outputs: {
      QueueUrl: { Value: { Ref: 'Queue' } },
      DatabaseEndpoint: { Value: { 'Fn::GetAtt': 'Database.Endpoint.Address' } },
    },
    Parameters: {
      BootstrapVersion: {
        Type: 'AWS::SSM::Parameter::Value<String>',
        Default: '/cdk-bootstrap/hnb659fds/version',
        Description: 'Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]',
      },
    },
    Rules: {
      CheckBootstrapVersion: {
        Assertions: [
          {
            Assert: { 'Fn::Not': [{ 'Fn::Contains': [['1', '2', '3', '4', '5'], { Ref: 'BootstrapVersion' }] }] },
            AssertDescription: "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI.",
          },
        ],
      },
    },
  };
}

/** The lookup as the construct adds it: the custom resource and the function and role behind it. */
function lookupResources(): Record<string, CfnResource> {
  return {
    [LOOKUP_ID]: {
      Type: 'Custom::ProtonStackOutputs',
      Properties: {
        ServiceToken: { 'Fn::GetAtt': ['StackOutputsLookupFunction5E7A1B2C', 'Arn'] },
        StackName: ENVIRONMENT_STACK,
        OutputNames: ['ClusterName', 'RepositoryUri', 'TaskExecutionRoleName', 'VpcId'],
        Role: 'environment',
      },
      UpdateReplacePolicy: 'Delete',
      DeletionPolicy: 'Delete',
    },
    StackOutputsLookupFunctionServiceRole9D1E2F3A: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }],
          Version: '2012-10-17',
        },
        Policies: [
          {
            PolicyDocument: {
              Statement: [
                {
                  Action: 'cloudformation:DescribeStacks',
                  Effect: 'Allow',
                  Resource: `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${ENVIRONMENT_STACK}/*`,
                },
              ],
              Version: '2012-10-17',
            },
            PolicyName: 'DescribeEnvironmentStack',
          },
        ],
      },
    },
    StackOutputsLookupFunction5E7A1B2C: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Code: { S3Bucket: `cdk-hnb659fds-assets-${ACCOUNT}-${REGION}`, S3Key: '4a6f0c5e3b2d1a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f.zip' },
        Handler: 'stack-outputs.onEvent',
        Role: { 'Fn::GetAtt': ['StackOutputsLookupFunctionServiceRole9D1E2F3A', 'Arn'] },
        Runtime: 'nodejs22.x',
        Timeout: 60,
      },
      DependsOn: ['StackOutputsLookupFunctionServiceRole9D1E2F3A'],
    },
  };
}

/** The environment stack as Proton left it: its template, for a takeover of the environment itself. */
export const ENVIRONMENT_TEMPLATE_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Description: The prod environment's network and cluster.
Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
      EnableDnsHostnames: true
      EnableDnsSupport: 'true'
  PublicSubnetOne:
    Type: AWS::EC2::Subnet
    Properties:
      AvailabilityZone: !Select [0, !GetAZs '']
      VpcId: !Ref VPC
      CidrBlock: !Select [0, !Cidr [!GetAtt VPC.CidrBlock, 4, 8]]
      MapPublicIpOnLaunch: true
  ECSCluster:
    Type: AWS::ECS::Cluster
Outputs:
  ClusterName:
    Value: !Ref ECSCluster
  VpcId:
    Value: !Ref VPC
`;

/** What cloudformation-include synthesizes from the environment's rendering, with what the CDK adds. */
export function includedEnvironmentTemplate(): IncludedTemplate {
  const service = includedServiceTemplate();
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: "The prod environment's network and cluster.",
    Resources: {
      VPC: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', EnableDnsHostnames: true, EnableDnsSupport: true } },
      PublicSubnetOne: {
        Type: 'AWS::EC2::Subnet',
        Properties: {
          AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
          CidrBlock: { 'Fn::Select': [0, { 'Fn::Cidr': [{ 'Fn::GetAtt': 'VPC.CidrBlock' }, 4, 8] }] },
          MapPublicIpOnLaunch: true,
          VpcId: { Ref: 'VPC' },
        },
      },
      ECSCluster: { Type: 'AWS::ECS::Cluster' },
      CDKMetadata: service.Resources.CDKMetadata,
    },
    Outputs: { ClusterName: { Value: { Ref: 'ECSCluster' } }, VpcId: { Value: { Ref: 'VPC' } } },
    Parameters: service.Parameters,
    Rules: service.Rules,
  };
}
