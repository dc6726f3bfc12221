import type { BuildOptions } from 'esbuild';

export declare function handlerBundleOptions(outdir: string): BuildOptions;
export declare function handlerAssetBuildOptions(): BuildOptions & { outdir: string };
