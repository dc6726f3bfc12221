import * as path from 'node:path';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/**
 * The prebuilt handler bundle (lambda/ bundled by scripts/bundle-handler.mjs), shipped with the package:
 * one ES module per function (on-event.mjs, is-complete.mjs, stack-outputs.mjs) and the chunks they share.
 */
const HANDLER_ASSET = path.join(__dirname, 'handler');

/** What every function of the bundle runs with: its code, Node.js 24, arm64. */
export function handlerFunctionSettings(): Pick<lambda.FunctionProps, 'code' | 'runtime' | 'architecture'> {
  return { code: lambda.Code.fromAsset(HANDLER_ASSET), runtime: lambda.Runtime.NODEJS_24_X, architecture: lambda.Architecture.ARM_64 };
}

/**
 * A Lambda execution role that may write to its log group and nothing else until granted more: in place
 * of AWSLambdaBasicExecutionRole, which may write to, and create, any log group of the account.
 */
export function logWriterRole(scope: Construct, id: string, logGroup: logs.ILogGroup): iam.Role {
  const role = new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  return role;
}
