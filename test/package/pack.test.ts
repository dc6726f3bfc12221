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
  packCleanTree,
  readInstallSection,
  runInstalledCommand,
  synthConsumerApp,
  versionsInRange,
} from './consumer';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  bin?: Record<string, string>;
};
const install = readInstallSection(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'));

const MAX_PACKED_BYTES = 1024 * 1024;
/** Packing and two installs on a busy 2-core CI machine with a cold npm cache. */
const TIMEOUT_MS = 300_000;
const STACK = 'PaymentsInstances';
const HANDLER_BUNDLE = 'lib/handler';
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

  it('depends at run time on exactly the packages the compiled construct requires, besides its peers', () => {
    const required = new Set<string>();
    for (const base of compiledModules()) {
      const js = fs.readFileSync(path.join(packed.sourceDir, `${base}.js`), 'utf8');
      for (const [, spec] of js.matchAll(/require\("([^"]+)"\)/g)) {
        if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
        required.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      }
    }
    const peers = Object.keys(pkg.peerDependencies);
    expect([...required].filter((name) => !peers.includes(name)).sort()).toEqual(Object.keys(pkg.dependencies).sort());
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

/** lib/<name> for each TypeScript source of the construct, which tsc compiles beside it. */
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

/** The esbuild bundles the package ships: the Lambda handler's files and the commands in `bin`. */
function bundleFiles(): string[] {
  const handlerFiles = filesUnder(path.join(packed.sourceDir, HANDLER_BUNDLE)).map((file) => `${HANDLER_BUNDLE}/${file}`);
  return [...handlerFiles, ...Object.values(pkg.bin ?? {}).map((file) => path.posix.normalize(file))];
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
