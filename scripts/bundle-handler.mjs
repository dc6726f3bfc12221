// Bundles the Lambda handler once, at build time, into lib/handler/: the asset the construct ships.
// The Proton client and yaml go inside so the functions never depend on the runtime's SDK copy.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { HANDLER_ENTRIES, handlerBundleOptions } from './handler-bundle.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.join(root, 'lib', 'handler');

// Chunk names carry content hashes: chunks of an earlier build would otherwise ship in the asset too.
rmSync(outdir, { recursive: true, force: true });
await build({
  ...handlerBundleOptions(outdir),
  entryPoints: Object.fromEntries(Object.entries(HANDLER_ENTRIES).map(([name, file]) => [name, path.join(root, file)])),
});
