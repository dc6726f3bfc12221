// How the Lambda handler is bundled, in one place: scripts/bundle-handler.mjs writes the asset the
// construct ships with these options, and the benchmark bundles its SDK-only baseline with them.
import { createRequire } from 'node:module';
import path from 'node:path';

// yaml's ES module build (the one its package.json gives other platforms than Node): the same code,
// which esbuild scope-hoists instead of wrapping each CommonJS module, so the handler loads faster
// (isComplete's entry in 70 ms rather than 81 ms, medians of 50 interleaved loads, when last
// measured). Its only differences, console.warn for warnings and atob for binary tags, work in Node.
const yamlModuleBuild = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js');

/** The handler's functions, by the file Lambda loads: `on-event.onEvent`, `is-complete.isComplete`. */
export const HANDLER_ENTRIES = { 'on-event': 'lambda/on-event.ts', 'is-complete': 'lambda/is-complete.ts' };

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
