import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { synthesize } from '../../lifecycle';

/**
 * Synthesizes the example app once per test run; end-to-end tests load the handler from this cloud
 * assembly, the same bundled code `cdk deploy` would upload. Workers inherit the variables set here.
 */
export default function globalSetup(): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'proton-e2e-assembly-'));
  synthesize(path.join(__dirname, '..', '..'), outdir);
  process.env.E2E_CLOUD_ASSEMBLY = outdir;
  // Tests build SDK clients on the machine's node; the SDK's notice that it will need Node.js 22 is about
  // that node, not about the code under test, which Lambda runs on Node.js 24. Other warnings still show.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
