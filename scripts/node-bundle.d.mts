// Types for node-bundle.mjs, which the crash tests use from TypeScript.
import type { BuildOptions } from 'esbuild';

export declare const NODE_BUNDLE_OPTIONS: BuildOptions;
