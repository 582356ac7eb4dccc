// Browsers, Web Workers, extension pages and service workers, and the fallback for any runtime
// with `fetch`: `await init()` fetches article_cleaner_bg.wasm beside this file. Vite, webpack 5
// and Parcel see the `new URL(..., import.meta.url)` below and emit the .wasm as an asset.
import initWasm from './article_cleaner.js';

export * from './api.js';

export default async function init(options) {
  await initWasm(options ?? { module_or_path: new URL('./article_cleaner_bg.wasm', import.meta.url) });
}
export { init };
