// The part of the CloudFormation client the handler uses, in a module of its own: cloudformation-sdk.ts
// imports it on first use, and the bundle keeps it in a chunk that a container loads only then.
export { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
