import * as fs from 'node:fs';
import * as path from 'node:path';
import { BuildOptions, Metafile, build } from 'esbuild';
import { SynthesizedInstance, handlerModuleFile } from '../lifecycle';
import { Figure } from './report';
import { kb } from './stats';

const ROOT = path.join(__dirname, '..');
const TARGET_BYTES = 700_000;
const SDK_ONLY = path.join(__dirname, 'sdk-only.ts');
const SDK_AND_YAML = path.join(__dirname, 'sdk-and-yaml.ts');
/** The handler's own bundling options: an ES module, so imported, not required. */
const handlerBundle = () => import('../scripts/handler-bundle.mjs');

/** The ordinary way to bundle a Node.js Lambda function: one minified CommonJS file, esbuild's defaults otherwise. */
const STOCK_OPTIONS: BuildOptions = {
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
};

/** The modules the cold-start figure loads, by what they are. */
export interface Bundles {
  /** The isComplete function's entry in the synthesized asset: the one that loads the SDK. */
  readonly isComplete: string;
  /** The onEvent function's entry in the same asset. */
  readonly onEvent: string;
  /** bench/sdk-only.ts as one CommonJS file with STOCK_OPTIONS. */
  readonly sdkStock: string;
  /** bench/sdk-only.ts bundled exactly as the handler is (scripts/handler-bundle.mjs): its entry. */
  readonly sdkTuned: string;
  /** bench/sdk-and-yaml.ts bundled as the handler is: its entry. */
  readonly sdkAndYaml: string;
}

export interface BundleSizes {
  readonly figure: Figure;
  readonly bundles: Bundles;
}

/** Sizes of the synthesized assets, beside the Proton client bundled alone (stock, and as the handler is). */
export async function measureBundles(assemblyDir: string, instance: SynthesizedInstance, workDir: string): Promise<BundleSizes> {
  const handlerAsset = instance.isComplete.assetDir;
  const assets = assetSizes(assemblyDir);
  const handlerBytes = assets.get(handlerAsset) ?? 0;
  const handler = await handlerBuild(handlerAsset);
  const sdkStock = path.join(workDir, 'sdk-stock', 'index.js');
  await build({ ...STOCK_OPTIONS, entryPoints: [SDK_ONLY], outfile: sdkStock });
  const sdkTunedDir = path.join(workDir, 'sdk-tuned');
  const { handlerBundleOptions } = await handlerBundle();
  const sdkTuned = await build({ ...handlerBundleOptions(sdkTunedDir), entryPoints: { index: SDK_ONLY }, absWorkingDir: ROOT, metafile: true });
  const sdkTunedBytes = totalBytes(sdkTuned.metafile);
  const sdkTunedAtStart = bytesAtStart(sdkTuned.metafile, 'index');
  const sdkAndYamlDir = path.join(workDir, 'sdk-and-yaml');
  await build({ ...handlerBundleOptions(sdkAndYamlDir), entryPoints: { index: SDK_AND_YAML }, absWorkingDir: ROOT });
  const atStart = (entry: string) => kb(bytesAtStart(handler, entry));
  const others = [...assets].filter(([dir]) => dir !== handlerAsset).map(([dir, bytes]) => `${path.basename(dir).slice(0, 14)}… ${kb(bytes)}`);

  return {
    bundles: {
      isComplete: handlerModuleFile(instance.isComplete),
      onEvent: handlerModuleFile(instance.onEvent),
      sdkStock,
      sdkTuned: path.join(sdkTunedDir, 'index.mjs'),
      sdkAndYaml: path.join(sdkAndYamlDir, 'index.mjs'),
    },
    figure: {
      name: 'handler bundle',
      measured: `${kb(handlerBytes)} (isComplete loads ${atStart('is-complete')} of it at start, onEvent ${atStart('on-event')}); SDK alone ${kb(fileBytes(sdkStock))} stock, ${kb(sdkTunedBytes)} bundled as the handler is (${kb(sdkTunedAtStart)} at start)`,
      target: `≤ ${kb(TARGET_BYTES)}`,
      met: handlerBytes <= TARGET_BYTES,
      notes: [
        `The handler's asset in the example's cloud assembly (onEvent and isComplete share it), all files: ${handlerBytes.toLocaleString('en')} bytes, minified. The other asset is the Provider framework's, from aws-cdk-lib, not minified: ${others.join(', ')}.`,
        `The asset is one ES module per function (on-event.mjs, is-complete.mjs) and chunks/ (scripts/handler-bundle.mjs). "At start" is an entry and the chunks it imports statically: what a fresh container loads before the first invocation. The rest loads on first use: the CloudFormation client (${kb(lazyChunkBytes(handler, 'lambda/cloudformation-client.ts'))}, only when an Update is about to fail) and the SDK's own lazily imported parts (credential providers, STS, SSO, event streams, user-agent parsing), which one CommonJS file could not leave out.`,
        `What the asset's bytes are: ${composition(handler)}.`,
        `What isComplete loads at start beyond the SDK alone bundled the same way: ${extraAtStart(handler, 'is-complete', sdkTuned.metafile, 'index')}.`,
        'SDK alone = bench/sdk-only.ts (a ProtonClient and GetServiceInstance) bundled "stock" (one minified CommonJS file: platform node, target node24) and with the handler\'s own options (scripts/handler-bundle.mjs: ES modules split into chunks, the SDK\'s ES module builds).',
        "Tuned for this benchmark in scripts/handler-bundle.mjs: `mainFields: ['module', 'main']` makes esbuild take the SDK's ES module builds, from which it drops the commands, protocols and browser code the handler never uses (the stock CommonJS builds keep them). An alias points yaml at its ES module build: the same code, scope-hoisted rather than wrapped module by module. Splitting into ES module chunks takes the lazily loaded parts out of what a container loads at start. The two SDK-alone bundles show what these options do together, here in bytes and under cold start in load time.",
      ],
    },
  };
}

/** Total bytes of each asset directory of a cloud assembly. */
function assetSizes(assemblyDir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const entry of fs.readdirSync(assemblyDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith('asset.')) {
      const dir = path.join(assemblyDir, entry.name);
      sizes.set(dir, fs.readdirSync(dir, { recursive: true }).reduce((sum: number, file) => sum + fileBytes(path.join(dir, String(file))), 0));
    }
  }
  return sizes;
}

function fileBytes(file: string): number {
  const stat = fs.statSync(file);
  return stat.isFile() ? stat.size : 0;
}

/**
 * The handler rebuilt in memory as scripts/bundle-handler.mjs builds it, for its metafile. It must come
 * out byte for byte as the synthesized asset, or the figures would describe another build.
 */
async function handlerBuild(assetDir: string): Promise<Metafile> {
  const { handlerAssetBuildOptions } = await handlerBundle();
  const options = handlerAssetBuildOptions();
  const result = await build({ ...options, write: false, metafile: true });
  for (const output of result.outputFiles) {
    const shipped = path.join(assetDir, path.relative(options.outdir, output.path));
    if (!fs.existsSync(shipped) || Buffer.compare(Buffer.from(output.contents), fs.readFileSync(shipped)) !== 0) {
      throw new Error(`bench/bundle-size.ts: rebuilding the handler does not reproduce ${shipped}; run scripts/bundle-handler.mjs and synthesize again`);
    }
  }
  return result.metafile;
}

function totalBytes(metafile: Metafile): number {
  return Object.values(metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
}

/** An entry's output and every chunk it imports statically, transitively: what loading the entry loads. */
function loadedAtStart(metafile: Metafile, entryName: string): Metafile['outputs'][string][] {
  const entry = Object.keys(metafile.outputs).find((file) => path.basename(file) === `${entryName}.mjs`);
  if (!entry) throw new Error(`no output ${entryName}.mjs`);
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    metafile.outputs[file].imports.filter((i) => i.kind === 'import-statement' && !i.external).forEach((i) => visit(i.path));
  };
  visit(entry);
  return [...seen].map((file) => metafile.outputs[file]);
}

function bytesAtStart(metafile: Metafile, entryName: string): number {
  return loadedAtStart(metafile, entryName).reduce((sum, output) => sum + output.bytes, 0);
}

/** Bytes by part that one entry loads at start beyond what another (in another build) does. */
function extraAtStart(metafile: Metafile, entryName: string, baseline: Metafile, baselineEntry: string): string {
  const base = bytesByPart(loadedAtStart(baseline, baselineEntry));
  const parts = bytesByPart(loadedAtStart(metafile, entryName));
  return describeParts(Object.fromEntries(Object.entries(parts).map(([part, bytes]) => [part, bytes - (base[part] ?? 0)])));
}

/** Bytes of the chunk whose entry point (as a dynamic import's target) is `input`. */
function lazyChunkBytes(metafile: Metafile, input: string): number {
  const chunk = Object.values(metafile.outputs).find((output) => output.entryPoint === input);
  if (!chunk) throw new Error(`no chunk for ${input}`);
  return chunk.bytes;
}

function composition(metafile: Metafile): string {
  return describeParts(bytesByPart(Object.values(metafile.outputs)));
}

/** "part 12.3 KB, …", largest first, parts with no bytes left out. */
function describeParts(parts: Record<string, number>): string {
  return Object.entries(parts)
    .filter(([, bytes]) => bytes > 0)
    .sort(([, a], [, b]) => b - a)
    .map(([part, bytes]) => `${part} ${kb(bytes)}`)
    .join(', ');
}

function bytesByPart(outputs: readonly Metafile['outputs'][string][]): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const output of outputs) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const part = partOf(input);
      parts[part] = (parts[part] ?? 0) + bytesInOutput;
    }
  }
  return parts;
}

function partOf(input: string): string {
  if (input.startsWith('lambda/')) return 'handler code';
  if (/node_modules\/yaml\//.test(input)) return 'yaml';
  if (/node_modules\/@aws-sdk\/client-proton\//.test(input)) return '@aws-sdk/client-proton';
  if (/node_modules\/@aws-sdk\/client-cloudformation\//.test(input)) return '@aws-sdk/client-cloudformation';
  return 'the rest of the SDK and its dependencies (@smithy/*, @aws-sdk/core, credential providers)';
}
