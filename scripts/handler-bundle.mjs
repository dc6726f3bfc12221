// How the Lambda handler is bundled, in one place. scripts/bundle-handler.mjs writes the asset the
// construct ships with handlerAssetBuildOptions; bench/bundle-size.ts rebuilds that asset with the same
// options to read its metafile, and bundles its SDK-alone baselines with handlerBundleOptions.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

// yaml's ES module build (the one its package.json gives other platforms than Node): the same code,
// which esbuild scope-hoists instead of wrapping each CommonJS module, so the handler loads faster
// (isComplete's entry in 70 ms rather than 81 ms, medians of 50 interleaved loads, when last
// measured). Its only differences, console.warn for warnings and atob for binary tags, work in Node.
const yamlModuleBuild = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js');

/**
 * The functions of the asset, by the file Lambda loads: `on-event.onEvent` and `is-complete.isComplete`
 * (ProtonServiceInstance), `stack-outputs.onEvent` (the takeover stacks' lookup of another stack's outputs).
 */
const HANDLER_ENTRIES = {
  'on-event': 'lambda/on-event.ts',
  'is-complete': 'lambda/is-complete.ts',
  'stack-outputs': 'lambda/stack-outputs.ts',
};

/** The asset the construct ships (lib/provider.ts points its functions at it). */
const HANDLER_ASSET_DIR = path.join(root, 'lib', 'handler');

/**
 * esbuild options for a Lambda asset in `outdir`: one ES module per entry, and what they share or load
 * lazily in chunks/. Splitting is what lets a container load only what its function needs: onEvent
 * loads no SDK, isComplete loads the CloudFormation client on first use, and the SDK's own lazily
 * imported parts (credential providers it never reaches in Lambda) stay unloaded, as they cannot in a
 * single CommonJS file.
 */
export function handlerBundleOptions(outdir) {
  return {
    outdir,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // The SDK's ES module builds: they let esbuild drop the commands, protocols and browser code the
    // handler never uses, which the CommonJS builds keep.
    mainFields: ['module', 'main'],
    alias: { yaml: yamlModuleBuild },
    legalComments: 'none',
    logLevel: 'warning',
  };
}

/** The whole build of the asset the construct ships: the handler's entries into lib/handler/. */
export function handlerAssetBuildOptions() {
  return {
    ...handlerBundleOptions(HANDLER_ASSET_DIR),
    entryPoints: Object.fromEntries(Object.entries(HANDLER_ENTRIES).map(([name, file]) => [name, path.join(root, file)])),
    absWorkingDir: root,
  };
}
