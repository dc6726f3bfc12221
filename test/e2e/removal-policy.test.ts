import { Harness, startHarness } from './support';

let h: Harness;
afterEach(() => h.stop());

describe('removal policy', () => {
  it('leaves the instance in Proton on Delete by default (RETAIN), with no write', async () => {
    h = await startHarness();
    expect((await h.resource.create(h.props)).status).toBe('SUCCESS');
    h.emulator.calls.clear();

    const outcome = await h.resource.delete();

    expect(outcome.status).toBe('SUCCESS');
    // The handler ran (one read), and wrote nothing.
    expect(h.emulator.calls.count('GetServiceInstance')).toBe(1);
    expect(h.emulator.calls.writeCount()).toBe(0);
    expect(h.prod()).toBeDefined();
  });

  it('removes the instance with an UpdateService that leaves it out, then waits until it is gone (DESTROY)', async () => {
    h = await startHarness();
    const props = { ...h.props, RemovalPolicy: 'destroy' };
    expect((await h.resource.create(props)).status).toBe('SUCCESS');

    const outcome = await h.resource.delete();

    expect(outcome).toMatchObject({ status: 'SUCCESS' });
    const update = h.emulator.calls.of('UpdateService');
    expect(update).toHaveLength(1);
    const { spec } = update[0].input as { spec: string };
    expect(spec).not.toMatch(/name: prod/);
    expect(spec).toMatch(/name: staging/);
    expect(h.emulator.state.instances('payments').map((i) => i.name)).toEqual(['staging']);
    expect(outcome.polls).toBeGreaterThan(1);
  });

  it('refuses, with a clear error and no write, to remove an instance that has a component attached', async () => {
    h = await startHarness({
      seed: {
        templates: [{ name: 'fargate-svc', versions: [{ major: 1, minor: 0 }, { major: 1, minor: 1 }] }],
        environments: ['prod', 'staging'],
        services: [{
          name: 'payments', templateName: 'fargate-svc',
          spec: { proton: 'ServiceSpec', instances: [{ name: 'prod', environment: 'prod', spec: { port: 8080 } }, { name: 'staging', environment: 'staging', spec: {} }] },
          components: [{ name: 'cache', serviceInstanceName: 'prod' }],
        }],
      },
    });
    expect((await h.resource.create({ ...h.props, RemovalPolicy: 'destroy' })).status).toBe('SUCCESS');
    h.emulator.calls.clear();

    const outcome = await h.resource.delete();

    expect(outcome.status).toBe('FAILED');
    expect(outcome.reason).toBe(
      'Proton service instance payments/prod: removing the instance (removal policy DESTROY): refusing to remove it: component cache is attached (remove the component first)',
    );
    expect(h.emulator.calls.writeCount()).toBe(0);
  });

  it('refuses to remove the last instance of a service', async () => {
    h = await startHarness({
      seed: {
        templates: [{ name: 'fargate-svc', versions: [{ major: 1, minor: 1 }] }],
        environments: ['prod'],
        services: [{ name: 'payments', templateName: 'fargate-svc', spec: { proton: 'ServiceSpec', instances: [{ name: 'prod', environment: 'prod', spec: { port: 8080 } }] } }],
      },
    });
    expect((await h.resource.create({ ...h.props, RemovalPolicy: 'destroy' })).status).toBe('SUCCESS');

    const outcome = await h.resource.delete();

    expect(outcome.reason).toMatch(/only instance of its service/);
    expect(h.prod()).toBeDefined();
  });
});
