// The reader page's first script (classic, at the top of the head, before the style sheets):
// asks the worker for this tab's article while the rest of the page loads, on two paths, and
// `readerResult` resolves with the first answer (reader-page.js awaits it):
//   - the BroadcastChannel `reader:<id>` that the worker opened for this click (same origin
//     only: neither the page nor its content scripts can reach it);
//   - chrome.runtime.sendMessage, which also wakes a stopped worker: a reloaded reader tab,
//     whose click's channel is gone, gets its article again this way. When the channel has
//     already delivered, the worker answers here with `{ delivered: true }` only.
// (An async module here instead asked 20 ms later, warm: modules wait for their fetch.)
globalThis.readerResult = (() => {
  const id = new URLSearchParams(location.search).get('id');
  if (!id) return null;
  const askedAt = performance.timeOrigin + performance.now();
  return new Promise((resolve, reject) => {
    const channel = new BroadcastChannel(`reader:${id}`);
    const take = (result, via) => {
      channel.close();
      resolve(result && { ...result, via, timings: { ...result.timings, askedAt } });
    };
    channel.onmessage = (event) => take(event.data, 'channel');
    channel.postMessage('take-article');
    chrome.runtime.sendMessage({ type: 'take-article', id }).then((r) => r?.delivered || take(r, 'message'), reject);
  });
})();
