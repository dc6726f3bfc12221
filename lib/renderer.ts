import type * as render from '../render';

/**
 * The renderer (render/) and what it depends on, bundled at build time into lib/render.js
 * (scripts/bundle-render.mjs): loaded as that one file, so the package needs no runtime dependency that jsii
 * would have to bundle. The type is the source's, so the two cannot drift apart.
 */
export const renderer: typeof render = require('./render.js');
