// Bundles the `cdk-proton-instance` command into lib/cli/index.js, the `bin` the package ships. The
// Proton and CloudFormation clients and yaml go inside, so `npx cdk-proton-instance plan` needs nothing
// else installed. @aws-cdk/cloudformation-diff stays out: with the service specification it needs it is
// larger than the whole package may be, so `takeover-check` loads it from the user's app
// (cli/diff-library.ts), and only that subcommand.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { nodeBundleOptions, root } from './node-bundle.mjs';

const outfile = path.join(root, 'lib', 'cli', 'index.js');

await build({
  ...nodeBundleOptions,
  entryPoints: [path.join(root, 'cli', 'index.ts')],
  outfile,
  external: ['@aws-cdk/cloudformation-diff'],
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync(outfile, 0o755);
