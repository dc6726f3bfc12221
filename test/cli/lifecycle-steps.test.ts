/**
 * The preview and the deployment agree. Before each step of the demo's lifecycle (scripts/demo/steps.ts)
 * the built `plan` command previews the step's properties; then the step runs through the synthesized
 * handler, and what the handler wrote to Proton is what the preview said it would write.
 */
import { CallRecord } from '../../emulator';
import { InstancePreview } from '../../cli/preview';
import { demoSeed, demoSteps, sendStep } from '../../scripts/demo/steps';
import { FAST, Harness, startHarness, synthesizedInstance } from '../e2e/support';
import { assemblyDeclaring, planJson } from './support';

// Each test runs the built command as a child process, and most run the handler too.
jest.setTimeout(30_000);

/** What one preview or one request amounts to in Proton: its write, or none. */
interface Write {
  readonly operation: 'UpdateServiceInstance' | 'CreateServiceInstance';
  readonly deploymentType?: string;
  readonly templateMajorVersion?: string;
  readonly templateMinorVersion?: string;
  readonly withSpec: boolean;
}

/** The write the preview announces, in UpdateServiceInstance's terms (each deploymentType takes its own version fields). */
function announced(preview: InstancePreview): Write[] {
  const { major, minor } = preview.desired;
  switch (preview.action) {
    case 'none':
      return [];
    case 'create':
      return [{ operation: 'CreateServiceInstance', templateMajorVersion: major, templateMinorVersion: minor, withSpec: true }];
    case 'update': {
      const versions =
        preview.deploymentType === 'MAJOR_VERSION'
          ? { templateMajorVersion: major, templateMinorVersion: minor }
          : preview.deploymentType === 'MINOR_VERSION'
            ? { templateMinorVersion: minor }
            : {};
      const withSpec = preview.deploymentType === 'CURRENT_VERSION' || preview.specChanges.length > 0;
      return [{ operation: 'UpdateServiceInstance', deploymentType: preview.deploymentType, ...versions, withSpec }];
    }
    default:
      throw new Error(`the preview says ${preview.action}: ${preview.reasons.join('; ')}`);
  }
}

/** The distinct writes the handler made (a re-sent request carries the same token and input). */
function written(calls: readonly CallRecord[]): Write[] {
  const writes = calls
    .filter((call) => call.operation === 'UpdateServiceInstance' || call.operation === 'CreateServiceInstance')
    .map((call) => {
      const input = call.input as Record<string, string | undefined>;
      return {
        operation: call.operation as Write['operation'],
        ...(input.deploymentType ? { deploymentType: input.deploymentType } : {}),
        templateMajorVersion: input.templateMajorVersion,
        templateMinorVersion: input.templateMinorVersion,
        withSpec: input.spec !== undefined,
      };
    });
  return [...new Map(writes.map((w) => [JSON.stringify(w), w])).values()];
}

describe("the demo's lifecycle, previewed before each step", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ seed: demoSeed() });
  });
  afterAll(() => h.stop());

  // A Delete removes the resource from the app: there is nothing left to preview.
  const steps = demoSteps({ ...synthesizedInstance('prod').properties, ...FAST }).filter((step) => step.request !== 'Delete');

  it.each(steps.map((step) => [step.name, step] as const))('%s: the handler writes what the plan said', async (_name, step) => {
    step.arrange?.(h.emulator);
    const props = step.props ? step.props(h.resource.properties ?? h.props) : h.resource.properties;
    if (!props) throw new Error(`step ${step.name} has no properties to preview`);

    const { code, previews } = await planJson(assemblyDeclaring({ prod: props }), h.emulator.endpoint);
    const [preview] = previews;
    const firstCall = h.emulator.calls.entries.length;
    const outcome = await sendStep(step, props, h.resource);

    expect(written(h.emulator.calls.entries.slice(firstCall))).toEqual(announced(preview));
    expect(code).toBe(preview.action === 'none' ? 0 : 2);
    if (outcome.status === 'SUCCESS') {
      const instance = h.prod();
      expect({ major: instance?.templateMajorVersion, minor: instance?.templateMinorVersion }).toEqual(preview.desired);
    }
  });
});

describe('beyond the demo', () => {
  let h: Harness;
  afterEach(() => h.stop());

  it('previews a create when Proton has no such instance, and the handler creates it with the declared versions', async () => {
    h = await startHarness();
    h.emulator.faults.deleteInstance('payments', 'prod');
    const { previews } = await planJson(assemblyDeclaring({ prod: h.props }), h.emulator.endpoint);
    const firstCall = h.emulator.calls.entries.length;
    await h.resource.create(h.props);
    expect(previews[0].action).toBe('create');
    expect(written(h.emulator.calls.entries.slice(firstCall))).toEqual(announced(previews[0]));
  });

  it('previews a wait naming the deployment that runs, and the handler waits for that deployment first', async () => {
    h = await startHarness({ clock: 'manual' });
    const deployment = h.emulator.faults.startExternalDeployment({ serviceName: 'payments', instanceName: 'prod' });
    const { code, previews } = await planJson(assemblyDeclaring({ prod: h.props }), h.emulator.endpoint);
    const outcome = await h.resource.create(h.props, { beforePoll: () => h.emulator.advance(50) });
    expect(code).toBe(2);
    expect(previews[0]).toMatchObject({ action: 'wait', reasons: [`deployment ${deployment} is IN_PROGRESS`] });
    const decisions = outcome.decisions.filter((d) => d.action !== 'accepted');
    expect(decisions[0]).toMatchObject({ action: 'wait', reasons: [expect.stringContaining(`deployment ${deployment}`)] });
  });
});

