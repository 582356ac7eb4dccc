// Deno: the .wasm is imported as a `WebAssembly.Module` (a source phase import, which Deno
// compiles with the module graph: no --allow-read needed) and instantiated at import.
import source wasmModule from './article_cleaner_bg.wasm';
import { initSync } from './article_cleaner.js';

initSync({ module: wasmModule });

export * from './api.js';
export { default, default as init } from './ready.js';
