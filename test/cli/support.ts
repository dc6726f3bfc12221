import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InstancePreview } from '../../cli/preview';
import { CommandOptions, CommandRun, runCommand } from '../../lifecycle';
import { exampleAssembly } from '../e2e/support';

export const REPO_ROOT = path.join(__dirname, '..', '..');

export type CliRun = CommandRun;

export interface CliOptions extends Omit<CommandOptions, 'protonEndpoint'> {
  /** AWS_ENDPOINT_URL_PROTON: the emulator's endpoint. */
  readonly endpoint?: string;
}

/** Runs the built command as a user would (see lifecycle/command.ts), Proton at `endpoint`. */
export function runCli(args: readonly string[], { endpoint, ...options }: CliOptions = {}): Promise<CliRun> {
  return runCommand(args, { ...options, ...(endpoint ? { protonEndpoint: endpoint } : {}) });
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
