// What the first clean needs, started before the page's other modules are here: index.html
// loads this module first and async (it imports nothing, so it runs as soon as it arrives), and
// main.js takes the results.
//
// - The wasm module: compiled from the response as it streams in (preloaded by index.html);
//   the browser caches the compiled code for the next visit. null if this failed, and main.js
//   then lets init() load it the ordinary way (and report the error).
// - The locale data of Intl.DateTimeFormat, which the article's date needs: its first use takes
//   15 to 25 ms in Chromium, done here while the main thread would wait for the modules anyway.

export const wasmModule = WebAssembly.compileStreaming(fetch(new URL('./pkg/article_cleaner_bg.wasm', import.meta.url))).catch(() => null);

try {
  new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(0);
} catch {
  // No Intl: reader.js formats dates without it.
}
