/**
 * Makes the WebAssembly module ready; `await init()` before the first call works everywhere.
 * Also the default export (`import init from 'article-cleaner'`), as in wasm-bindgen packages.
 *
 * In Node.js, Bun, Deno, Cloudflare Workers and Vercel Edge the module is instantiated when the
 * package is imported, and `init()` resolves at once. In browsers and workers it fetches
 * `article_cleaner_bg.wasm` beside the entry file (bundlers emit it as an asset), or
 * instantiates what `module_or_path` gives: a URL, a `Response`, bytes or a
 * `WebAssembly.Module`. Concurrent and repeated calls do the work once.
 */
export function init(options?: { module_or_path?: InitInput | Promise<InitInput> }): Promise<void>;
