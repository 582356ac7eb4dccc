// Node.js and Bun: the wasm beside this file is read and instantiated when the package is
// imported (synchronously, no top-level await, so `require()` of this file works too).
import { readFileSync } from 'node:fs';
import { initSync } from './article_cleaner.js';

initSync({ module: readFileSync(new URL('./article_cleaner_bg.wasm', import.meta.url)) });

export * from './api.js';
export { default, default as init } from './ready.js';
