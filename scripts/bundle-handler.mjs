// Bundles the Lambda handler once, at build time, into lib/handler/index.js: the asset the construct
// ships. The Proton client and yaml go inside so the function never depends on the runtime's SDK copy.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// yaml's ES module build (the one its package.json gives other platforms than Node): the same code,
// which esbuild scope-hoists instead of wrapping each CommonJS module, so the handler loads faster
// (bench/RESULTS.md, cold start). Its only differences, console.warn for warnings and atob for
// binary tags, work in Node.
const yamlModuleBuild = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js');

await build({
  entryPoints: [path.join(root, 'lambda', 'index.ts')],
  outfile: path.join(root, 'lib', 'handler', 'index.js'),
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  // The SDK's ES module builds: they let esbuild drop the commands, protocols and browser code the
  // handler never uses, which the CommonJS builds keep (about 700 KB of bundle down to 450 KB).
  mainFields: ['module', 'main'],
  alias: { yaml: yamlModuleBuild },
  legalComments: 'none',
  logLevel: 'warning',
});
