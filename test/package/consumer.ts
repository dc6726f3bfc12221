/**
 * What a user does with the published package, step by step: pack it from a clean tree, install the
 * tarball into a new app folder with that app's own aws-cdk-lib, and synthesize. Each step runs the
 * ordinary npm and node commands in folders under the OS temp dir, outside this repository.
 */
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** One file of `npm pack --json`. */
export interface PackedFile {
  readonly path: string;
  readonly size: number;
}

/** The parts of `npm pack --json` the test reads. */
export interface PackResult {
  readonly tarball: string;
  /** The folder that was packed: this repository as a clean clone would have it, plus its build. */
  readonly sourceDir: string;
  readonly size: number;
  readonly files: PackedFile[];
}

/** What `npm test` adds to the environment about this repository, and NODE_PATH. */
const LIFECYCLE_ENV = /^(npm_package_.*|npm_lifecycle_.*|npm_command|npm_execpath|npm_node_execpath|npm_config_local_prefix|INIT_CWD|NODE_PATH)$/i;

/**
 * An environment for child npm and node processes as a user's shell would give them: without what
 * `npm test` adds about this repository (its package, script and prefix) and without NODE_PATH, so
 * nothing resolves from outside the app folder. npm settings (npm_config_*: cache, registry) stay.
 */
function userShellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!LIFECYCLE_ENV.test(key)) env[key] = value;
  }
  return env;
}

/**
 * Copies the files a clone would hold (tracked, plus untracked ones git does not ignore) into `dir`,
 * so the pack sees no build output left over from earlier builds. node_modules is linked, not installed.
 */
function copyCleanTree(dir: string): void {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  for (const file of listed.split('\0').filter(Boolean)) {
    const from = path.join(REPO_ROOT, file);
    if (!fs.existsSync(from)) continue; // deleted in the work tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, file));
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}

/** `npm pack` in a clean copy of the tree: prepack builds the handler bundle and the construct. */
export async function packCleanTree(workDir: string): Promise<PackResult> {
  const sourceDir = path.join(workDir, 'source');
  copyCleanTree(sourceDir);
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', workDir], {
    cwd: sourceDir,
    env: userShellEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout) as Array<Omit<PackResult, 'tarball' | 'sourceDir'> & { filename: string }>;
  return {
    tarball: path.join(workDir, packed.filename),
    sourceDir,
    size: packed.size,
    files: packed.files,
  };
}

/** The README's Install section: its text, the shell commands it shows and its app.js. */
export interface InstallSection {
  readonly text: string;
  readonly commands: string[];
  readonly appJs: string;
}

/** Reads the Install section of README.md: its `sh` blocks (one command a line) and its one `js` block. */
export function readInstallSection(readme: string): InstallSection {
  const section = /^## Install\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1];
  if (section === undefined) throw new Error('README.md has no "## Install" section');
  const blocks = [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map(([, lang, body]) => ({ lang, body }));
  const jsBlocks = blocks.filter((b) => b.lang === 'js');
  if (jsBlocks.length !== 1) throw new Error(`README.md's Install section has ${jsBlocks.length} js blocks; the test runs exactly one as app.js`);
  const commands = blocks
    .filter((b) => b.lang === 'sh')
    .flatMap((b) => b.body.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
  return { text: section, commands, appJs: jsBlocks[0].body };
}

/** Which tarball, aws-cdk-lib and constructs the consumer app installs for the package names. */
export interface ConsumerVersions {
  readonly tarball: string;
  readonly awsCdkLib: string;
  readonly constructs: string;
}

/** The folder of a synthesized consumer app. */
export interface ConsumerApp {
  readonly dir: string;
  readonly cloudAssembly: string;
}

/**
 * A new app folder with only a package.json, then the Install section's commands, in order: `npm
 * install` with the package names pinned to the tarball and the versions under test, then `node app.js`.
 */
export async function synthConsumerApp(dir: string, install: InstallSection, versions: ConsumerVersions): Promise<ConsumerApp> {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer-app', version: '1.0.0', private: true }, null, 2));
  fs.writeFileSync(path.join(dir, 'app.js'), install.appJs);
  const pinned: Record<string, string> = {
    'cdk-proton-instance': versions.tarball,
    'aws-cdk-lib': `aws-cdk-lib@${versions.awsCdkLib}`,
    constructs: `constructs@${versions.constructs}`,
  };
  for (const command of install.commands) {
    const [program, ...args] = command.split(/\s+/);
    if (program === 'npm' && args[0] === 'install') {
      const packages = args.slice(1).map((name) => pinned[name] ?? name);
      await runIn(dir, 'npm', ['install', ...packages, '--prefer-offline', '--no-audit', '--no-fund']);
    } else if (program === 'node') {
      await runIn(dir, process.execPath, args);
    } else {
      throw new Error(`README.md's Install section runs '${command}': the test knows only 'npm install' and 'node'`);
    }
  }
  return { dir, cloudAssembly: path.join(dir, 'cdk.out') };
}

/** `npm install` of more packages into an app folder, as its owner would add them. */
export function npmInstall(dir: string, packages: readonly string[]): Promise<void> {
  return runIn(dir, 'npm', ['install', ...packages, '--prefer-offline', '--no-audit', '--no-fund']);
}

/** `node <script>` in an app folder. */
export function runNode(dir: string, script: string): Promise<void> {
  return runIn(dir, process.execPath, [script]);
}

async function runIn(cwd: string, program: string, args: string[]): Promise<void> {
  try {
    await run(program, args, { cwd, env: userShellEnv(), maxBuffer: 16 * 1024 * 1024 });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`'${path.basename(program)} ${args.join(' ')}' failed in ${cwd}:\n${stderr ?? ''}\n${stdout ?? ''}`.slice(0, 8000));
  }
}

/** Every version of a package that a range allows, oldest first, as the registry lists them. */
export function versionsInRange(name: string, range: string): string[] {
  const out = execFileSync('npm', ['view', `${name}@${range}`, 'version', '--json'], {
    encoding: 'utf8',
    env: userShellEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const parsed = JSON.parse(out) as string | string[];
  // The registry lists versions in publishing order, and a patch of an older minor can come late.
  return (Array.isArray(parsed) ? parsed : [parsed]).sort(compareVersions);
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The lowest version a caret range allows: the floor the package promises to work with. */
export function caretFloor(range: string): string {
  const floor = /^\^(\d+\.\d+\.\d+)$/.exec(range)?.[1];
  if (floor === undefined) throw new Error(`peer range '${range}' is not a caret range (^X.Y.Z): the test installs its floor`);
  return floor;
}

/**
 * The export names of every module of a handler asset (entries and chunks, those loaded lazily too),
 * imported in a child node from a copy of the asset with nothing installed around it. A module that
 * needs anything outside the asset makes the child, and so this function, throw.
 */
export function assetModuleExports(assetDir: string, isolatedDir: string): Record<string, string[]> {
  fs.cpSync(assetDir, isolatedDir, { recursive: true });
  const script = `
    const { readdirSync } = require('node:fs');
    const { pathToFileURL } = require('node:url');
    const files = readdirSync('.', { recursive: true }).filter((f) => f.endsWith('.mjs')).sort();
    Promise.all(files.map((f) => import(pathToFileURL(f).href).then((m) => [f.split(require('node:path').sep).join('/'), Object.keys(m)])))
      .then((entries) => console.log(JSON.stringify(Object.fromEntries(entries))));`;
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: isolatedDir,
    encoding: 'utf8',
    env: userShellEnv(),
    // The SDK inside warns on stderr about Node.js versions; this Node is only the test's, not Lambda's.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out) as Record<string, string[]>;
}

/** Runs a command the package installed in an app's node_modules/.bin, as `npx <name>` would; returns its output. */
export function runInstalledCommand(appDir: string, name: string, args: string[]): string {
  return execFileSync(path.join(appDir, 'node_modules', '.bin', name), args, {
    cwd: appDir,
    encoding: 'utf8',
    env: userShellEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
