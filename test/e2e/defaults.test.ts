// Never deploy what Proton would fill in anyway, through the synthesized handler, the real SDK and the
// emulator, whose fargate-svc versions carry a schema (emulator/seed.example.yaml: desired_count defaults to
// 1). Each row of the table: what Proton has for prod, what the stack declares, and whether it deploys.
import { parse } from 'yaml';
import { SeedInstance } from '../../emulator';
import { Harness, adoptSeeded, callCounts, exampleSeed, seededProps, serviceSpec, startHarness } from './support';

let h: Harness;
afterEach(() => h.stop());

/** The example account with prod's own inputs as given (its entry shows no `spec:` when they are empty). */
async function prodWith(spec: Record<string, unknown>): Promise<void> {
  h = await startHarness({ seed: exampleSeed({ spec } as Partial<SeedInstance>), clock: 'manual' });
}

/** An Update of prod declaring these inputs, after the stack adopted it as Proton has it. */
async function declare(current: Record<string, unknown>, declared: Record<string, unknown>) {
  await prodWith(current);
  await adoptSeeded(h, seededProps(h, { Spec: serviceSpec({ prod: current }) }));
  return h.resource.update(seededProps(h, { Spec: serviceSpec({ prod: declared }) }), h.stepped());
}

describe('empty specs and schema defaults', () => {
  it('makes no write when Proton shows prod with no spec and the stack declares spec: {}', async () => {
    const outcome = await declare({}, {});
    const prodEntry = (parse(h.prod()!.spec!) as { instances: { name: string }[] }).instances.find((entry) => entry.name === 'prod');
    expect(prodEntry).toEqual({ name: 'prod', environment: 'prod' });
    expect(outcome.status).toBe('SUCCESS');
    expect(h.emulator.calls.writeCount()).toBe(0);
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
  });

  it('makes no write when the stack declares the default Proton left out, and reads the schema once', async () => {
    const outcome = await declare({ port: 8080 }, { port: 8080, desired_count: 1 });
    expect(outcome.status).toBe('SUCCESS');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1, GetServiceTemplateVersion: 1 });
    expect(h.emulator.calls.of('GetServiceTemplateVersion')[0].input).toEqual({ templateName: 'fargate-svc', majorVersion: '1', minorVersion: '0' });
  });

  it('makes no write when the stack leaves out the default Proton has', async () => {
    const outcome = await declare({ port: 8080, desired_count: 1 }, { port: 8080 });
    expect(outcome.status).toBe('SUCCESS');
    expect(h.emulator.calls.writeCount()).toBe(0);
  });

  it('deploys CURRENT_VERSION when the declared value is not the default', async () => {
    const outcome = await declare({ port: 8080 }, { port: 8080, desired_count: 2 });
    expect(outcome.status).toBe('SUCCESS');
    expect(h.emulator.calls.of('UpdateServiceInstance').map((c) => (c.input as { deploymentType: string }).deploymentType)).toEqual(['CURRENT_VERSION']);
    expect(h.prod()).toMatchObject({ deploymentStatus: 'SUCCEEDED' });
  });
});
