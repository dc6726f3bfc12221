import { componentsBusy, plan, recommendedMinorNeeded } from '../../lambda/planner';
import { CURRENT_VAL } from '../../lambda/spec';
import { PROD_SPEC, currentInstance, desiredInstance, serviceSpec } from './fixtures';

const withProdSpec = (spec: Record<string, unknown>) => serviceSpec({ prod: { spec } });

describe('plan', () => {
  it('does nothing when spec and versions match and the last deployment SUCCEEDED', () => {
    const result = plan({ current: currentInstance(), desired: desiredInstance() });
    expect(result.action).toBe('none');
  });

  it('uses CURRENT_VERSION with the spec and no version params when only the spec differs', () => {
    const desired = desiredInstance({ spec: withProdSpec({ ...PROD_SPEC, desired_count: 5 }) });
    const result = plan({ current: currentInstance(), desired });
    expect(result).toMatchObject({ action: 'update', request: { deploymentType: 'CURRENT_VERSION', spec: desired.spec } });
    expect(result.action === 'update' && result.request).toEqual({ deploymentType: 'CURRENT_VERSION', spec: desired.spec });
    expect(result.reasons).toEqual(['spec.desired_count differs']);
  });

  it('uses MINOR_VERSION with only templateMinorVersion when the minor differs within the major', () => {
    const result = plan({ current: currentInstance(), desired: desiredInstance({ templateMajorVersion: '1', templateMinorVersion: '1' }) });
    expect(result.action === 'update' && result.request).toEqual({ deploymentType: 'MINOR_VERSION', templateMinorVersion: '1' });
  });

  it('adds the spec to MINOR_VERSION when the spec differs too', () => {
    const desired = desiredInstance({ templateMajorVersion: '1', templateMinorVersion: '1', spec: withProdSpec({ ...PROD_SPEC, port: 9090 }) });
    const result = plan({ current: currentInstance(), desired });
    expect(result.action === 'update' && result.request).toEqual({ deploymentType: 'MINOR_VERSION', templateMinorVersion: '1', spec: desired.spec });
  });

  it('uses MINOR_VERSION to go back to a lower minor of the same major', () => {
    const result = plan({ current: currentInstance({ templateMinorVersion: '2' }), desired: desiredInstance({ templateMajorVersion: '1', templateMinorVersion: '1' }) });
    expect(result.action === 'update' && result.request).toEqual({ deploymentType: 'MINOR_VERSION', templateMinorVersion: '1' });
  });

  it('uses MAJOR_VERSION with major and minor when a higher major is declared with its minor', () => {
    const result = plan({ current: currentInstance(), desired: desiredInstance({ templateMajorVersion: '2', templateMinorVersion: '0' }) });
    expect(result.action === 'update' && result.request).toEqual({ deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2', templateMinorVersion: '0' });
  });

  it('adds the spec to MAJOR_VERSION when the spec differs too', () => {
    const desired = desiredInstance({ templateMajorVersion: '2', templateMinorVersion: '0', spec: withProdSpec({ ...PROD_SPEC, port: 1 }) });
    const result = plan({ current: currentInstance(), desired });
    expect(result.action === 'update' && result.request).toEqual({
      deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2', templateMinorVersion: '0', spec: desired.spec,
    });
  });

  it('compares major versions as numbers, so 10 is higher than 9', () => {
    const result = plan({ current: currentInstance({ templateMajorVersion: '9' }), desired: desiredInstance({ templateMajorVersion: '10', templateMinorVersion: '0' }) });
    expect(result.action === 'update' && result.request.deploymentType).toBe('MAJOR_VERSION');
  });

  it('fails without a write when a lower major is declared, naming both versions', () => {
    const result = plan({ current: currentInstance({ templateMajorVersion: '2' }), desired: desiredInstance({ templateMajorVersion: '1' }) });
    expect(result.action).toBe('fail');
    expect(result.reasons.join()).toMatch(/templateMajorVersion 1 is lower than the instance's current major version 2/);
  });

  it('keeps the current major when no major is declared', () => {
    const result = plan({ current: currentInstance({ templateMajorVersion: '3', templateMinorVersion: '4' }), desired: desiredInstance() });
    expect(result.action).toBe('none');
  });

  it('keeps the current minor when the minor is omitted and the major is unchanged', () => {
    const result = plan({ current: currentInstance({ templateMinorVersion: '4' }), desired: desiredInstance({ templateMajorVersion: '1' }) });
    expect(result.action).toBe('none');
  });

  it("takes Proton's recommended minor when the minor is omitted and the major changes", () => {
    const current = currentInstance();
    const desired = desiredInstance({ templateMajorVersion: '2' });
    expect(recommendedMinorNeeded(current, desired)).toBe('2');
    const result = plan({ current, desired, recommendedMinor: '3' });
    expect(result.action === 'update' && result.request).toEqual({ deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2', templateMinorVersion: '3' });
  });

  it('needs no recommended minor when the minor is declared or the major is unchanged', () => {
    expect(recommendedMinorNeeded(currentInstance(), desiredInstance({ templateMajorVersion: '2', templateMinorVersion: '0' }))).toBeUndefined();
    expect(recommendedMinorNeeded(currentInstance(), desiredInstance({ templateMajorVersion: '1' }))).toBeUndefined();
    expect(recommendedMinorNeeded(currentInstance(), desiredInstance())).toBeUndefined();
  });

  it('fails when the major changes and Proton names no recommended minor', () => {
    const result = plan({ current: currentInstance(), desired: desiredInstance({ templateMajorVersion: '2' }) });
    expect(result.action).toBe('fail');
    expect(result.reasons.join()).toMatch(/no recommended minor version for major version 2/);
  });

  it.each(['FAILED', 'CANCELLED'])('redeploys with CURRENT_VERSION when fields match but the last deployment is %s', (status) => {
    const desired = desiredInstance();
    const result = plan({ current: currentInstance({ deploymentStatus: status }), desired });
    expect(result.action === 'update' && result.request).toEqual({ deploymentType: 'CURRENT_VERSION', spec: desired.spec });
  });

  it('converges after a FAILED minor upgrade whether Proton shows the attempted or the previous minor', () => {
    const desired = desiredInstance({ templateMajorVersion: '1', templateMinorVersion: '1' });
    const showsAttempted = plan({ current: currentInstance({ deploymentStatus: 'FAILED', templateMinorVersion: '1' }), desired });
    const showsPrevious = plan({ current: currentInstance({ deploymentStatus: 'FAILED', templateMinorVersion: '0' }), desired });
    expect(showsAttempted.action === 'update' && showsAttempted.request.deploymentType).toBe('CURRENT_VERSION');
    expect(showsPrevious.action === 'update' && showsPrevious.request).toEqual({ deploymentType: 'MINOR_VERSION', templateMinorVersion: '1' });
  });

  it.each(['IN_PROGRESS', 'CANCELLING', 'DELETE_IN_PROGRESS'])('waits while the instance is %s, even when fields differ', (status) => {
    const result = plan({ current: currentInstance({ deploymentStatus: status }), desired: desiredInstance({ templateMajorVersion: '2', templateMinorVersion: '0' }) });
    expect(result).toEqual({ action: 'wait', reasons: [`the instance is ${status}`] });
  });

  it('fails when the instance is being or has been deleted', () => {
    expect(plan({ current: currentInstance({ deploymentStatus: 'DELETE_FAILED' }), desired: desiredInstance() }).action).toBe('fail');
  });

  it('never chooses NONE, whatever the combination', () => {
    const statuses = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
    const versions: [string | undefined, string | undefined][] = [[undefined, undefined], ['1', undefined], ['1', '0'], ['1', '2'], ['2', '0'], ['2', undefined]];
    const specs = [desiredInstance().spec, withProdSpec({ port: 1 })];
    for (const deploymentStatus of statuses) {
      for (const [templateMajorVersion, templateMinorVersion] of versions) {
        for (const spec of specs) {
          const result = plan({ current: currentInstance({ deploymentStatus }), desired: desiredInstance({ spec, templateMajorVersion, templateMinorVersion }), recommendedMinor: '1' });
          expect(result.action === 'update' ? result.request.deploymentType : result.action).not.toBe('NONE');
        }
      }
    }
  });
});

describe('plan compares specs as YAML data', () => {
  it('ignores key order, quoting and formatting', () => {
    const desired = desiredInstance({
      spec: `instances:\n- spec: { image: "payments:1.0", desired_count: 3, port: '8080' }\n  environment: prod\n  name: 'prod'\nproton: ServiceSpec\n`,
    });
    expect(plan({ current: currentInstance(), desired }).action).toBe('none');
  });

  it("ignores another instance's entry and the pipeline block", () => {
    const current = currentInstance({
      spec: serviceSpec({ prod: { spec: PROD_SPEC }, staging: { environment: 'staging', spec: { port: 1 } } }, { unit_test_command: 'make' }),
    });
    const desired = desiredInstance({ spec: serviceSpec({ prod: { spec: PROD_SPEC }, staging: { environment: 'staging', spec: { port: 2 } } }, { x: 1 }) });
    expect(plan({ current, desired }).action).toBe('none');
  });

  it('treats ${Proton::CURRENT_VAL} as equal to whatever is current', () => {
    const desired = desiredInstance({ spec: withProdSpec({ ...PROD_SPEC, image: CURRENT_VAL }) });
    expect(plan({ current: currentInstance(), desired }).action).toBe('none');
  });

  it('sees a key added or removed in the instance spec', () => {
    const added = plan({ current: currentInstance(), desired: desiredInstance({ spec: withProdSpec({ ...PROD_SPEC, extra: true }) }) });
    const { image: _image, ...withoutImage } = PROD_SPEC;
    const removed = plan({ current: currentInstance(), desired: desiredInstance({ spec: withProdSpec(withoutImage) }) });
    expect(added.reasons).toEqual(['spec.extra differs']);
    expect(removed.reasons).toEqual(['spec.image differs']);
  });

  it('sees a change inside a list', () => {
    const current = currentInstance({ spec: withProdSpec({ subnets: ['a', 'b'] }) });
    const result = plan({ current, desired: desiredInstance({ spec: withProdSpec({ subnets: ['a', 'c'] }) }) });
    expect(result.reasons).toEqual(['spec.subnets[1] differs']);
  });

  it('deploys when Proton reports no entry for the instance yet', () => {
    const result = plan({ current: currentInstance({ spec: serviceSpec({ staging: { spec: {} } }) }), desired: desiredInstance() });
    expect(result.action === 'update' && result.request.deploymentType).toBe('CURRENT_VERSION');
  });

  it('keeps spec values out of its reasons, since specs carry secrets', () => {
    const desired = desiredInstance({ spec: withProdSpec({ ...PROD_SPEC, db_password: 'hunter2' }) });
    expect(JSON.stringify(plan({ current: currentInstance(), desired }).reasons)).not.toContain('hunter2');
  });

  it('fails when the declared environment is not the one the instance runs in', () => {
    const result = plan({ current: currentInstance(), desired: desiredInstance({ spec: serviceSpec({ prod: { environment: 'other', spec: PROD_SPEC } }) }) });
    expect(result.action).toBe('fail');
    expect(result.reasons.join()).toMatch(/runs in environment prod but the spec declares other/);
  });

  it('fails when the desired spec has no entry for the instance', () => {
    const result = plan({ current: currentInstance(), desired: desiredInstance({ spec: serviceSpec({ staging: { spec: {} } }) }) });
    expect(result).toEqual({ action: 'fail', reasons: ['the desired spec has no entry for instance prod under instances'] });
  });
});

describe('componentsBusy', () => {
  it('names each attached component that is deploying', () => {
    expect(componentsBusy([{ name: 'a', deploymentStatus: 'SUCCEEDED' }, { name: 'b', deploymentStatus: 'IN_PROGRESS' }])).toEqual(['component b is IN_PROGRESS']);
  });
});
