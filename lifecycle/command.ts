import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository's root, where the built command lives. */
const REPO_ROOT = path.join(__dirname, '..');

/** The command as the package ships it: the esbuild bundle `npm run bundle` writes. */
export const BUILT_COMMAND = path.join(REPO_ROOT, 'lib', 'cli', 'index.js');

export interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CommandOptions {
  /** AWS_ENDPOINT_URL_PROTON: a Proton emulator. */
  readonly protonEndpoint?: string;
  /** AWS_ENDPOINT_URL_CLOUDFORMATION: a CloudFormation stand-in. */
  readonly cloudFormationEndpoint?: string;
  /** @default the repository's root */
  readonly cwd?: string;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** The command's file. @default the built bundle, lib/cli/index.js */
  readonly command?: string;
}

/**
 * Runs `cdk-proton-instance` as a user would, with dummy credentials and nothing of the caller's AWS setup
 * (no profile, no config file), the AWS calls sent to the endpoints given. Asynchronous on purpose: the
 * emulator or stand-in answering it runs in this process.
 */
export function runCommand(args: readonly string[], options: CommandOptions = {}): Promise<CommandRun> {
  const command = options.command ?? BUILT_COMMAND;
  if (!fs.existsSync(command)) throw new Error(`${command} is missing: run \`npm run bundle\` first (npm test does)`);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
  const env = {
    ...inherited,
    AWS_REGION: options.region ?? 'us-east-1',
    AWS_ACCESS_KEY_ID: 'emulator',
    AWS_SECRET_ACCESS_KEY: 'emulator',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    ...(options.protonEndpoint ? { AWS_ENDPOINT_URL_PROTON: options.protonEndpoint } : {}),
    ...(options.cloudFormationEndpoint ? { AWS_ENDPOINT_URL_CLOUDFORMATION: options.cloudFormationEndpoint } : {}),
  };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [command, ...args], { cwd: options.cwd ?? REPO_ROOT, env }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}
