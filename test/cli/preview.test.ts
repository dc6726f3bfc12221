import { InstanceError } from '../../lambda/errors';
import { ComponentState, InstanceState } from '../../lambda/instance-state';
import { DeclaredInstance, ProtonReader, planInstances } from '../../cli/preview';
import { MASK } from '../../cli/mask';
import { PROD_SPEC, currentInstance, serviceSpec } from '../lambda/fixtures';

/** Proton as the preview reads it, with every call recorded. */
class FakeProton implements ProtonReader {
  readonly calls: string[] = [];

  constructor(
    private readonly instance: InstanceState | undefined,
    private readonly components: ComponentState[] = [],
    private readonly recommendedMinor?: string,
    private readonly schema?: string,
  ) {}

  async getInstance() {
    this.calls.push('getInstance');
    return this.instance;
  }

  async listAttachedComponents() {
    this.calls.push('listAttachedComponents');
    return this.components;
  }

  async recommendedMinorVersion(templateName: string, major: string) {
    this.calls.push(`recommendedMinorVersion ${templateName} ${major}`);
    return this.recommendedMinor;
  }

  async templateSchema(templateName: string, major: string, minor: string) {
    this.calls.push(`templateSchema ${templateName} ${major}.${minor}`);
    return this.schema;
  }
}

function declared(properties: Record<string, string> = {}, more: Partial<DeclaredInstance> = {}): DeclaredInstance {
  return {
    stackName: 'PaymentsInstances',
    logicalId: 'Prod7A5F3219',
    constructPath: 'PaymentsInstances/Prod/Resource/Default',
    properties: { ServiceName: 'payments', InstanceName: 'prod', Spec: serviceSpec({ prod: { spec: PROD_SPEC } }), ...properties },
    ...more,
  };
}

async function previewOne(instance: DeclaredInstance, proton: ProtonReader) {
  const [preview] = await planInstances([instance], () => proton);
  return preview;
}

describe('planInstances', () => {
  it('previews the update the planner chooses, with the target versions and the spec keys that differ', async () => {
    const proton = new FakeProton(currentInstance());
    const spec = serviceSpec({ prod: { spec: { ...PROD_SPEC, desired_count: 5 } } });
    const preview = await previewOne(declared({ Spec: spec, TemplateMajorVersion: '1', TemplateMinorVersion: '1' }), proton);
    expect(preview).toEqual({
      stack: 'PaymentsInstances',
      logicalId: 'Prod7A5F3219',
      path: 'PaymentsInstances/Prod',
      serviceName: 'payments',
      instanceName: 'prod',
      action: 'update',
      deploymentType: 'MINOR_VERSION',
      current: { major: '1', minor: '0', status: 'SUCCEEDED' },
      desired: { major: '1', minor: '1' },
      specChanges: [{ path: 'spec.desired_count', current: 3, desired: 5 }],
      reasons: ['template minor version 1.0 → 1.1', 'spec.desired_count differs'],
    });
    expect(proton.calls).toEqual(['getInstance', 'listAttachedComponents']);
  });

  it('masks secret-looking values in the spec changes', async () => {
    const spec = serviceSpec({ prod: { spec: { ...PROD_SPEC, db_password: 'hunter2' } } });
    const preview = await previewOne(declared({ Spec: spec }), new FakeProton(currentInstance()));
    expect(preview.specChanges).toEqual([{ path: 'spec.db_password', current: undefined, desired: MASK }]);
  });

  it("asks for Proton's recommended minor when the major goes up without a minor, and targets it", async () => {
    const proton = new FakeProton(currentInstance(), [], '3');
    const preview = await previewOne(declared({ TemplateMajorVersion: '2' }), proton);
    expect(preview).toMatchObject({ action: 'update', deploymentType: 'MAJOR_VERSION', desired: { major: '2', minor: '3' } });
    expect(proton.calls).toContain('recommendedMinorVersion fargate-svc 2');
  });

  it('previews no change, at the current versions, when nothing differs', async () => {
    const proton = new FakeProton(currentInstance());
    const preview = await previewOne(declared(), proton);
    expect(preview).toMatchObject({ action: 'none', desired: { major: '1', minor: '0' }, specChanges: [] });
    expect(proton.calls).toEqual(['getInstance']);
  });

  it("previews no change when the only difference is a default of the schema of the instance's version, as the handler decides", async () => {
    const schema = 'schema:\n  format: { openapi: "3.0.0" }\n  service_input_type: In\n  types:\n    In:\n      type: object\n      properties:\n        desired_count: { type: number, default: 3 }\n';
    const proton = new FakeProton(currentInstance(), [], undefined, schema);
    const { desired_count: _count, ...withoutCount } = PROD_SPEC;
    const preview = await previewOne(declared({ Spec: serviceSpec({ prod: { spec: withoutCount } }) }), proton);
    expect(preview).toMatchObject({ action: 'none', specChanges: [] });
    expect(proton.calls).toEqual(['getInstance', 'templateSchema fargate-svc 1.0']);
  });

  it('previews a create, with the declared versions, when Proton has no such instance', async () => {
    const preview = await previewOne(declared({ TemplateMajorVersion: '2' }), new FakeProton(undefined));
    expect(preview).toMatchObject({ action: 'create', desired: { major: '2' } });
    expect(preview.current).toBeUndefined();
  });

  it('previews a wait naming the deployment while the instance is IN_PROGRESS', async () => {
    const instance = currentInstance({ deploymentStatus: 'IN_PROGRESS', lastAttemptedDeploymentId: 'd-42' });
    const preview = await previewOne(declared({ TemplateMajorVersion: '1', TemplateMinorVersion: '1' }), new FakeProton(instance));
    expect(preview).toMatchObject({ action: 'wait', desired: { major: '1', minor: '1' }, reasons: ['deployment d-42 is IN_PROGRESS'] });
  });

  it('previews a wait when an update would meet a component that is deploying', async () => {
    const proton = new FakeProton(currentInstance(), [{ name: 'queue', deploymentStatus: 'IN_PROGRESS' }]);
    const preview = await previewOne(declared({ TemplateMajorVersion: '1', TemplateMinorVersion: '1' }), proton);
    expect(preview).toMatchObject({ action: 'wait', desired: { major: '1', minor: '1' }, reasons: ['component queue is IN_PROGRESS'] });
  });

  it('previews a failure when the planner refuses, e.g. a lower major', async () => {
    const preview = await previewOne(declared({ TemplateMajorVersion: '1' }), new FakeProton(currentInstance({ templateMajorVersion: '2' })));
    expect(preview.action).toBe('fail');
    expect(preview.reasons.join()).toMatch(/templateMajorVersion 1 is lower than the instance's current major version 2/);
  });

  it('previews a failure when the declared spec is not YAML the handler can read', async () => {
    const preview = await previewOne(declared({ Spec: 'instances: [' }), new FakeProton(currentInstance()));
    expect(preview.action).toBe('fail');
    expect(preview.reasons.join()).toMatch(/the desired spec is not valid YAML/);
  });

  it("reads each instance through its stack's region", async () => {
    const regions: (string | undefined)[] = [];
    await planInstances([declared({}, { region: 'eu-west-1' }), declared()], (region) => {
      regions.push(region);
      return new FakeProton(currentInstance());
    });
    expect(regions).toEqual(['eu-west-1', undefined]);
  });

  it('throws naming the instance and what Proton answered when a read fails', async () => {
    const proton = new FakeProton(undefined);
    proton.getInstance = async () => {
      throw Object.assign(new Error('User is not authorized to perform proton:GetServiceInstance'), { name: 'AccessDeniedException' });
    };
    const preview = previewOne(declared(), proton);
    await expect(preview).rejects.toThrow(InstanceError);
    await expect(preview).rejects.toThrow(
      'Proton service instance payments/prod: reading the instance: Proton answered AccessDeniedException: User is not authorized',
    );
  });

  it('throws naming the resource when it lacks a property the handler needs', async () => {
    const instance = declared();
    const { Spec: _spec, ...withoutSpec } = instance.properties;
    await expect(previewOne({ ...instance, properties: withoutSpec }, new FakeProton(undefined))).rejects.toThrow(
      'PaymentsInstances/Prod7A5F3219: the resource has no Spec',
    );
  });
});
