// Cloudflare Workers (workerd, wrangler): Workers cannot compile WebAssembly from bytes at run
// time, so the .wasm is imported as a `WebAssembly.Module` (wrangler's default rule for *.wasm)
// and instantiated when the package is imported.
import wasmModule from './article_cleaner_bg.wasm';
import { initSync } from './article_cleaner.js';

initSync({ module: wasmModule });

export * from './api.js';
export { default, default as init } from './ready.js';
