// Bundles the renderer (render/, with nunjucks, jsonschema and yaml) into lib/render.js, which the construct
// loads (lib/renderer.ts). jsii compiles lib/ file by file and refuses dependencies that are not jsii
// modules unless they ship inside the package: this one file is how they do, so the package has no runtime
// dependencies but its peers.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

await build({
  entryPoints: [path.join(root, 'render', 'index.ts')],
  outfile: path.join(root, 'lib', 'render.js'),
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // The ES module builds of the dependencies, as for the handler: esbuild drops what the renderer never uses.
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'warning',
});
