// Deno: the wasm beside this file is read and instantiated when the package is imported.
import { initSync } from './article_cleaner.js';

initSync({ module: Deno.readFileSync(new URL('./article_cleaner_bg.wasm', import.meta.url)) });

export * from './api.js';
export { default, default as init } from './ready.js';
