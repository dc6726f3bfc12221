/**
 * The package as users get it: `npm pack`, then a new CDK app outside the repo installs the tarball
 * with its own aws-cdk-lib (the oldest and the newest the peer range allows), runs the README's Install
 * section and synthesizes two instances of one service.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinModules } from 'node:module';
import {
  ConsumerApp,
  PackResult,
  REPO_ROOT,
  assetModuleExports,
  caretFloor,
  npmInstall,
  packCleanTree,
  readInstallSection,
  runInstalledCommand,
  runNode,
  synthConsumerApp,
  versionsInRange,
} from './consumer';
import { CloudFormationStandIn } from '../../lifecycle';
import { FIXTURES, readFixture, renderCases } from '../render/fixtures';
import { runCli } from '../cli/support';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  bundledDependencies?: string[];
  peerDependencies: Record<string, string>;
  bin?: Record<string, string>;
};
const install = readInstallSection(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'));

const MAX_PACKED_BYTES = 1024 * 1024;
/** Packing and two installs on a busy 2-core CI machine with a cold npm cache. */
const TIMEOUT_MS = 300_000;
const STACK = 'PaymentsInstances';
const HANDLER_BUNDLE = 'lib/handler';
/** The renderer and its dependencies, which the construct loads (lib/renderer.ts). */
const RENDER_BUNDLE = 'lib/render.js';
/** The construct's functions, by their Lambda handler: module.export. */
const HANDLERS = ['is-complete.isComplete', 'on-event.onEvent'];

interface CfnResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

let workDir: string;
let packed: PackResult;
let oldest: Promise<ConsumerApp>;
let newest: Promise<ConsumerApp>;
const versions: Record<'oldest' | 'newest', { awsCdkLib: string; constructs: string }> = {
  oldest: { awsCdkLib: caretFloor(pkg.peerDependencies['aws-cdk-lib']), constructs: caretFloor(pkg.peerDependencies.constructs) },
  newest: { awsCdkLib: '', constructs: '' },
};

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-proton-instance-pack-'));
  versions.newest = {
    awsCdkLib: versionsInRange('aws-cdk-lib', pkg.peerDependencies['aws-cdk-lib']).at(-1)!,
    constructs: versionsInRange('constructs', pkg.peerDependencies.constructs).at(-1)!,
  };
  packed = await packCleanTree(workDir);
  // Both installs run at once; each test awaits its own app. Rejections surface in the test.
  oldest = synthConsumerApp(path.join(workDir, 'app-oldest'), install, { tarball: packed.tarball, ...versions.oldest });
  newest = synthConsumerApp(path.join(workDir, 'app-newest'), install, { tarball: packed.tarball, ...versions.newest });
  oldest.catch(() => undefined);
  newest.catch(() => undefined);
}, TIMEOUT_MS);

afterAll(async () => {
  await Promise.allSettled([oldest, newest]);
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
}, TIMEOUT_MS);

describe('the packed tarball', () => {
  it('holds the compiled construct, its declarations, the bundles and the docs, and nothing else', () => {
    const expected = [
      ...compiledModules().flatMap((base) => [`${base}.js`, `${base}.d.ts`]),
      ...bundleFiles(),
      '.jsii',
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
    ];
    expect(packed.files.map((f) => f.path).sort()).toEqual(expected.sort());
  });

  it("is documented in the README's Install section with the peer range's floors", () => {
    expect(install.text).toContain(`\`aws-cdk-lib\` ${versions.oldest.awsCdkLib} or later`);
    expect(install.text).toContain(`\`constructs\` ${versions.oldest.constructs} or later`);
  });

  it('is under 1 MB packed', () => {
    expect(packed.size).toBeLessThan(MAX_PACKED_BYTES);
  });

  it('needs no package at run time but its peers: what jsii cannot compile as a dependency ships bundled', () => {
    const required = new Set<string>();
    for (const file of [...compiledModules().map((base) => `${base}.js`), RENDER_BUNDLE]) {
      const js = fs.readFileSync(path.join(packed.sourceDir, file), 'utf8');
      for (const [, spec] of js.matchAll(/require\("([^"]+)"\)/g)) {
        if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
        required.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      }
    }
    expect([...required].sort()).toEqual(Object.keys(pkg.peerDependencies).sort());
    expect({ dependencies: pkg.dependencies, bundledDependencies: pkg.bundledDependencies }).toEqual({ dependencies: undefined, bundledDependencies: undefined });
  });
});

describe.each([
  ['the oldest', 'oldest' as const],
  ['the newest', 'newest' as const],
])('a new CDK app with %s aws-cdk-lib the peer range allows', (_label, which) => {
  const app = () => (which === 'oldest' ? oldest : newest);
  const template = async () => readTemplate(await app());

  it('installs the tarball with that aws-cdk-lib', async () => {
    const { dir } = await app();
    const installed = (name: string) =>
      (JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    expect({ awsCdkLib: installed('aws-cdk-lib'), constructs: installed('constructs') }).toEqual(versions[which]);
  }, TIMEOUT_MS);

  it('synthesizes two Custom::ProtonServiceInstance resources served by one provider', async () => {
    const instances = Object.values(await template()).filter((r) => r.Type === 'Custom::ProtonServiceInstance');
    expect(instances.map((r) => `${r.Properties.ServiceName}/${r.Properties.InstanceName}`).sort()).toEqual([
      'payments/prod',
      'payments/staging',
    ]);
    expect(new Set(instances.map((r) => JSON.stringify(r.Properties.ServiceToken))).size).toBe(1);
    expect(instances.map((r) => r.Properties.ServiceTimeout)).toEqual(['3600', '3600']);
  }, TIMEOUT_MS);

  it('runs onEvent and isComplete on Node.js 24 on arm64', async () => {
    const functions = handlerFunctions(await template());
    expect(functions.map((f) => f.Properties.Handler).sort()).toEqual(HANDLERS);
    for (const f of functions) {
      expect(f.Properties.Runtime).toBe('nodejs24.x');
      expect(f.Properties.Architectures).toEqual(['arm64']);
    }
  }, TIMEOUT_MS);

  it("ships the package's handler bundle, alone, as the functions' asset", async () => {
    const assembly = (await app()).cloudAssembly;
    const assetDirs = new Set(handlerFunctions(await template()).map((f) => assetDirOf(assembly, f)));
    expect(assetDirs.size).toBe(1);
    const [assetDir] = assetDirs;
    const bundleDir = path.join(packed.sourceDir, HANDLER_BUNDLE);
    expect(filesUnder(assetDir)).toEqual(filesUnder(bundleDir));
    for (const file of filesUnder(bundleDir)) {
      const shipped = fs.readFileSync(path.join(assetDir, file));
      expect({ file, same: shipped.equals(fs.readFileSync(path.join(bundleDir, file))) }).toEqual({ file, same: true });
      expect(shipped.length).toBe(packed.files.find((f) => f.path === `${HANDLER_BUNDLE}/${file}`)?.size);
    }
  }, TIMEOUT_MS);

  it('has a handler bundle whose every module loads with nothing installed, each function exporting its handler', async () => {
    const assembly = (await app()).cloudAssembly;
    const functions = handlerFunctions(await template());
    const modules = assetModuleExports(assetDirOf(assembly, functions[0]), path.join(workDir, `bundle-${which}`));
    expect(Object.keys(modules).sort()).toEqual(filesUnder(path.join(packed.sourceDir, HANDLER_BUNDLE)));
    for (const fn of functions) {
      const [moduleName, exportName] = String(fn.Properties.Handler).split('.');
      expect(modules[`${moduleName}.mjs`]).toEqual([exportName]);
    }
  }, TIMEOUT_MS);

  it("installs the package's commands, which run without the Proton client installed", async () => {
    const { dir } = await app();
    expect(fs.existsSync(path.join(dir, 'node_modules', '@aws-sdk', 'client-proton'))).toBe(false);
    for (const name of Object.keys(pkg.bin ?? {})) {
      expect(runInstalledCommand(dir, name, ['--help'])).toContain(`Usage: ${name}`);
    }
  }, TIMEOUT_MS);
});

describe('After Proton, from the packed package, in the app with the newest aws-cdk-lib', () => {
  const c = renderCases().find((r) => r.name === 'worker-lambda-service-orders')!;
  const ENV_STACK = 'AWSProton-prod-env-cloudformation--QYWPQLSESXEMRBY';
  const LIVE_STACK = 'AWSProton-payments-orders-cloudformation--HMACANJOICKTLNG';
  /** An app as the README's migration guide writes it, with the renderer's fixture bundle and spec. */
  const TAKEOVER_APP = `
const { App } = require('aws-cdk-lib');
const { EnvironmentOutputs, ServiceInstanceSpec, ServiceInstanceStack, ServiceTemplateBundle } = require('cdk-proton-instance');
const app = new App({ outdir: 'takeover.out' });
new ServiceInstanceStack(app, 'PaymentsOrders', {
  stackName: '${LIVE_STACK}',
  env: { account: '111111111111', region: 'eu-west-1' },
  serviceName: '${c.serviceName}',
  instanceName: '${c.instanceName}',
  spec: ServiceInstanceSpec.fromFile('proton/spec.yaml'),
  template: ServiceTemplateBundle.fromDirectory('proton/bundle'),
  environmentOutputs: EnvironmentOutputs.fromStack('${ENV_STACK}'),
  componentOutputs: { storage: EnvironmentOutputs.fromObject(${JSON.stringify(c.components!.storage)}) },
  componentNames: ${JSON.stringify(c.componentNames)},
});
app.synth();
`;
  let dir: string;
  let cli: string;

  beforeAll(async () => {
    ({ dir } = await newest);
    cli = path.join(dir, 'node_modules', 'cdk-proton-instance', 'lib', 'cli', 'index.js');
    fs.cpSync(path.join(FIXTURES, 'bundles', c.bundle), path.join(dir, 'proton', 'bundle'), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'specs', c.spec), path.join(dir, 'proton', 'spec.yaml'));
    fs.writeFileSync(path.join(dir, 'proton', 'environment-outputs.json'), JSON.stringify(c.environmentOutputs));
    fs.writeFileSync(path.join(dir, 'takeover.js'), TAKEOVER_APP);
    await runNode(dir, 'takeover.js');
    // takeover-check compares with the library cdk diff uses, from the app: the README tells users to add it.
    await npmInstall(dir, ['@aws-cdk/cloudformation-diff']);
  }, TIMEOUT_MS);

  it('renders a bundle with the render command as Proton did', async () => {
    const run = await runCli(
      ['render', '--template', 'proton/bundle', '--spec', 'proton/spec.yaml', '--service', c.serviceName!, '--instance', c.instanceName!,
        '--environment-outputs', 'proton/environment-outputs.json', '--component-outputs', writeJson(dir, c.components), '--component-names', writeJson(dir, c.componentNames)],
      { command: cli, cwd: dir },
    );
    expect(run).toEqual({ code: 0, stdout: readFixture('goldens', `${c.name}.yaml`), stderr: '' });
  }, TIMEOUT_MS);

  it('synthesizes a ServiceInstanceStack with the rendering and its deploy-time lookup', () => {
    const template = JSON.parse(fs.readFileSync(path.join(dir, 'takeover.out', 'PaymentsOrders.template.json'), 'utf8')) as { Resources: Record<string, CfnResource> };
    const rendered = readFixture('goldens', `${c.name}.yaml`);
    for (const logicalId of Object.keys(template.Resources).filter((id) => rendered.includes(`\n  ${id}:\n`))) {
      expect(template.Resources[logicalId].Type).not.toMatch(/^Custom::/);
    }
    expect(Object.values(template.Resources).filter((r) => r.Type === 'Custom::ProtonStackOutputs')).toEqual([
      expect.objectContaining({ Properties: expect.objectContaining({ StackName: ENV_STACK, OutputNames: Object.keys(c.environmentOutputs!) }) }),
    ]);
  });

  it('takeover-check finds nothing to replace against the stack Proton deployed, and exits 0', async () => {
    const cloudFormation = await CloudFormationStandIn.start();
    try {
      cloudFormation.putStack({ name: LIVE_STACK, template: readFixture('goldens', `${c.name}.yaml`) });
      cloudFormation.putStack({ name: ENV_STACK, outputs: c.environmentOutputs });
      const run = await runCli(['takeover-check', '--app', 'takeover.out'], { command: cli, cwd: dir, cloudFormationEndpoint: cloudFormation.endpoint });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain(LIVE_STACK);
    } finally {
      await cloudFormation.stop();
    }
  }, TIMEOUT_MS);
});

/** A JSON file in the app folder, as a user would write one. */
function writeJson(dir: string, value: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(dir, 'json-')), 'values.json');
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

/** lib/<name> for each TypeScript source of the construct, which jsii compiles beside it. */
function compiledModules(): string[] {
  return fs
    .readdirSync(path.join(packed.sourceDir, 'lib'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => `lib/${f.slice(0, -'.ts'.length)}`);
}

function readTemplate(app: ConsumerApp): Record<string, CfnResource> {
  const file = path.join(app.cloudAssembly, `${STACK}.template.json`);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { Resources: Record<string, CfnResource> }).Resources;
}

/** The construct's own functions, not the Provider framework's (whose handlers are framework.*). */
function handlerFunctions(resources: Record<string, CfnResource>): CfnResource[] {
  return Object.values(resources).filter(
    (r) => r.Type === 'AWS::Lambda::Function' && !String(r.Properties.Handler).startsWith('framework.'),
  );
}

/** The esbuild bundles the package ships: the Lambda handler's files, the renderer and the commands in `bin`. */
function bundleFiles(): string[] {
  const handlerFiles = filesUnder(path.join(packed.sourceDir, HANDLER_BUNDLE)).map((file) => `${HANDLER_BUNDLE}/${file}`);
  return [...handlerFiles, RENDER_BUNDLE, ...Object.values(pkg.bin ?? {}).map((file) => path.posix.normalize(file))];
}

/** Every file under dir, as sorted paths relative to it. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The cloud-assembly folder of a function's code: its S3 key is the asset's hash, listed in the assets manifest. */
function assetDirOf(assembly: string, fn: CfnResource): string {
  const key = (fn.Properties.Code as { S3Key: string }).S3Key;
  const manifest = JSON.parse(fs.readFileSync(path.join(assembly, `${STACK}.assets.json`), 'utf8')) as {
    files: Record<string, { source: { path: string; packaging?: string } }>;
  };
  const asset = manifest.files[key.replace(/\.zip$/, '')];
  if (asset === undefined) throw new Error(`no asset in ${STACK}.assets.json for S3 key ${key}`);
  return path.join(assembly, asset.source.path);
}
