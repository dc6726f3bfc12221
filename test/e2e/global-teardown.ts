import * as fs from 'node:fs';

/** Removes the cloud assembly the global setup synthesized. */
export default function globalTeardown(): void {
  const outdir = process.env.E2E_CLOUD_ASSEMBLY;
  if (outdir) fs.rmSync(outdir, { recursive: true, force: true });
}
