// Injected into the page after Readability.js and Readability-readerable.js (one executeScript
// call, content-script world): the value of the last expression is what the call returns.
(() => {
  const readerable = isProbablyReaderable(document);
  const article = new Readability(document.cloneNode(true)).parse();
  return { article, readerable, url: location.href, title: document.title };
})();
