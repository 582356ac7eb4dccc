// `init()` of the entries that instantiate the wasm when they are imported (Node, Deno, Bun,
// workerd, Vercel Edge): there is nothing left to do, so code written for the browser, where
// `await init()` is needed, runs unchanged.
export default async function init() {}
