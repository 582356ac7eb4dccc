// The API every entry point exports: one list, re-exported from the one wasm-bindgen glue
// (article_cleaner.js, `wasm-pack --target web`). tools/build-npm.mjs checks that it names every
// export of the glue but its internals (`start`, the glue's own `default`).
export { ArticleCleaner, clean, cleanToFragment, isProbablyReaderable, initSync } from './article_cleaner.js';
