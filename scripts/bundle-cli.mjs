// Bundles the `cdk-proton-instance` command into lib/cli/index.js, the `bin` the package ships. The
// Proton and CloudFormation clients and yaml go inside, so `npx cdk-proton-instance plan` needs nothing
// else installed. @aws-cdk/cloudformation-diff stays out: with the service specification it needs it is
// larger than the whole package may be, so `takeover-check` loads it from the user's app
// (cli/diff-library.ts), and only that subcommand.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'lib', 'cli', 'index.js');

await build({
  entryPoints: [path.join(root, 'cli', 'index.ts')],
  outfile,
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // The SDK's ES module builds, as for the handler: esbuild drops what the command never uses.
  mainFields: ['module', 'main'],
  external: ['@aws-cdk/cloudformation-diff'],
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
