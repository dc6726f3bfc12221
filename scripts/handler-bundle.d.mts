import type { BuildOptions } from 'esbuild';

export declare const HANDLER_ENTRIES: Record<string, string>;
export declare function handlerBundleOptions(outdir: string): BuildOptions;
