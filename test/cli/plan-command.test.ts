/**
 * The built command (`lib/cli/index.js`) run as a child process against the local Proton emulator,
 * seeded with the demo account, and the example app's cloud assembly.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProtonEmulator, exampleSeedPath, loadSeedFile } from '../../emulator';
import { readInstances, simulate, withInstanceValue } from '../../lifecycle';
import { FAST, exampleAssembly, synthesizedInstance } from '../e2e/support';
import { REPO_ROOT, assemblyDeclaring, planJson, runCli } from './support';

// Each test runs the built command as a child process, and most run the handler too.
jest.setTimeout(30_000);

let emulator: ProtonEmulator;
beforeEach(async () => {
  emulator = await ProtonEmulator.start({ seed: loadSeedFile(exampleSeedPath), deploymentDurationMs: 150 });
});
afterEach(() => emulator.stop());

/** The sample output under the README's "Preview a deployment" heading. */
function readmeSample(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Preview a deployment'));
  const sample = /```text\n([\s\S]*?)```/.exec(section);
  if (!sample) throw new Error('the README has no ```text block under "Preview a deployment"');
  return sample[1];
}

it("prints the example app's plan against the demo account as the README shows it, and exits 2", async () => {
  const run = await runCli(['plan', '--app', exampleAssembly()], { endpoint: emulator.endpoint });
  expect(run).toEqual({ code: 2, stdout: readmeSample(), stderr: '' });
});

it('prints the same plan as JSON with --json', async () => {
  const { code, previews } = await planJson(exampleAssembly(), emulator.endpoint);
  expect(code).toBe(2);
  expect(previews).toEqual([
    expect.objectContaining({
      path: 'PaymentsInstances/Staging',
      serviceName: 'payments',
      instanceName: 'staging',
      action: 'update',
      deploymentType: 'MAJOR_VERSION',
      current: { major: '1', minor: '0', status: 'SUCCEEDED' },
      desired: { major: '2', minor: '1' },
      specChanges: [{ path: 'spec.image', current: 'payments:1.4.0', desired: 'public.ecr.aws/example/payments:1.4.0' }],
    }),
    expect.objectContaining({ instanceName: 'prod', action: 'update', deploymentType: 'MINOR_VERSION', desired: { major: '1', minor: '1' } }),
  ]);
});

it('only reads Proton', async () => {
  await runCli(['plan', '--app', exampleAssembly()], { endpoint: emulator.endpoint });
  expect(emulator.calls.writeCount()).toBe(0);
  expect(emulator.calls.readCount()).toBeGreaterThan(0);
});

it('exits 0 with no change once the handler has deployed what the app declares', async () => {
  for (const instance of readInstances(exampleAssembly())) {
    const { resource, stop } = await simulate(instance, emulator.endpoint);
    try {
      expect((await resource.create({ ...instance.properties, ...FAST })).status).toBe('SUCCESS');
    } finally {
      await stop();
    }
  }
  const run = await runCli(['plan', '--app', exampleAssembly()], { endpoint: emulator.endpoint });
  expect(run.stdout).toBe(
    [
      'PaymentsInstances/Staging  payments/staging',
      '  template 2.1 = 2.1   no change',
      'PaymentsInstances/Prod  payments/prod',
      '  template 1.1 = 1.1   no change',
      '',
      'Plan: 0 to change, 2 unchanged.',
      '',
    ].join('\n'),
  );
  expect(run.code).toBe(0);
});

it('exits 1 and says why when a deployment would fail', async () => {
  const prod = synthesizedInstance('prod').properties;
  const spec = withInstanceValue(prod.Spec, 'prod', ['environment'], 'staging');
  const run = await runCli(['plan', '--app', assemblyDeclaring({ prod: { ...prod, Spec: spec } })], { endpoint: emulator.endpoint });
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('would fail: the instance runs in environment prod but the spec declares staging');
  expect(run.stdout).toContain('Plan: 0 to change, 0 unchanged, 1 would fail.');
});

it('exits 1 naming the instance when Proton cannot be reached', async () => {
  const run = await runCli(['plan', '--app', exampleAssembly()], { endpoint: 'http://127.0.0.1:1' });
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^cdk-proton-instance: Proton service instance payments\/staging: reading the instance: Proton answered .*ECONNREFUSED/);
});

describe('a Proton that does not answer', () => {
  it('exits 1 naming the instance and the error when every call answers 503, after the SDK retries', async () => {
    emulator.faults.answerNextCallsWith(Infinity, 'ServiceUnavailableException', { status: 503, message: 'Service Unavailable' });
    const run = await runCli(['plan', '--app', exampleAssembly()], { endpoint: emulator.endpoint });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'cdk-proton-instance: Proton service instance payments/staging: reading the instance: Proton answered ServiceUnavailableException: Service Unavailable\n',
    );
    expect(emulator.calls.count('GetServiceInstance')).toBe(3);
  });

  it('exits 1 naming the instance and the timeout when Proton takes the connection and never answers', async () => {
    emulator.faults.silenceNextCalls(Infinity);
    const run = await runCli(['plan', '--app', exampleAssembly()], { endpoint: emulator.endpoint });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^cdk-proton-instance: Proton service instance payments\/staging: reading the instance: Proton answered ETIMEDOUT: .*exceeded the configured 6000 ms requestTimeout/);
    expect(emulator.calls.count('GetServiceInstance')).toBe(3);
  }, 45_000);
});

it('exits 1 when there is no cloud assembly in cdk.out', async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-no-assembly-'));
  const run = await runCli(['plan'], { cwd: empty, endpoint: emulator.endpoint });
  expect(run).toEqual({ code: 1, stdout: '', stderr: expect.stringContaining('no cloud assembly in cdk.out: run `cdk synth` first') });
});

it('exits 1 naming the resource and the property when a property is a token', async () => {
  const assembly = assemblyDeclaring({ prod: { ...synthesizedInstance('prod').properties, Spec: { 'Fn::GetAtt': ['SpecSource', 'Value'] } } });
  const run = await runCli(['plan', '--app', assembly], { endpoint: emulator.endpoint });
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/PaymentsInstances\/Prod\w+: property Spec is not resolved at synth time/);
});

it('prints the usage and exits 1 on an unknown command', async () => {
  const run = await runCli(['apply']);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('unknown command: apply');
  expect(run.stderr).toContain('Usage: cdk-proton-instance plan');
});

it('synthesizes the app first when --app is a command', async () => {
  const { code, previews } = await planJson('npx tsx bin/example.ts', emulator.endpoint);
  expect(code).toBe(2);
  expect(previews.map((p) => p.instanceName)).toEqual(['staging', 'prod']);
}, 120_000);
