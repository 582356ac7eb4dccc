'use strict';
// require('article-cleaner') in Node.js: the ES module entry (node.js) through require(esm),
// which Node.js has without a flag since 20.19 and 22.12. node.js has no top-level await, so it
// loads synchronously, and there stays one copy of the wasm-bindgen glue for every entry point.
let api;
try {
  api = require('./node.js');
} catch (error) {
  if (error && error.code === 'ERR_REQUIRE_ESM') {
    throw new Error(
      `article-cleaner: require() needs Node.js >= 20.19 or >= 22.12 (require of ES modules), ` +
        `this is ${process.version}; use import or await import('article-cleaner') instead`,
      { cause: error },
    );
  }
  throw error;
}
// The names of api.js plus init (tools/build-npm.mjs checks the list), written out so that
// tools reading this file (TypeScript, cjs-module-lexer) see them.
Object.defineProperty(exports, '__esModule', { value: true });
exports.default = api.default;
exports.init = api.init;
exports.ArticleCleaner = api.ArticleCleaner;
exports.clean = api.clean;
exports.cleanToFragment = api.cleanToFragment;
exports.isProbablyReaderable = api.isProbablyReaderable;
exports.initSync = api.initSync;
