import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { synthesize } from '../../lifecycle';

/**
 * Synthesizes the example app once per test run; end-to-end tests load the handler from this cloud
 * assembly, the same bundled code `cdk deploy` would upload. Workers inherit the variable.
 */
export default function globalSetup(): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'proton-e2e-assembly-'));
  synthesize(path.join(__dirname, '..', '..'), outdir);
  process.env.E2E_CLOUD_ASSEMBLY = outdir;
}
