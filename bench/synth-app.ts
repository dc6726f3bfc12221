// `node --import tsx bench/synth-app.ts COUNT OUTDIR`: one stack holding COUNT ProtonServiceInstances
// (same provider settings, ten instances to a service), synthesized into OUTDIR. Prints the
// milliseconds spent building and synthesizing the app, its modules already loaded.
import { App, Stack } from 'aws-cdk-lib';
import { ProtonServiceInstance, ServiceInstanceSpec } from '../lib';
import { elapsedMs } from './stats';

const started = process.hrtime.bigint();
const [count, outdir] = process.argv.slice(2);
const app = new App({ outdir });
const stack = new Stack(app, 'ManyInstances');
for (let i = 0; i < Number(count); i++) {
  const instanceName = `instance-${i}`;
  new ProtonServiceInstance(stack, `Instance${i}`, {
    serviceName: `service-${Math.floor(i / 10)}`,
    instanceName,
    // Each instance's own entry, the size of the example's: the spec a team would declare for it.
    spec: ServiceInstanceSpec.fromObject({
      proton: 'ServiceSpec',
      instances: [{ name: instanceName, environment: 'prod', spec: { desired_count: 3, port: 8080, image: 'public.ecr.aws/example/payments:1.3.2' } }],
    }),
  });
}
app.synth();
process.stdout.write(String(elapsedMs(started)));
