// Bundles the `cdk-proton-instance` command into lib/cli/index.js, the `bin` the package ships. The
// Proton client and yaml go inside, so `npx cdk-proton-instance plan` needs nothing else installed.
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
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
