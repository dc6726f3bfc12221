// Bundles the Lambda handler once, at build time, into lib/handler/: the asset the construct ships.
// The Proton client and yaml go inside so the functions never depend on the runtime's SDK copy.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { handlerAssetBuildOptions } from './handler-bundle.mjs';

const options = handlerAssetBuildOptions();

// Chunk names carry content hashes: chunks of an earlier build would otherwise ship in the asset too.
rmSync(options.outdir, { recursive: true, force: true });
await build(options);
