import { ProtonEmulator, Seed, SeedService, exampleSeedPath, loadSeedFile } from '../emulator';
import { findInstanceEntry, parseServiceSpec } from '../lambda/spec';
import { RequestOutcome, SimulatedResource, SynthesizedInstance, readInstances, withInstanceValue } from '../lifecycle';
import { Figure } from './report';
import { assertSucceeded, startRig } from './rig';
import { inWords } from './stats';
import { LARGEST_COUNT, instancesPerService } from './synth-scaling';

const CALLS_PER_SECOND = 20;
const DEPLOYMENT_MS = 1500;
const POLL_SECONDS = '1';
/** A bound on each request, far above what convergence needs, so a stuck run ends. */
const REQUEST_TIMEOUT_MS = 240_000;
const NEW_IMAGE = 'public.ecr.aws/example/payments:1.4.0';

/** What the figure runs, for the benchmark's progress line: the synth-scaling figure's largest app. */
export const MANY_AT_ONCE_LOAD = `${LARGEST_COUNT} instances, throttled above ${CALLS_PER_SECOND} calls/s`;

/**
 * Every instance of a synthesized app updated at once (a spec change each) against an emulator that
 * throttles above CALLS_PER_SECOND: do all converge, and what does it cost in calls?
 */
export async function measureManyAtOnce(assemblyDir: string): Promise<Figure> {
  const instances = readInstances(assemblyDir);
  // One loaded handler (one container, one SDK client) serves every resource; see the notes.
  const rig = await startRig(instances[0], { seed: seedHolding(instances), deploymentDurationMs: DEPLOYMENT_MS });
  const { emulator, handlers } = rig;
  try {
    const resources = instances.map((instance) => {
      const props: Record<string, string> = { ...instance.properties, PollIntervalSeconds: POLL_SECONDS };
      return { instance, resource: new SimulatedResource(handlers, instance.logicalId), props };
    });
    const creates = await Promise.all(resources.map(({ resource, props }) => resource.create(props, { timeoutMs: REQUEST_TIMEOUT_MS })));
    creates.forEach((outcome) => assertSucceeded(outcome, 'a Create that adopts a seeded instance'));

    emulator.faults.throttleAbove(CALLS_PER_SECOND);
    emulator.calls.clear();
    const started = Date.now();
    const updates = await Promise.all(
      resources.map(({ instance, resource, props }) =>
        resource.update({ ...props, Spec: withInstanceValue(props.Spec, instance.properties.InstanceName, ['spec', 'image'], NEW_IMAGE) }, { timeoutMs: REQUEST_TIMEOUT_MS }),
      ),
    );
    const wallSeconds = (Date.now() - started) / 1000;
    return figureOf(emulator, instances, updates, wallSeconds);
  } finally {
    await rig.stop();
  }
}

function figureOf(emulator: ProtonEmulator, instances: SynthesizedInstance[], updates: RequestOutcome[], wallSeconds: number): Figure {
  const failed = updates.filter((outcome) => outcome.status !== 'SUCCESS');
  const converged = instances.filter(({ properties: { ServiceName, InstanceName } }) => {
    const current = emulator.state.instance(ServiceName, InstanceName);
    return current?.deploymentStatus === 'SUCCEEDED' && entryOf(current.spec ?? '', InstanceName)?.spec.image === NEW_IMAGE;
  });
  const calls = emulator.calls;
  const throttled = calls.entries.filter((call) => call.errorType === 'ThrottlingException').length;
  const deployments = calls.of('UpdateServiceInstance').filter((call) => call.status === 200).length;
  const n = instances.length;
  const perService = instancesPerService(instances);
  return {
    name: 'many at once',
    measured: `${converged.length}/${n} converged, ${failed.length} failed; ${calls.count()} calls (${throttled} throttled) in ${wallSeconds.toFixed(1)} s`,
    target: `${n} instances, throttled above ${CALLS_PER_SECOND} calls/s: all converge, none fails, total calls reported`,
    met: converged.length === n && failed.length === 0,
    notes: [
      `The ${n} instances of the synth-scaling app (${inWords(n / perService)} services of ${inWords(perService)}), seeded into the emulator as declared and adopted by a Create each; then all ${n} Updates (a new image in each spec) sent at once, PollIntervalSeconds ${POLL_SECONDS}, ${DEPLOYMENT_MS} ms deployments, the emulator throttling above ${CALLS_PER_SECOND} calls/s (\`faults.throttleAbove\`, a token bucket).`,
      `Calls during the Updates: ${calls.count()} in all, ${calls.readCount()} reads and ${calls.writeCount()} writes (throttled ones included); ${throttled} answered ThrottlingException; ${deployments} deployments started (one per instance: no duplicates). That is ${(calls.count() / n).toFixed(1)} calls per instance, ${((calls.count() - throttled) / n).toFixed(1)} answered; at ${CALLS_PER_SECOND} calls/s the answered calls alone need ${((calls.count() - throttled) / CALLS_PER_SECOND).toFixed(1)} s.`,
      `A throttled call is retried by the SDK (adaptive mode, 5 attempts); when those run out, isComplete answers "not yet" and the next poll tries again, so throttling delays a resource but never fails it.${failed.length > 0 ? ` Failures: ${failed.map((f) => f.reason).join('; ')}` : ''}`,
      'One loaded handler module serves all the resources, so one SDK client (and one adaptive-retry rate limiter) sees every throttle. In Lambda concurrent invocations run in separate containers whose clients learn about throttling separately, so expect more throttled calls there than here.',
    ],
  };
}

/** An account holding every instance of the app as the app declares it, on the example's template. */
function seedHolding(instances: SynthesizedInstance[]): Seed {
  const example = loadSeedFile(exampleSeedPath);
  const { templateName } = example.services![0];
  const services = new Map<string, SeedService>();
  for (const { properties } of instances) {
    const entry = entryOf(properties.Spec, properties.InstanceName)!;
    const service = services.get(properties.ServiceName) ?? { name: properties.ServiceName, templateName, instances: [] };
    services.set(properties.ServiceName, { ...service, instances: [...(service.instances ?? []), { name: entry.name, environment: entry.environment, spec: entry.spec }] });
  }
  return { templates: example.templates, environments: example.environments, services: [...services.values()] };
}

interface InstanceEntry {
  name: string;
  environment: string;
  spec: Record<string, unknown>;
}

/** One instance's entry in a service spec (Proton answers with the whole service's). */
function entryOf(specYaml: string, instanceName: string): InstanceEntry | undefined {
  return findInstanceEntry(parseServiceSpec(specYaml, 'the service spec'), instanceName) as InstanceEntry | undefined;
}
