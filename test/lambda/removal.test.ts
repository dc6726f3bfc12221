import { parse } from 'yaml';
import { removalStep, specWithout } from '../../lambda/removal';
import { currentInstance, serviceSpec } from './fixtures';

const TWO_INSTANCES = serviceSpec({ prod: { spec: { port: 1 } }, staging: { environment: 'staging', spec: { port: 2 } } });
const active = (spec = TWO_INSTANCES) => ({ spec, status: 'ACTIVE' });

describe('removalStep', () => {
  it('updates the service with a spec that no longer lists the instance', () => {
    const step = removalStep('prod', currentInstance(), active(), []);
    expect(step.kind).toBe('update-service');
    const spec = parse((step as { spec: string }).spec);
    expect(spec.instances.map((i: { name: string }) => i.name)).toEqual(['staging']);
    expect(spec.pipeline).toEqual({ unit_test_command: 'npm test' });
  });

  it('is done when the instance is gone', () => {
    expect(removalStep('prod', undefined, active(), []).kind).toBe('done');
  });

  it('waits while the service is updating', () => {
    expect(removalStep('prod', currentInstance(), { ...active(), status: 'UPDATE_IN_PROGRESS' }, [])).toEqual({ kind: 'wait', reason: 'the service is UPDATE_IN_PROGRESS' });
  });

  it('waits while the instance is deploying', () => {
    expect(removalStep('prod', currentInstance({ deploymentStatus: 'IN_PROGRESS' }), active(), []).kind).toBe('wait');
  });

  it('refuses when a component is attached', () => {
    const step = removalStep('prod', currentInstance(), active(), [{ name: 'cache', deploymentStatus: 'SUCCEEDED' }]);
    expect(step).toEqual({ kind: 'fail', detail: 'refusing to remove it: component cache is attached (remove the component first)' });
  });

  it('refuses to leave the service with no instance', () => {
    const step = removalStep('prod', currentInstance(), active(serviceSpec({ prod: { spec: {} } })), []);
    expect(step).toMatchObject({ kind: 'fail', detail: expect.stringMatching(/only instance of its service/) });
  });

  it('waits when the service is ACTIVE without the instance, which a read from before the update ended still shows', () => {
    const step = removalStep('prod', currentInstance(), { spec: serviceSpec({ staging: { spec: {} } }), status: 'ACTIVE' }, []);
    expect(step).toEqual({ kind: 'wait', reason: 'the service no longer lists the instance; Proton is removing it' });
  });

  it('fails with the service status when the service update ended but the instance stayed', () => {
    const step = removalStep('prod', currentInstance(), { spec: serviceSpec({ staging: { spec: {} } }), status: 'UPDATE_FAILED', statusMessage: 'stack error' }, []);
    expect(step).toEqual({ kind: 'fail', detail: 'the service is UPDATE_FAILED but still has the instance: stack error' });
  });
});

describe('specWithout', () => {
  it('keeps the rest of the document, comments included', () => {
    const spec = '# payments\nproton: ServiceSpec\ninstances:\n  - name: prod # the big one\n    spec: {}\n  - name: staging\n    spec: {}\n';
    expect(specWithout(spec, 'prod')).toBe('# payments\nproton: ServiceSpec\ninstances:\n  - name: staging\n    spec: {}\n');
  });
});
