import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readInstances, synthesize } from '../lifecycle/cloud-assembly';
import { DeclaredInstance } from './preview';

/** Where `cdk synth` writes the cloud assembly unless told otherwise. */
const DEFAULT_ASSEMBLY = 'cdk.out';

/** The instances an app declares (see readCloudAssembly for `app`). */
export function declaredInstances(app: string | undefined, cwd: string): DeclaredInstance[] {
  return readCloudAssembly(app, cwd, readInstances);
}

/**
 * What `read` finds in an app's cloud assembly. `app` is what cdk's `--app` takes: a cloud assembly
 * directory, or a command that runs the app, synthesized into a temporary directory that is gone once
 * `read` returns. Without it: ./cdk.out.
 */
export function readCloudAssembly<T>(app: string | undefined, cwd: string, read: (directory: string) => T): T {
  const directory = path.resolve(cwd, app ?? DEFAULT_ASSEMBLY);
  if (isDirectory(directory)) {
    if (!fs.existsSync(path.join(directory, 'manifest.json'))) {
      throw new Error(`${directory} is not a cloud assembly: it has no manifest.json`);
    }
    return read(directory);
  }
  if (app === undefined) {
    throw new Error(`no cloud assembly in ${DEFAULT_ASSEMBLY}: run \`cdk synth\` first, or pass --app <command|directory>`);
  }
  return synthesizeAndRead(app, cwd, read);
}

function synthesizeAndRead<T>(app: string, cwd: string, read: (directory: string) => T): T {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-proton-instance-'));
  try {
    try {
      synthesize(cwd, outdir, app);
    } catch (e) {
      throw new Error(`--app ${JSON.stringify(app)}: ${(e as Error).message}`);
    }
    return read(outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function isDirectory(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
}
