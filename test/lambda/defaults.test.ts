// Never deploy what Proton would fill in anyway: empty specs are one declaration, and inputs compare after
// the schema defaults of the version the instance runs fill what either side leaves out.
import { parse } from 'yaml';
import { DecisionReads, decide } from '../../lambda/decision';
import { plan } from '../../lambda/planner';
import { schemaDefaults } from '../../lambda/schema-defaults';
import { FillDefaults, defaultsMayMatter } from '../../lambda/spec';
import { currentInstance, desiredInstance, serviceSpec } from './fixtures';

/** fargate-svc's inputs: port, desired_count (default 1), scaling (default max 4), sidecars (a list of objects whose cpu defaults to 256). */
const SCHEMA = `
schema:
  format:
    openapi: "3.0.0"
  service_input_type: ServiceInput
  types:
    ServiceInput:
      type: object
      properties:
        port: { type: number }
        desired_count: { type: number, default: 1 }
        scaling:
          type: object
          default: {}
          properties:
            min: { type: number, default: 1 }
            max: { type: number, default: 4 }
        sidecars:
          type: array
          items: { $ref: '#/types/Sidecar' }
    Sidecar:
      type: object
      properties:
        image: { type: string }
        cpu: { type: number, default: 256 }
`;

let defaults: FillDefaults;
beforeAll(async () => {
  defaults = (await schemaDefaults(SCHEMA, 'fargate-svc 1.0'))!;
});

/** The instance as Proton has it (prod's entry; `entry` replaces it whole), and the plan for the declared entry, with the defaults. */
function planned(current: Record<string, unknown>, declared: Record<string, unknown>, withDefaults = true) {
  const instances = (entry: Record<string, unknown>) => serviceSpec({}).replace('instances: []', `instances:\n  - ${JSON.stringify({ name: 'prod', environment: 'prod', ...entry })}`);
  return plan({
    current: currentInstance({ spec: instances(current) }),
    desired: desiredInstance({ spec: instances(declared) }),
    ...(withDefaults ? { defaults } : {}),
  });
}

describe('empty specs', () => {
  it.each([
    ['an entry with no spec', 'spec: {}', {}, { spec: {} }],
    ['spec: {}', 'no spec', { spec: {} }, {}],
    ['spec: (null)', 'spec: {}', { spec: null }, { spec: {} }],
    ['an entry with no spec', 'spec: (null)', {}, { spec: null }],
  ])('makes no write when Proton has %s and the stack declares %s', (_current, _declared, current, declared) => {
    expect(planned(current, declared, false).action).toBe('none');
  });
});

describe('schema defaults', () => {
  it('makes no write when the stack declares a default Proton left out', () => {
    expect(planned({ spec: { port: 8080 } }, { spec: { port: 8080, desired_count: 1 } }).action).toBe('none');
  });

  it('makes no write when the stack leaves out a default Proton has', () => {
    expect(planned({ spec: { port: 8080, desired_count: 1 } }, { spec: { port: 8080 } }).action).toBe('none');
  });

  it('still deploys CURRENT_VERSION when the declared value is not the default', () => {
    const result = planned({ spec: { port: 8080 } }, { spec: { port: 8080, desired_count: 2 } });
    expect(result).toMatchObject({ action: 'update', request: { deploymentType: 'CURRENT_VERSION' }, reasons: ['spec.desired_count differs'] });
  });

  it('fills the defaults of a nested map, given or itself a default', () => {
    expect(planned({ spec: { port: 8080 } }, { spec: { port: 8080, scaling: { max: 4 } } }).action).toBe('none');
    expect(planned({ spec: { port: 8080, scaling: { min: 1 } } }, { spec: { port: 8080, scaling: { min: 1, max: 4 } } }).action).toBe('none');
    expect(planned({ spec: { port: 8080 } }, { spec: { port: 8080, scaling: { max: 8 } } })).toMatchObject({ reasons: ['spec.scaling.max differs'] });
  });

  it('fills the defaults of the objects of a list', () => {
    const sidecar = { image: 'envoy:1' };
    expect(planned({ spec: { port: 8080, sidecars: [sidecar] } }, { spec: { port: 8080, sidecars: [{ ...sidecar, cpu: 256 }] } }).action).toBe('none');
    expect(planned({ spec: { port: 8080, sidecars: [sidecar] } }, { spec: { port: 8080, sidecars: [{ ...sidecar, cpu: 512 }] } })).toMatchObject({
      reasons: ['spec.sidecars[0].cpu differs'],
    });
  });

  it('takes null as a value: a declared null is not the default it replaces', () => {
    expect(planned({ spec: { port: 8080 } }, { spec: { port: 8080, desired_count: null } })).toMatchObject({ action: 'update', reasons: ['spec.desired_count differs'] });
  });

  it('compares an empty spec with the defaults filled on both sides', () => {
    expect(planned({}, { spec: { desired_count: 1, scaling: { min: 1, max: 4 } } }).action).toBe('none');
  });
});

describe('defaultsMayMatter', () => {
  it('is true when an input is absent on one side', () => {
    expect(defaultsMayMatter([{ path: 'spec.desired_count', current: undefined, desired: 1 }])).toBe(true);
  });

  it('is false when every differing input is present on both sides, which no default can change', () => {
    expect(defaultsMayMatter([{ path: 'spec.image', current: 'a', desired: 'b' }])).toBe(false);
  });
});

describe('decide', () => {
  /** Reads that count what they are asked; `schema` null: the version has none. */
  function countingReads(schema: string | null = SCHEMA): DecisionReads & { asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      recommendedMinor: async (templateName, major) => {
        asked.push(`recommendedMinor ${templateName} ${major}`);
        return '1';
      },
      defaults: async (templateName, major, minor) => {
        asked.push(`defaults ${templateName} ${major}.${minor}`);
        return schema === null ? undefined : schemaDefaults(schema, 'test');
      },
    };
  }

  const prod = (spec: Record<string, unknown>) => serviceSpec({ prod: { spec } });

  it('reads no schema when the inputs match: a no-op stays at one read of the instance', async () => {
    const reads = countingReads();
    const result = await decide(currentInstance({ spec: prod({ port: 8080 }) }), desiredInstance({ spec: prod({ port: 8080 }) }), reads);
    expect(result.action).toBe('none');
    expect(reads.asked).toEqual([]);
  });

  it('reads no schema when every differing input is present on both sides', async () => {
    const reads = countingReads();
    const result = await decide(currentInstance({ spec: prod({ port: 8080 }) }), desiredInstance({ spec: prod({ port: 9090 }) }), reads);
    expect(result.action).toBe('update');
    expect(reads.asked).toEqual([]);
  });

  it('reads the schema of the version the instance runs when an input is absent on one side, and makes no write for a default', async () => {
    const reads = countingReads();
    const current = currentInstance({ spec: prod({ port: 8080 }), templateMajorVersion: '1', templateMinorVersion: '0' });
    const result = await decide(current, desiredInstance({ spec: prod({ port: 8080, desired_count: 1 }), templateMajorVersion: '1', templateMinorVersion: '1' }), reads);
    expect(reads.asked).toEqual(['defaults fargate-svc 1.0']);
    expect(result).toMatchObject({ action: 'update', request: { deploymentType: 'MINOR_VERSION', templateMinorVersion: '1' } });
    expect(result.action === 'update' && result.request.spec).toBeUndefined();
  });

  it('compares the inputs as they are when the version has no schema', async () => {
    const reads = countingReads(null);
    const result = await decide(currentInstance({ spec: prod({ port: 8080 }) }), desiredInstance({ spec: prod({ port: 8080, desired_count: 1 }) }), reads);
    expect(result).toMatchObject({ action: 'update', reasons: ['spec.desired_count differs'] });
  });
});

describe('schemaDefaults', () => {
  it('gives nothing for a text that is not a schema, so the inputs compare as they are', async () => {
    await expect(schemaDefaults('just: text', 'test')).resolves.toBeUndefined();
  });

  it('fills the inputs of the service instance type', async () => {
    expect(defaults(parse('port: 8080'))).toEqual({ desired_count: 1, scaling: { min: 1, max: 4 }, port: 8080 });
  });
});
