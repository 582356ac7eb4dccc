// Vercel Edge Functions and Next.js's edge runtime (`edge-light`): as workerd.js, with the
// `?module` suffix their bundler needs to import a .wasm as a `WebAssembly.Module`.
import wasmModule from './article_cleaner_bg.wasm?module';
import { initSync } from './article_cleaner.js';

initSync({ module: wasmModule });

export * from './api.js';
export { default, default as init } from './ready.js';
