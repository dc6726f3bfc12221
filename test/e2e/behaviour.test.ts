// Issue 3: each row of the README's behaviour table, through the synthesized handler and the real SDK
// over HTTP against the emulator. The emulator runs on a manual clock moved one poll per poll, so a
// deployment (150 ms) ends on the third poll after it starts and every call count is exact.
import {
  Harness,
  SEEDED,
  adoptSeeded,
  callCounts,
  cancelAsSomeoneElse,
  cancelOnSecondPoll,
  exampleSeed,
  seededProps,
  serviceSpec,
  startHarness,
} from './support';

let h: Harness;
afterEach(() => h.stop());

/** Starts the example account (optionally changed) on the stepped clock. */
async function start(seed = exampleSeed()): Promise<void> {
  h = await startHarness({ seed, clock: 'manual' });
}
const props = (changes?: Record<string, string | undefined>) => seededProps(h, changes);

const updateCalls = () => h.emulator.calls.of('UpdateServiceInstance');

describe('nothing differs', () => {
  it('reads once, writes nothing and succeeds when nothing differs and the last deployment SUCCEEDED', async () => {
    await start();
    await adoptSeeded(h);

    const outcome = await h.resource.update(props({ Spec: serviceSpec({ prod: { ...SEEDED.prod } }) + '# touched\n' }), h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
    expect(outcome.decisions).toContainEqual(expect.objectContaining({ action: 'none' }));
  });
});

describe('only the spec differs', () => {
  it('deploys CURRENT_VERSION with the spec and no version parameters', async () => {
    await start();
    await adoptSeeded(h);
    const declared = props({ Spec: serviceSpec({ prod: { ...SEEDED.prod, desired_count: 4 } }) });

    const outcome = await h.resource.update(declared, h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(updateCalls()).toHaveLength(1);
    expect(updateCalls()[0].input).toEqual({
      serviceName: 'payments',
      name: 'prod',
      deploymentType: 'CURRENT_VERSION',
      spec: declared.Spec,
      clientToken: expect.stringMatching(/^[0-9a-f]{32}-[0-9a-f]{31}$/),
    });
    expect(h.prod()).toMatchObject({ templateMajorVersion: '1', templateMinorVersion: '0', deploymentStatus: 'SUCCEEDED' });
    expect(h.prod()?.spec).toMatch(/desired_count: 4/);
  });
});

describe('same major, other minor', () => {
  it('deploys MINOR_VERSION with templateMinorVersion and no spec when the spec is the same', async () => {
    await start();
    await adoptSeeded(h);

    const outcome = await h.resource.update(props({ TemplateMinorVersion: '1' }), h.stepped());

    expect(outcome).toMatchObject({ status: 'SUCCESS', data: { TemplateMajorVersion: '1', TemplateMinorVersion: '1' } });
    expect(updateCalls()).toHaveLength(1);
    expect(updateCalls()[0].input).toEqual(expect.objectContaining({ deploymentType: 'MINOR_VERSION', templateMinorVersion: '1' }));
    expect(updateCalls()[0].input).not.toHaveProperty('spec');
    expect(updateCalls()[0].input).not.toHaveProperty('templateMajorVersion');
  });

  it('sends the spec along with MINOR_VERSION when the spec differs too', async () => {
    await start();
    await adoptSeeded(h);
    const declared = props({ TemplateMinorVersion: '1', Spec: serviceSpec({ prod: { ...SEEDED.prod, image: 'payments:1.3.3' } }) });

    await h.resource.update(declared, h.stepped());

    expect(updateCalls()[0].input).toEqual(expect.objectContaining({ deploymentType: 'MINOR_VERSION', templateMinorVersion: '1', spec: declared.Spec }));
    expect(h.prod()).toMatchObject({ templateMinorVersion: '1', spec: expect.stringMatching(/payments:1\.3\.3/) });
  });
});

describe('higher major', () => {
  it("deploys MAJOR_VERSION with the declared major and Proton's recommended minor when no minor is declared", async () => {
    await start();
    await adoptSeeded(h);

    const outcome = await h.resource.update(props({ TemplateMajorVersion: '2', TemplateMinorVersion: undefined }), h.stepped());

    expect(outcome).toMatchObject({ status: 'SUCCESS', data: { TemplateMajorVersion: '2', TemplateMinorVersion: '1' } });
    expect(h.emulator.calls.of('ListServiceTemplateVersions')[0].input).toMatchObject({ templateName: 'fargate-svc', majorVersion: '2' });
    expect(updateCalls()).toHaveLength(1);
    expect(updateCalls()[0].input).toEqual(
      expect.objectContaining({ deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2', templateMinorVersion: '1' }),
    );
    expect(updateCalls()[0].input).not.toHaveProperty('spec');
  });

  it('deploys MAJOR_VERSION with the declared minor and the spec when both differ', async () => {
    await start();
    await adoptSeeded(h);
    const declared = props({ TemplateMajorVersion: '2', TemplateMinorVersion: '0', Spec: serviceSpec({ prod: { ...SEEDED.prod, port: 9090 } }) });

    await h.resource.update(declared, h.stepped());

    expect(h.emulator.calls.count('ListServiceTemplateVersions')).toBe(0);
    expect(updateCalls()[0].input).toEqual(
      expect.objectContaining({ deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2', templateMinorVersion: '0', spec: declared.Spec }),
    );
    expect(h.prod()).toMatchObject({ templateMajorVersion: '2', templateMinorVersion: '0', deploymentStatus: 'SUCCEEDED' });
  });
});

describe('lower major', () => {
  it('fails with an error naming both versions and makes no write', async () => {
    await start(exampleSeed({ templateMajorVersion: 2, templateMinorVersion: 0 }));

    const outcome = await h.resource.create(props({ TemplateMajorVersion: '1', TemplateMinorVersion: undefined }), h.stepped());

    expect(outcome.status).toBe('FAILED');
    expect(outcome.reason).toBe(
      "Proton service instance payments/prod: planning the update: templateMajorVersion 1 is lower than the instance's current " +
        'major version 2 (template fargate-svc); Proton only moves a major version up',
    );
    expect(h.emulator.calls.writeCount()).toBe(0);
    expect(h.prod()).toMatchObject({ templateMajorVersion: '2', deploymentStatus: 'SUCCEEDED' });
  });
});

describe('omitted versions', () => {
  it('keeps the current major (and minor) when no major is declared', async () => {
    await start(exampleSeed({ templateMajorVersion: 2, templateMinorVersion: 0 }));
    const declared = props({ TemplateMajorVersion: undefined, TemplateMinorVersion: undefined, Spec: serviceSpec({ prod: { ...SEEDED.prod, desired_count: 2 } }) });

    await h.resource.create(declared, h.stepped());

    expect(updateCalls()).toHaveLength(1);
    expect(updateCalls()[0].input).toEqual(expect.objectContaining({ deploymentType: 'CURRENT_VERSION' }));
    expect(h.prod()).toMatchObject({ templateMajorVersion: '2', templateMinorVersion: '0' });
  });

  it("keeps the current minor, not Proton's recommended one, when the major is unchanged", async () => {
    await start();

    const outcome = await h.resource.create(props({ TemplateMinorVersion: undefined }), h.stepped());

    expect(outcome).toMatchObject({ status: 'SUCCESS', data: { TemplateMajorVersion: '1', TemplateMinorVersion: '0' } });
    expect(h.emulator.calls.writeCount()).toBe(0);
    expect(h.emulator.calls.count('ListServiceTemplateVersions')).toBe(0);
  });
});

describe('last deployment FAILED or CANCELLED', () => {
  it('redeploys the declared spec at the current version when the last deployment FAILED, even though the fields match', async () => {
    await start(exampleSeed({ deploymentStatus: 'FAILED', deploymentStatusMessage: 'task failed to start' }));

    const outcome = await h.resource.create(props(), h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(updateCalls().map((c) => c.input)).toEqual([expect.objectContaining({ deploymentType: 'CURRENT_VERSION', spec: props().Spec })]);
    expect(h.prod()).toMatchObject({ templateMajorVersion: '1', templateMinorVersion: '0', deploymentStatus: 'SUCCEEDED' });
  });

  it('redeploys when the last deployment was CANCELLED, even though the fields match', async () => {
    await start();
    h.emulator.faults.startExternalDeployment({ serviceName: 'payments', instanceName: 'prod', durationMs: 10_000 });
    await cancelAsSomeoneElse(h.emulator, 'payments', 'prod');
    h.emulator.advance(100);
    expect(h.prod()?.deploymentStatus).toBe('CANCELLED');
    h.emulator.calls.clear();

    const outcome = await h.resource.create(props(), h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(updateCalls().map((c) => c.input)).toEqual([expect.objectContaining({ deploymentType: 'CURRENT_VERSION' })]);
    expect(h.prod()?.deploymentStatus).toBe('SUCCEEDED');
  });
});

describe('a busy instance', () => {
  it('waits while the instance is IN_PROGRESS, then updates, without ever failing on it', async () => {
    await start();
    await adoptSeeded(h);
    const external = h.emulator.faults.startExternalDeployment({ serviceName: 'payments', instanceName: 'prod', durationMs: 300 });

    const outcome = await h.resource.update(props({ TemplateMinorVersion: '1' }), h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    const externalEnd = h.emulator.state.deployment(external)?.completedAt?.getTime() ?? Infinity;
    expect(updateCalls()).toHaveLength(1);
    expect(updateCalls()[0]).toMatchObject({ status: 200 });
    expect(updateCalls()[0].at).toBeGreaterThanOrEqual(externalEnd);
    expect(outcome.decisions).toContainEqual(expect.objectContaining({ action: 'wait' }));
    expect(h.emulator.calls.count('CancelServiceInstanceDeployment')).toBe(0);
  });

  it('waits while a component attached to the instance is IN_PROGRESS, then updates', async () => {
    await start(exampleSeed({}, [{ name: 'payments-queue', serviceInstanceName: 'prod' }]));
    await adoptSeeded(h);
    h.emulator.faults.startComponentDeployment({ componentName: 'payments-queue', durationMs: 300 });
    const componentBusySince = h.emulator.now().getTime();

    const outcome = await h.resource.update(props({ TemplateMinorVersion: '1' }), h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(updateCalls()).toHaveLength(1);
    expect(updateCalls()[0]).toMatchObject({ status: 200 });
    expect(updateCalls()[0].at).toBeGreaterThanOrEqual(componentBusySince + 300);
    expect(outcome.decisions).toContainEqual(expect.objectContaining({ action: 'wait', reasons: ['component payments-queue is IN_PROGRESS'] }));
  });
});

describe('Create', () => {
  it('adopts an existing instance and converges it as an Update would, with no CreateServiceInstance', async () => {
    await start();

    const outcome = await h.resource.create(h.props, h.stepped());

    expect(outcome).toMatchObject({ status: 'SUCCESS', physicalResourceId: 'payments/prod', data: { TemplateMajorVersion: '1', TemplateMinorVersion: '1' } });
    expect(h.emulator.calls.count('CreateServiceInstance')).toBe(0);
    expect(updateCalls().map((c) => c.input)).toEqual([
      expect.objectContaining({ deploymentType: 'MINOR_VERSION', templateMinorVersion: '1', spec: h.props.Spec }),
    ]);
    expect(h.prod()).toMatchObject({ templateMinorVersion: '1', deploymentStatus: 'SUCCEEDED' });
  });

  it('creates a missing instance with CreateServiceInstance, then waits for its deployment', async () => {
    await start();
    const canary = { name: 'canary', environment: 'prod', spec: { port: 8080, desired_count: 1, image: 'payments:1.4.0' } };
    const declared = props({ InstanceName: 'canary', TemplateMinorVersion: '1', Spec: serviceSpec({ extraInstances: [canary] }) });

    const outcome = await h.resource.create(declared, h.stepped());

    expect(outcome).toMatchObject({ status: 'SUCCESS', physicalResourceId: 'payments/canary', data: { TemplateMajorVersion: '1', TemplateMinorVersion: '1' } });
    expect(h.emulator.calls.of('CreateServiceInstance').map((c) => c.input)).toEqual([
      expect.objectContaining({ serviceName: 'payments', name: 'canary', spec: declared.Spec, templateMajorVersion: '1', templateMinorVersion: '1' }),
    ]);
    expect(h.emulator.calls.count('UpdateServiceInstance')).toBe(0);
    expect(outcome.polls).toBeGreaterThan(1);
    expect(h.emulator.state.instance('payments', 'canary')).toMatchObject({ environmentName: 'prod', deploymentStatus: 'SUCCEEDED' });
  });
});

describe('Delete', () => {
  it('writes nothing and succeeds', async () => {
    await start();
    await adoptSeeded(h);

    const outcome = await h.resource.delete(h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
    expect(h.prod()?.deploymentStatus).toBe('SUCCEEDED');
  });
});

describe('the end of the deployment', () => {
  it('succeeds with the attributes of the finished deployment', async () => {
    await start();
    await adoptSeeded(h);

    const outcome = await h.resource.update(props({ TemplateMajorVersion: '2', TemplateMinorVersion: '0' }), h.stepped());

    const [ours] = h.prodDeployments();
    expect(ours).toMatchObject({ deploymentStatus: 'SUCCEEDED' });
    expect(outcome).toMatchObject({
      status: 'SUCCESS',
      data: { DeploymentId: ours.id, TemplateMajorVersion: '2', TemplateMinorVersion: '0', ServiceInstanceArn: h.prod()?.arn },
    });
  });

  it("fails with Proton's deploymentStatusMessage when the deployment ends FAILED", async () => {
    await start();
    await adoptSeeded(h);
    h.emulator.faults.failNextDeployments(1, 'ECS service payments-prod did not stabilize');

    const outcome = await h.resource.update(props({ TemplateMinorVersion: '1' }), h.stepped());

    const [ours] = h.prodDeployments();
    expect(outcome.status).toBe('FAILED');
    expect(outcome.reason).toBe(
      `Proton service instance payments/prod: expected deployment ${ours.id} to succeed, Proton reports FAILED: ECS service payments-prod did not stabilize`,
    );
  });

  it('fails naming CANCELLED when someone cancels the deployment', async () => {
    await start();
    await adoptSeeded(h);
    h.emulator.faults.hangNextDeployments(1);

    const outcome = await h.resource.update(props({ TemplateMinorVersion: '1' }), h.stepped({ beforePoll: cancelOnSecondPoll(h.emulator) }));

    const [ours] = h.prodDeployments();
    expect(outcome.status).toBe('FAILED');
    expect(outcome.reason).toBe(
      `Proton service instance payments/prod: expected deployment ${ours.id} to succeed, Proton reports CANCELLED: Proton gave no status message`,
    );
    expect(h.prod()).toMatchObject({ templateMinorVersion: '0', deploymentStatus: 'CANCELLED' });
  });
});

describe('the spec diff is semantic', () => {
  it('writes nothing when the spec is only reformatted and reordered', async () => {
    await start();
    await adoptSeeded(h);
    const reformatted = [
      '# same document, other layout',
      'instances:',
      '  - spec: { image: "payments:1.3.2", desired_count: 3, port: "8080" }',
      '    environment: prod',
      '    name: prod',
      '  - { name: staging, environment: staging, spec: { desired_count: 1, image: "payments:1.4.0", port: 8080 } }',
      'pipeline: { dockerfile: Dockerfile, unit_test_command: "npm test" }',
      'proton: ServiceSpec',
    ].join('\n');

    const outcome = await h.resource.update(props({ Spec: reformatted }), h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
  });

  it("writes nothing to this instance when only another instance's entry or the pipeline changes", async () => {
    await start();
    await adoptSeeded(h);
    const declared = props({ Spec: serviceSpec({ staging: { ...SEEDED.staging, desired_count: 2 }, pipeline: { unit_test_command: 'npm run ci' } }) });

    const outcome = await h.resource.update(declared, h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
  });

  it('writes nothing when a value is declared as ${Proton::CURRENT_VAL}', async () => {
    await start();
    await adoptSeeded(h);
    const declared = props({ Spec: serviceSpec({ prod: { ...SEEDED.prod, desired_count: '${Proton::CURRENT_VAL}' } }) });

    const outcome = await h.resource.update(declared, h.stepped());

    expect(outcome.status).toBe('SUCCESS');
    expect(callCounts(h.emulator)).toEqual({ GetServiceInstance: 1 });
  });
});
