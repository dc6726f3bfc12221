#!/usr/bin/env node
// Example app after Proton: the stack Proton deployed for payments/prod, taken over by the CDK. What it
// renders from is what a Proton user holds, in bin/proton/: the template bundle's versions, the service
// spec. Check before each deploy: npx cdk synth --app "npx tsx bin/takeover-example.ts" && npx cdk-proton-instance takeover-check
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { EnvironmentOutputs, ServiceInstanceSpec, ServiceInstanceStack, ServiceTemplateBundle } from '../lib';

const PROTON = path.join(__dirname, 'proton');

const app = new App();
// The template version Proton last deployed, until you move on: `-c templateVersion=v2`.
const templateVersion: string = app.node.tryGetContext('templateVersion') ?? 'v1';
// The spec Proton last deployed with; change an input in it to deploy the change. `-c spec=<file>` reads another.
const specFile: string = app.node.tryGetContext('spec') ?? path.join(PROTON, 'payments-spec.yaml');

new ServiceInstanceStack(app, 'PaymentsProd', {
  stackName: 'AWSProton-payments-prod-cloudformation--HMACANJOICKTLNG', // the stack Proton deployed
  env: { account: '111111111111', region: 'eu-west-1' },
  serviceName: 'payments',
  instanceName: 'prod',
  spec: ServiceInstanceSpec.fromFile(specFile),
  template: ServiceTemplateBundle.fromDirectory(path.join(PROTON, 'fargate-service', templateVersion)),
  // The environment's stack: its outputs are read at deploy time, as Proton read them at each deployment.
  environmentOutputs: EnvironmentOutputs.fromStack('AWSProton-prod-cloudformation--QYWPQLSESXEMRBY'),
});
