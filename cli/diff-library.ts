import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as CloudFormationDiff from '@aws-cdk/cloudformation-diff';

/** What takeover-check uses of @aws-cdk/cloudformation-diff, the library `cdk diff` prints from. */
export type DiffLibrary = Pick<typeof CloudFormationDiff, 'fullDiff' | 'deepEqual' | 'ResourceImpact'>;

const NAME = '@aws-cdk/cloudformation-diff';

export const MISSING_DIFF_LIBRARY = `takeover-check needs ${NAME} in your app: npm install --save-dev ${NAME}`;

/**
 * @aws-cdk/cloudformation-diff as the user's project in `cwd` resolves it, else as this command's own
 * folder does. It cannot ship inside the package: it needs @aws-cdk/aws-service-spec (2.6 MB packed, the
 * package stays under 1 MB), and jsii takes it neither as a dependency nor as a peer. So the bundle leaves
 * it out (scripts/bundle-cli.mjs) and only takeover-check loads it, on its first line.
 */
export function loadDiffLibrary(cwd: string): DiffLibrary {
  const resolved = [path.join(cwd, 'package.json'), __filename].map(resolveFrom).find((file) => file !== undefined);
  if (!resolved) throw new Error(MISSING_DIFF_LIBRARY);
  const library = createRequire(resolved)(resolved) as Partial<DiffLibrary>;
  if (typeof library.fullDiff !== 'function' || typeof library.deepEqual !== 'function' || typeof library.ResourceImpact !== 'object') {
    throw new Error(`${NAME} in ${path.dirname(resolved)} lacks fullDiff, deepEqual or ResourceImpact: npm install --save-dev ${NAME}@latest`);
  }
  return library as DiffLibrary;
}

/** The library's main file as a module at `from` would require it; undefined when it finds none. */
function resolveFrom(from: string): string | undefined {
  try {
    return createRequire(from).resolve(NAME);
  } catch (e) {
    if ((e as { code?: string }).code === 'MODULE_NOT_FOUND') return undefined;
    throw e;
  }
}
