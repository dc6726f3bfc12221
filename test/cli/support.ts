import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InstancePreview } from '../../cli/preview';
import { exampleAssembly } from '../e2e/support';

export const REPO_ROOT = path.join(__dirname, '..', '..');
/** The command as the package ships it: the esbuild bundle `npm run bundle` writes. */
export const CLI = path.join(REPO_ROOT, 'lib', 'cli', 'index.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** AWS_ENDPOINT_URL_PROTON: the emulator's endpoint. */
  readonly endpoint?: string;
  /** AWS_ENDPOINT_URL_CLOUDFORMATION: the CloudFormation stand-in's endpoint. */
  readonly cloudFormationEndpoint?: string;
  readonly cwd?: string;
  /** The command's file. @default the built bundle, lib/cli/index.js */
  readonly command?: string;
}

/**
 * Runs the built command as a user would, with dummy credentials and nothing of the caller's AWS
 * setup. Asynchronous on purpose: the emulator answering it runs in this process.
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const command = options.command ?? CLI;
  if (!fs.existsSync(command)) throw new Error(`${command} is missing: run \`npm run bundle\` first (npm test does)`);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
  const env = {
    ...inherited,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'emulator',
    AWS_SECRET_ACCESS_KEY: 'emulator',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    ...(options.endpoint ? { AWS_ENDPOINT_URL_PROTON: options.endpoint } : {}),
    ...(options.cloudFormationEndpoint ? { AWS_ENDPOINT_URL_CLOUDFORMATION: options.cloudFormationEndpoint } : {}),
  };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [command, ...args], { cwd: options.cwd ?? REPO_ROOT, env }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** Runs `plan --json` on a cloud assembly and parses what it prints. */
export async function planJson(assembly: string, endpoint: string): Promise<{ code: number; previews: InstancePreview[] }> {
  const run = await runCli(['plan', '--app', assembly, '--json'], { endpoint });
  if (run.code === 1) throw new Error(`plan failed: ${run.stderr}`);
  return { code: run.code, previews: JSON.parse(run.stdout) as InstancePreview[] };
}

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

/**
 * A copy of the example app's cloud assembly in which the instances named in `declared` have those
 * properties and the others are gone: what `cdk synth` would write after an edit of the app.
 */
export function assemblyDeclaring(declared: Record<string, Record<string, unknown>>): string {
  const source = exampleAssembly();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-plan-assembly-'));
  const manifest = fs.readFileSync(path.join(source, 'manifest.json'), 'utf8');
  fs.writeFileSync(path.join(outdir, 'manifest.json'), manifest);
  for (const [, artifact] of Object.entries<{ type: string; properties?: { templateFile: string } }>(JSON.parse(manifest).artifacts)) {
    if (artifact.type !== 'aws:cloudformation:stack' || !artifact.properties) continue;
    const file = artifact.properties.templateFile;
    const template = JSON.parse(fs.readFileSync(path.join(source, file), 'utf8')) as Template;
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'Custom::ProtonServiceInstance') continue;
      const props = declared[String(resource.Properties.InstanceName)];
      if (props) resource.Properties = { ServiceToken: resource.Properties.ServiceToken, ...props };
      else delete template.Resources[logicalId];
    }
    fs.writeFileSync(path.join(outdir, file), JSON.stringify(template));
  }
  return outdir;
}
