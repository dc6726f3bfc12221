// Bundles the Lambda handler once, at build time, into lib/handler/index.js: the asset the construct
// ships. The Proton client and yaml go inside so the function never depends on the runtime's SDK copy.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

await build({
  entryPoints: [path.join(root, 'lambda', 'index.ts')],
  outfile: path.join(root, 'lib', 'handler', 'index.js'),
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
});
