// Bundles the renderer (render/, with nunjucks, jsonschema and yaml) into lib/render.js, which the construct
// loads (lib/renderer.ts). jsii compiles lib/ file by file and refuses dependencies that are not jsii
// modules unless they ship inside the package: this one file is how they do, so the package has no runtime
// dependencies but its peers.
import { build } from 'esbuild';
import path from 'node:path';
import { nodeBundleOptions, root } from './node-bundle.mjs';

await build({
  ...nodeBundleOptions,
  entryPoints: [path.join(root, 'render', 'index.ts')],
  outfile: path.join(root, 'lib', 'render.js'),
});
