// How a CommonJS file the package ships for Node.js itself (not for Lambda) is bundled, in one place:
// scripts/bundle-cli.mjs (the command) and scripts/bundle-render.mjs (the renderer the construct loads).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** esbuild options for one minified CommonJS file for Node.js 20 and later, its dependencies inside. */
export const nodeBundleOptions = {
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // The dependencies' ES module builds, as for the handler: esbuild drops what the file never uses.
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'warning',
};
