#!/usr/bin/env node
// Example app: two instances of one Proton service, one pinned to a template version, one following
// the recommended minor of its major version.
import * as path from 'node:path';
import { App, CfnOutput, Stack } from 'aws-cdk-lib';
import { ProtonServiceInstance, ServiceInstanceSpec } from '../lib';

const app = new App();
const stack = new Stack(app, 'PaymentsInstances');
const spec = ServiceInstanceSpec.fromFile(path.join(__dirname, 'payments-spec.yaml'));

const staging = new ProtonServiceInstance(stack, 'Staging', {
  serviceName: 'payments',
  instanceName: 'staging',
  spec,
  templateMajorVersion: '2',
});

const prod = new ProtonServiceInstance(stack, 'Prod', {
  serviceName: 'payments',
  instanceName: 'prod',
  spec,
  templateMajorVersion: '1',
  templateMinorVersion: '1',
});
// Production changes only after staging has taken the same spec.
prod.node.addDependency(staging);

new CfnOutput(stack, 'StagingVersion', { value: `${staging.templateMajorVersion}.${staging.templateMinorVersion}` });
new CfnOutput(stack, 'ProdInstanceArn', { value: prod.serviceInstanceArn });
