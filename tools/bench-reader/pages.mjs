// The pages of tools/bench-reader.mjs: our own, written for it, each with the furniture of its
// kind of site (menus, cookie banner, share bars, related links, comments, footers, JSON-LD,
// inline SVG icons) around its text, at the sizes such pages have (5 to 100 KB).
// PAGES: [{ name, html }]; STATIC: { path: { type, body } } for what the pages load.

const ICON = '<svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M4 6h16M4 12h16M4 18h10" stroke="currentColor" stroke-width="2" fill="none"/></svg>';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A small deterministic generator (mulberry32), so every run serves the same bytes. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** `count` paragraphs of 3 to 5 sentences drawn from `sentences`. */
function paragraphs(sentences, count, seed) {
  const next = random(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const n = 3 + Math.floor(next() * 3);
    const picked = [];
    for (let j = 0; j < n; j++) picked.push(sentences[Math.floor(next() * sentences.length)]);
    out.push(picked.join(' '));
  }
  return out;
}

function menu(site, sections) {
  const items = sections
    .map((s, i) => `<li class="menu__item menu__item--${i}" data-track="nav-${i}"><a class="menu__link" href="/${s.toLowerCase().replace(/\W+/g, '-')}">${ICON}<span>${s}</span></a>
<ul class="menu__sub">${['Latest', 'Most read', 'Opinion', 'Video'].map((t) => `<li><a href="/${s.toLowerCase().replace(/\W+/g, '-')}/${t.toLowerCase().replace(/\W+/g, '-')}">${t}</a></li>`).join('')}</ul></li>`)
    .join('\n');
  return `<header class="site-header" role="banner"><div class="site-header__inner">
<a class="logo" href="/" aria-label="${site} home"><svg viewBox="0 0 120 24" width="120" height="24"><rect width="24" height="24" rx="4" fill="#c00"/><text x="30" y="18" font-size="16">${site}</text></svg></a>
<button class="menu-toggle" aria-expanded="false">${ICON} Menu</button>
<form class="search" action="/search" role="search"><input type="search" name="q" placeholder="Search ${site}"><button>Search</button></form>
<a class="subscribe" href="/subscribe">Subscribe</a> <a class="login" href="/login">Sign in</a>
</div><nav class="menu" aria-label="Sections"><ul class="menu__list">
${items}
</ul></nav></header>`;
}

function cookieBanner(site) {
  return `<div class="cookie-consent" id="cookie-consent" role="dialog" aria-label="Cookies"><p>${site} and our 142 partners use cookies and similar technologies to store and access information on your device, to personalise content and ads and to measure audiences. You can accept, refuse, or choose your settings at any time.</p>
<button class="cookie-consent__accept">Accept all</button> <button class="cookie-consent__refuse">Refuse</button> <a href="/privacy#settings">Settings</a></div>`;
}

function footer(site, columns) {
  const cols = columns
    .map((c) => `<div class="footer__col"><h3>${c}</h3><ul>${['About us', 'Contact', 'Careers', 'Advertise', 'Help', 'Accessibility'].map((t) => `<li><a href="/${c.toLowerCase()}/${t.toLowerCase().replace(/\W+/g, '-')}">${t}</a></li>`).join('')}</ul></div>`)
    .join('\n');
  return `<footer class="site-footer" role="contentinfo"><div class="footer__cols">
${cols}
</div><p class="footer__legal">© 2026 ${site}. All rights reserved. <a href="/terms">Terms of use</a> · <a href="/privacy">Privacy policy</a> · <a href="/cookies">Cookie settings</a></p></footer>`;
}

function shareBar() {
  return `<div class="share-bar" aria-label="Share">${['Facebook', 'X', 'LinkedIn', 'WhatsApp', 'Email'].map((n) => `<a class="share share--${n.toLowerCase()}" href="https://share.example/${n.toLowerCase()}">${ICON}<span>Share on ${n}</span></a>`).join(' ')}</div>`;
}

function related(title, items) {
  return `<aside class="related" aria-label="${title}"><h2 class="related__title">${title}</h2><ul class="related__list">
${items.map((t, i) => `<li class="card"><a href="/story/${i}-${t.toLowerCase().replace(/\W+/g, '-')}"><img src="/static/thumb.svg" alt="" width="160" height="90" loading="lazy"><span class="card__title">${t}</span></a></li>`).join('\n')}
</ul></aside>`;
}

function page({ title, site, lang = 'en', head = '', body }) {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} | ${site}</title>
<meta property="og:site_name" content="${site}">
<meta property="og:title" content="${esc(title)}">
<link rel="stylesheet" href="/static/site.css">
<script src="/static/site.js" defer></script>
${head}
</head>
<body class="page">
${body}
</body>
</html>
`;
}

const jsonLd = (obj) => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;

// ---------------------------------------------------------------------------------------------

const news = page({
  title: 'Council approves the tram line to the harbour after a two-year fight',
  site: 'Northgate Herald',
  head: jsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Council approves the tram line to the harbour', datePublished: '2026-11-03T08:10:00+01:00', author: { '@type': 'Person', name: 'Ines Karlsson' } }),
  body: `${cookieBanner('Northgate Herald')}
${menu('Northgate Herald', ['News', 'Local', 'Politics', 'Business', 'Sport', 'Culture', 'Opinion', 'Weather', 'Travel', 'Puzzles'])}
<main id="main"><article class="story">
<nav class="breadcrumb"><a href="/">Home</a> › <a href="/local">Local</a> › <a href="/local/transport">Transport</a></nav>
<h1 class="story__headline">Council approves the tram line to the harbour after a two-year fight</h1>
<p class="story__standfirst">The 6.4 km extension will run from the central station to the ferry terminal, with seven new stops and a depot on the old goods yard.</p>
<div class="story__meta"><span class="byline">By <a rel="author" href="/authors/ines-karlsson">Ines Karlsson</a></span>, Transport correspondent · <time datetime="2026-11-03T08:10:00+01:00">3 November 2026</time></div>
${shareBar()}
<figure class="story__image"><img src="/static/photo.svg" alt="A tram at the central station" width="1200" height="600"><figcaption>The first trams on the new line are due in 2030. Photo: Northgate Herald</figcaption></figure>
<div class="story__body">
<p>After two years of hearings, petitions and one court case, the city council voted 41 to 18 on Monday night to build the tram line to the harbour, ending one of the longest planning fights the city has seen since the ring road was drawn in the 1970s.</p>
<p>The 6.4 km extension will leave the existing network at the central station, cross the river on a new bridge shared with cyclists, and follow Quay Street to the ferry terminal. Seven stops are planned, two of them in the former warehouse district where about 4,000 homes are being built.</p>
<div class="ad ad--inline" data-slot="mid-1"><span class="ad__label">Advertisement</span></div>
<p>“This is the line the harbour district was promised when the first cranes went up,” said the deputy mayor, Tomas Reyes, who led the project through the council. “People moved here on that promise. Tonight we kept it.”</p>
<p>Opponents, led by a residents' group on Quay Street, argued that the line would cut the street off from the waterfront and that buses could do the same job for a tenth of the price. The group lost its case at the administrative court in June and said on Monday that it would not appeal.</p>
<h2>What it will cost</h2>
<p>The city puts the cost at €412m, of which the national transport fund has agreed to pay 60 per cent. The rest is to be borrowed against the future fares and the land sold around the new depot. The council's own auditors warned in September that the estimate carried “a significant risk of overrun”, pointing to the bridge and to the soft ground near the old docks.</p>
<p>Construction is to start in the spring of 2027 with the depot, and the bridge the following year. The first trams are due in 2030, though the council's transport committee admitted that the date depends on the bridge.</p>
<blockquote><p>We have built three bridges on this river in a century. Every one of them was late, and every one of them is still standing.</p></blockquote>
<p>Businesses along the route were cautiously positive. The harbour traders' association said its members wanted a guarantee that deliveries would be possible throughout the works, and a compensation scheme like the one used during the rebuilding of the market square.</p>
<h2>What happens next</h2>
<p>Detailed designs for the stops will go out for consultation in January. The council has promised a public meeting in each district along the route, and an online map where residents can comment on the position of every stop, crossing and tree.</p>
</div>
${shareBar()}
<div class="tags"><a href="/tags/trams">Trams</a> <a href="/tags/harbour">Harbour</a> <a href="/tags/council">Council</a></div>
</article>
${related('More on transport', ['Night buses return to three routes', 'Cycle lane on Bridge Road to be widened', 'Ferry fares rise by 4 per cent', 'Station car park to close for repairs', 'Airport link delayed again'])}
<section class="newsletter"><h2>Get the Morning Briefing</h2><p>The day's news from Northgate in your inbox at 7 am.</p><form><input type="email" placeholder="Your email"><button>Sign up</button></form></section>
<section class="comments"><h2>Comments (87)</h2><p>Comments are open to subscribers. <a href="/login">Sign in</a> to join the conversation.</p></section>
</main>
${footer('Northgate Herald', ['Herald', 'Sections', 'Services', 'Legal'])}`,
});

const blogCode = page({
  title: 'Debouncing in JavaScript without a library',
  site: 'Lina writes code',
  body: `${menu('Lina writes code', ['Posts', 'Talks', 'Projects', 'About', 'RSS'])}
<div class="layout"><main class="post">
<article class="h-entry">
<h1 class="p-name">Debouncing in JavaScript without a library</h1>
<p class="post-meta"><time class="dt-published" datetime="2026-09-14">14 September 2026</time> · <span class="p-author">Lina Osei</span> · 7 min read</p>
<div class="e-content">
<p>Every few months someone on my team adds a 20 kB utility library to a project so that one search box waits for the user to stop typing. A debounce is twelve lines of code, and writing it yourself teaches you something about timers, closures and <code>this</code> that is worth knowing anyway.</p>
<h2 id="the-idea">The idea</h2>
<p>A debounced function postpones its work until it has not been called for a given time. Each call cancels the pending timer and starts a new one; only the last call in a burst gets through. That is exactly what you want for a search box, a resize handler or an autosave.</p>
<pre><code class="language-js">function debounce(fn, wait) {
  let timer;
  return function (...args) {
    clearTimeout(timer);
    timer = setTimeout(() =&gt; fn.apply(this, args), wait);
  };
}</code></pre>
<p>Note the regular <code>function</code> in the middle: an arrow function would capture the <code>this</code> of <code>debounce</code> itself, and a method that was debounced would lose its object.</p>
<h2 id="leading-edge">Leading edge</h2>
<p>Sometimes you want the first call to go through at once and the rest of the burst to be swallowed, for instance a button that must not submit a form twice. That is the leading-edge variant:</p>
<pre><code class="language-js">function debounceLeading(fn, wait) {
  let timer = null;
  return function (...args) {
    if (timer === null) fn.apply(this, args);
    clearTimeout(timer);
    timer = setTimeout(() =&gt; { timer = null; }, wait);
  };
}</code></pre>
<h2 id="cancel">Cancelling and flushing</h2>
<p>A component that unmounts should not be called back after it is gone. Give the debounced function a <code>cancel</code> method, and a <code>flush</code> that runs the pending call right away, which is what you want before the page unloads:</p>
<pre><code class="language-js">function debounce(fn, wait) {
  let timer = null;
  let pending = null;
  const run = () =&gt; {
    timer = null;
    const [self, args] = pending;
    pending = null;
    fn.apply(self, args);
  };
  function debounced(...args) {
    pending = [this, args];
    clearTimeout(timer);
    timer = setTimeout(run, wait);
  }
  debounced.cancel = () =&gt; { clearTimeout(timer); timer = null; pending = null; };
  debounced.flush = () =&gt; { if (timer !== null) { clearTimeout(timer); run(); } };
  return debounced;
}</code></pre>
<h2 id="testing">Testing it</h2>
<p>Real timers make tests slow and flaky. Most test runners can replace them: with fake timers you call the function three times, advance the clock by the wait, and check that the callback ran once with the last arguments.</p>
<ul>
<li>Call it once and advance by less than the wait: nothing ran.</li>
<li>Call it three times within the wait: one run, with the third call's arguments.</li>
<li>Call <code>cancel()</code> before the wait is over: nothing ever runs.</li>
<li>Call <code>flush()</code>: the pending call runs now, and not again later.</li>
</ul>
<p>That is the whole thing. If you need <code>maxWait</code>, throttling or promise support, a library earns its bytes; for a search box, it does not.</p>
</div></article>
<nav class="post-nav"><a rel="prev" href="/posts/abort-controller">← Cancelling fetches with AbortController</a> <a rel="next" href="/posts/css-has">The :has() selector in practice →</a></nav>
<section class="webmentions"><h2>14 likes, 3 reposts</h2><ul><li><a href="https://social.example/@tom">@tom</a> liked this</li><li><a href="https://social.example/@ada">@ada</a> reposted this</li></ul></section>
</main>
<aside class="sidebar"><h2>About me</h2><p>I write about the web platform and the small tools around it.</p><h2>Popular</h2><ul><li><a href="/posts/a">Writing a tiny router</a></li><li><a href="/posts/b">Forms without frameworks</a></li><li><a href="/posts/c">CSS grid for forms</a></li></ul></aside></div>
${footer('Lina writes code', ['Blog', 'Elsewhere'])}`,
});

const DOC_NAV = ['Introduction', 'Installation', 'Quick start', 'Configuration', 'Routing', 'Middleware', 'Templates', 'Static files', 'Sessions', 'Authentication', 'Databases', 'Migrations', 'Testing', 'Deployment', 'Logging', 'Caching', 'Background jobs', 'WebSockets', 'Internationalisation', 'Security', 'Performance', 'API reference', 'Changelog', 'FAQ'];
const docs = page({
  title: 'Middleware — Harbor web framework 4.2 documentation',
  site: 'Harbor docs',
  body: `<header class="docs-header"><a href="/" class="logo">Harbor</a> <span class="version">v4.2</span> <input type="search" placeholder="Search the docs (/)"><a href="https://git.example/harbor">Source</a></header>
<div class="docs-layout">
<nav class="docs-sidebar" aria-label="Documentation">${DOC_NAV.map((t) => `<a class="docs-sidebar__link${t === 'Middleware' ? ' is-active' : ''}" href="/docs/${t.toLowerCase().replace(/\W+/g, '-')}">${t}</a>`).join('\n')}</nav>
<main class="docs-content" role="main">
<nav class="breadcrumbs"><a href="/docs">Docs</a> / <a href="/docs/guides">Guides</a> / Middleware</nav>
<h1>Middleware</h1>
<p>Middleware is code that runs around every request: before the route handler sees it, after the handler has answered, or both. Harbor's middleware are plain async functions that receive the request context and a <code>next</code> function, and they compose in the order you register them.</p>
<div class="admonition note"><p class="admonition-title">Note</p><p>Middleware registered on a router only runs for that router's routes. Register it on the application to run it for every request, including those that match no route.</p></div>
<h2 id="writing">Writing a middleware</h2>
<p>A middleware calls <code>await next()</code> to pass control to the rest of the chain, and may do work before and after that call. This one measures how long each request takes and sets a response header:</p>
<pre><code class="language-python">async def timing(ctx, next):
    start = time.perf_counter()
    await next()
    elapsed = time.perf_counter() - start
    ctx.response.headers["Server-Timing"] = f"app;dur={elapsed * 1000:.1f}"

app.use(timing)</code></pre>
<p>If a middleware does not call <code>next()</code>, the chain stops there and its response is the one sent. That is how an authentication check refuses a request:</p>
<pre><code class="language-python">async def require_user(ctx, next):
    if ctx.session.get("user_id") is None:
        ctx.response = Redirect("/login")
        return
    await next()</code></pre>
<h2 id="order">Order of execution</h2>
<p>Middleware runs in registration order on the way in and in reverse order on the way out, like layers of an onion. The table shows the built-in middleware and where they should sit.</p>
<table><thead><tr><th>Middleware</th><th>Purpose</th><th>Recommended position</th></tr></thead><tbody>
<tr><td><code>ErrorPages</code></td><td>Turns exceptions into error responses</td><td>First</td></tr>
<tr><td><code>Compression</code></td><td>gzip or Brotli for text responses</td><td>Early</td></tr>
<tr><td><code>Sessions</code></td><td>Loads and saves the session cookie</td><td>Before authentication</td></tr>
<tr><td><code>Csrf</code></td><td>Checks tokens on unsafe methods</td><td>After sessions</td></tr>
<tr><td><code>StaticFiles</code></td><td>Serves files from <code>static/</code></td><td>Before the router</td></tr>
</tbody></table>
<h2 id="config">Configuration</h2>
<p>Every built-in middleware takes its options as keyword arguments. Options that are not given fall back to the values in <code>harbor.toml</code>, and then to the defaults listed in the API reference.</p>
<dl><dt><code>exclude</code></dt><dd>A list of path prefixes the middleware skips. Default: empty.</dd><dt><code>enabled</code></dt><dd>Set to <code>False</code> to keep the middleware registered but inactive, for instance in tests. Default: <code>True</code>.</dd></dl>
<div class="admonition warning"><p class="admonition-title">Warning</p><p>Do not put <code>StaticFiles</code> after <code>Sessions</code> in production: every image would then load and save a session.</p></div>
<h2 id="testing">Testing middleware</h2>
<p>The test client runs the full chain. To test one middleware alone, build a small application with only that middleware and a route that echoes what it received.</p>
<nav class="docs-pager"><a href="/docs/routing">← Routing</a> <a href="/docs/templates">Templates →</a></nav>
<p class="docs-edit"><a href="https://git.example/harbor/edit/main/docs/middleware.md">Edit this page</a> · Last updated on 2 October 2026</p>
</main>
<aside class="docs-toc"><h2>On this page</h2><ul><li><a href="#writing">Writing a middleware</a></li><li><a href="#order">Order of execution</a></li><li><a href="#config">Configuration</a></li><li><a href="#testing">Testing middleware</a></li></ul></aside>
</div>
<footer class="docs-footer"><p>© 2026 The Harbor authors. Documentation under CC BY 4.0.</p></footer>`,
});

const POSTS = [
  ['greenthumb_88', '2026-05-02T09:14:00Z', 'My tomato seedlings have gone tall and thin, with long pale stems, and two of them have already fallen over. They are on a south-facing windowsill and I water them every other day. Sown six weeks ago in ordinary multi-purpose compost. What am I doing wrong?'],
  ['Marguerite', '2026-05-02T10:02:00Z', 'Classic legginess. Even a south window gives far less light than you think in early spring, so the seedlings stretch towards it. Turn the tray every day, and if you can, put them under a cheap LED shop light about 10 cm above the leaves for 14 hours a day. They will thicken up within a week.'],
  ['old_potter', '2026-05-02T11:40:00Z', '<blockquote><p>Turn the tray every day</p></blockquote><p>Agreed, and keep them cooler at night. Warmth without light is what makes them stretch. Mine go to an unheated spare room at night, about 14 degrees, and come back to the window in the morning.</p>'],
  ['greenthumb_88', '2026-05-02T12:05:00Z', 'Thank you both. Should I do anything about the ones that have fallen over, or start again?'],
  ['Marguerite', '2026-05-02T12:31:00Z', 'Tomatoes are forgiving: pot them on into deeper pots and bury the stem right up to the first true leaves. The buried stem grows roots, and you end up with a sturdier plant than if nothing had happened. Do not try that with peppers, though.'],
  ['windowbox_wendy', '2026-05-03T07:55:00Z', 'One more trick: brush your hand over the tops of the seedlings a few times a day, or put a small fan on them for an hour. The movement makes the stems thicker, as wind does outdoors. Sounds silly, works every year for me.'],
];
const forum = page({
  title: 'Leggy tomato seedlings — what am I doing wrong?',
  site: 'The Allotment Forum',
  body: `${menu('The Allotment Forum', ['Forums', 'What\'s new', 'Members', 'Seed swap', 'Gallery', 'Help'])}
<main class="forum"><nav class="breadcrumb"><a href="/">Forums</a> › <a href="/f/vegetables">Vegetables</a> › <a href="/f/vegetables/tomatoes">Tomatoes</a></nav>
<h1 class="thread-title">Leggy tomato seedlings — what am I doing wrong?</h1>
<div class="thread-meta">Started by greenthumb_88 · 6 replies · 1,204 views</div>
<div class="thread" id="thread">
${POSTS.map(([who, when, text], i) => `<article class="message post" id="post-${i + 1}" data-author="${who}"><div class="message-user"><img class="avatar" src="/static/thumb.svg" alt="" width="48" height="48"><a class="username" href="/members/${who}">${who}</a><span class="user-title">${i % 2 ? 'Well-known member' : 'New member'}</span><span class="user-stats">Posts: ${120 + i * 37}</span></div>
<div class="message-main"><header class="message-attribution"><time datetime="${when}">${when.slice(0, 10)}</time> <a href="#post-${i + 1}">#${i + 1}</a></header>
<div class="message-body">${text.startsWith('<') ? text : `<p>${text}</p>`}</div>
<footer class="message-footer"><a href="/report/${i}">Report</a> <button class="like">Like</button> <button class="reply">Reply</button></footer></div></article>`).join('\n')}
</div>
<form class="quick-reply"><textarea placeholder="Write your reply..."></textarea><button>Post reply</button></form>
${related('Similar threads', ['Blossom end rot on my plum tomatoes', 'Best cherry tomato for a balcony?', 'When to stop pinching out side shoots', 'Blight already in May?'])}
</main>
${footer('The Allotment Forum', ['Community', 'Help'])}`,
});

const product = page({
  title: 'Kettle K-200 Temperature Control, 1.7 l, brushed steel',
  site: 'Brightline Home',
  head: jsonLd({ '@context': 'https://schema.org', '@type': 'Product', name: 'Kettle K-200', offers: { '@type': 'Offer', price: '89.00', priceCurrency: 'EUR' } }),
  body: `${cookieBanner('Brightline Home')}
${menu('Brightline Home', ['Kitchen', 'Living', 'Bedroom', 'Bathroom', 'Garden', 'Lighting', 'Sale', 'New in'])}
<main class="product-page"><nav class="breadcrumb"><a href="/">Home</a> › <a href="/kitchen">Kitchen</a> › <a href="/kitchen/kettles">Kettles</a></nav>
<div class="product">
<div class="gallery">${[1, 2, 3, 4].map((i) => `<img src="/static/photo.svg" alt="Kettle K-200, view ${i}" width="600" height="600">`).join('')}</div>
<div class="buy-box"><h1 class="product-title">Kettle K-200 Temperature Control, 1.7 l, brushed steel</h1>
<p class="price"><span class="price__now">€89.00</span> <s class="price__was">€109.00</s></p>
<p class="rating">★★★★☆ 4.4 (312 reviews)</p>
<form class="add-to-cart"><select name="colour"><option>Brushed steel</option><option>Matt black</option></select><input type="number" value="1"><button>Add to basket</button></form>
<p class="delivery">Free delivery from €50 · Order by 4 pm for next-day delivery</p></div>
</div>
<section class="description"><h2>Description</h2>
<p>The K-200 heats water to exactly the temperature your drink needs: 70 °C for green tea, 80 °C for white tea, 90 °C for oolong and pour-over coffee, 100 °C for black tea. Choose with one touch on the handle, and the kettle holds the temperature for 30 minutes if you are not ready yet.</p>
<p>The body is double-walled brushed stainless steel, so the outside stays cool enough to touch and the water stays hot for longer. A removable, washable limescale filter sits in the spout, and the concealed element makes descaling a two-minute job.</p>
<p>The 360° base takes the kettle from any angle, with cord storage underneath. Quiet boil technology keeps the noise below 50 dB, about the level of a quiet conversation.</p>
</section>
<section class="specs"><h2>Specifications</h2><table class="spec-table">
<tr><th>Capacity</th><td>1.7 litres</td></tr><tr><th>Power</th><td>2,200 W</td></tr><tr><th>Temperatures</th><td>70, 80, 90, 100 °C</td></tr><tr><th>Keep warm</th><td>30 minutes</td></tr><tr><th>Material</th><td>Stainless steel, BPA-free plastic lid</td></tr><tr><th>Dimensions</th><td>22 × 16 × 25 cm</td></tr><tr><th>Weight</th><td>1.4 kg</td></tr><tr><th>Guarantee</th><td>3 years</td></tr>
</table></section>
<section class="reviews"><h2>Customer reviews</h2>
<div class="review"><p class="review__stars">★★★★★</p><p class="review__text">Finally green tea that is not bitter. Boils fast and is much quieter than my old one.</p><p class="review__author">— Sam, verified buyer</p></div>
<div class="review"><p class="review__stars">★★★☆☆</p><p class="review__text">Works well but the lid button needs a firm press.</p><p class="review__author">— Priya, verified buyer</p></div>
<a href="/kitchen/kettles/k-200/reviews">Read all 312 reviews</a></section>
${related('Customers also bought', ['Tea infuser, stainless steel', 'Glass teapot 1 l', 'Descaler tablets, 12 pack', 'Toaster T-200, 2 slots'])}
</main>
${footer('Brightline Home', ['Shop', 'Service', 'Company'])}`,
});

const FEATURE_SENTENCES = [
  'The river had been moving the same gravel for ten thousand years, and in one spring it moved more of it than in the previous century.',
  'Hydrologists who had spent their careers measuring the valley were not surprised by the flood itself, only by how quickly the channel reorganised itself afterwards.',
  'Farmers on the lower terraces remember the sound before they remember the water: a grinding, like a quarry working through the night.',
  'By the time the gauges were read the next morning, the main channel had shifted almost forty metres to the east.',
  'Old maps of the valley show the river in at least six different beds over the last three hundred years.',
  'Engineers in the 1950s straightened the lower reach to drain the meadows, and the river has been trying to undo their work ever since.',
  'What looks like a single event from the bridge is, from the air, a pattern that repeats every few decades.',
  'The village council has asked three times for the embankment to be raised, and three times the money has gone elsewhere.',
  'Some of the newest houses in the valley were built on exactly the land that flooded in 1927 and again in 1968.',
  'A geomorphologist from the university walked the new channel with a notebook and a range finder for eleven days.',
  'Her measurements suggest that the river will keep migrating east unless the gravel supply from the upper valley changes.',
  'Gravel extraction upstream was banned in 1994, and since then the bed has been rising by a few centimetres a year.',
  'That slow rise is invisible to anyone standing on the bank, but it means every flood now starts higher than the last.',
  'The fish ladder built at the weir in 2008 was left high and dry when the channel moved, a concrete staircase leading nowhere.',
  'Trout were found the following week in the flooded gravel pits, which the anglers’ club now wants to keep as they are.',
  'Insurance companies have started to ask questions about the valley that nobody asked when the mortgages were signed.',
  'One family has lived in the same farmhouse for seven generations, and each generation has a flood story to tell.',
  'The grandmother keeps a pencil line on the kitchen wall for every flood since 1946, each with a date and a name.',
  'In the county archive, the flood of 1927 fills a box of letters asking for compensation that never came.',
  'Restoring a river is not about putting it back where it was, but about giving it room to move without hurting anyone.',
  'Across the border, a similar valley bought back its floodplain farms and let the river braid freely across them.',
  'Twenty years on, the braided reach holds more water in a flood than any embankment could, and the villages downstream stay dry.',
  'The cost of buying the land was less than a third of what the embankments would have cost to maintain over the same period.',
  'Not everyone agrees: the farmers who sold say they were given no real choice, and some still drive past their old fields every week.',
  'Ecologists counted kingfishers, sand martins and little ringed plovers on the new gravel bars within two seasons.',
  'The debate in the valley is no longer about whether the river will move again, but about who decides where it may go.',
  'A planning officer said that every new permit in the valley now comes with a map of where the river has been.',
  'At the public meeting in the school hall, the loudest applause went to a retired ferryman who said the river was never ours to begin with.',
  'Satellite images from the past forty years, laid over one another, show the channel sweeping back and forth like a slow pendulum.',
  'Every model the engineers ran agreed on one thing: the next big flood will not follow the channel we see today.',
];
const FEATURE_HEADINGS = ['The night the river moved', 'Three hundred years of maps', 'A straightened river', 'Living on the floodplain', 'What the gravel says', 'The fish ladder to nowhere', 'Pencil lines on a kitchen wall', 'Across the border', 'Who decides', 'The next flood'];
const longRead = page({
  title: 'The river that will not stay put',
  site: 'The Long View',
  head: jsonLd({ '@context': 'https://schema.org', '@type': 'Article', headline: 'The river that will not stay put', author: { '@type': 'Person', name: 'Hanna Virtanen' } }),
  body: `${cookieBanner('The Long View')}
${menu('The Long View', ['Features', 'Science', 'Environment', 'Culture', 'Books', 'Photography', 'Podcasts', 'Archive'])}
<main><article class="feature">
<header class="feature__header"><p class="kicker">Environment</p><h1>The river that will not stay put</h1>
<p class="dek">For three centuries the people of the valley have tried to hold their river in one place. It keeps moving. A long look at what happens when a landscape refuses to be engineered.</p>
<p class="byline">Words by <a rel="author" href="/people/hanna-virtanen">Hanna Virtanen</a> · Photographs by Jonas Berg · <time datetime="2026-10-18">18 October 2026</time></p></header>
${shareBar()}
<div class="feature__body">
${FEATURE_HEADINGS.map((h, i) => {
  const ps = paragraphs(FEATURE_SENTENCES, 17, 100 + i).map((p) => `<p>${esc(p)}</p>`).join('\n');
  const fig = i % 3 === 1 ? `\n<figure class="feature__figure"><img src="/static/photo.svg" alt="The valley, section ${i + 1}" width="1200" height="600"><figcaption>The valley from the north ridge. Photograph: Jonas Berg</figcaption></figure>` : '';
  const quote = i % 4 === 2 ? `\n<blockquote class="pullquote"><p>${esc(FEATURE_SENTENCES[(i * 7) % FEATURE_SENTENCES.length])}</p></blockquote>` : '';
  const ad = i % 2 ? `\n<div class="ad ad--inline"><span>Advertisement</span></div>` : '';
  return `<h2>${h}</h2>\n${ps}${fig}${quote}${ad}`;
}).join('\n')}
<h2>Floods in the valley since 1900</h2>
<table><thead><tr><th>Year</th><th>Peak flow (m³/s)</th><th>Channel shift (m)</th><th>Homes flooded</th></tr></thead><tbody>
${[[1927, 410, 55, 38], [1954, 280, 12, 9], [1968, 390, 31, 44], [1987, 250, 8, 3], [2002, 330, 19, 21], [2026, 455, 38, 61]].map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>
</div>
<footer class="feature__footer"><p>This story was supported by a grant from the Rivers Reporting Fund.</p>${shareBar()}</footer>
</article>
${related('More long reads', ['The last lighthouse keepers', 'A year on the night ferry', 'The orchard that outlived its town', 'Salt roads of the north'])}
<section class="newsletter"><h2>The Long View, every Sunday</h2><form><input type="email" placeholder="Email"><button>Subscribe</button></form></section>
</main>
${footer('The Long View', ['Magazine', 'Subscriptions', 'About'])}`,
});

const recipe = page({
  title: 'One-pan lemon chicken with orzo and spinach',
  site: 'Weeknight Table',
  head: jsonLd({ '@context': 'https://schema.org', '@type': 'Recipe', name: 'One-pan lemon chicken with orzo', recipeYield: '4 servings', totalTime: 'PT40M' }),
  body: `${cookieBanner('Weeknight Table')}
${menu('Weeknight Table', ['Recipes', 'Quick', 'Vegetarian', 'Baking', 'Meal plans', 'Videos', 'Shop'])}
<main><article class="recipe-post">
<h1>One-pan lemon chicken with orzo and spinach</h1>
<p class="meta">By <span class="author">Dana Whitfield</span> · Updated <time datetime="2026-08-30">30 August 2026</time> · <a href="#recipe">Jump to recipe</a></p>
<div class="ad ad--top"><span>Advertisement</span></div>
<p>This is the dinner I make when the fridge is nearly empty and nobody wants to wash more than one pan. The chicken thighs brown first, the orzo toasts in their fat, and everything finishes together in the oven while you set the table.</p>
<p>The trick is to cook the orzo in stock rather than water, and to add the lemon twice: the zest at the start, for fragrance, and the juice at the very end, so that it stays bright. Spinach wilts into the hot pan in the last minute.</p>
<img src="/static/photo.svg" alt="Lemon chicken with orzo in a cast-iron pan" width="1200" height="600">
<div class="ad ad--inline"><span>Advertisement</span></div>
<p>Skin-on thighs give the best flavour, but boneless skinless thighs work too; reduce the oven time by five minutes. If you only have breasts, cut them in half horizontally so that they cook as fast as the pasta.</p>
<section class="recipe-card" id="recipe"><h2>Lemon chicken with orzo</h2><p>Serves 4 · Prep 10 min · Cook 30 min</p>
<h3>Ingredients</h3><ul class="ingredients">
<li>6 chicken thighs, skin on</li><li>1 tbsp olive oil</li><li>1 onion, finely chopped</li><li>3 garlic cloves, sliced</li><li>300 g orzo</li><li>750 ml hot chicken stock</li><li>1 lemon, zest and juice</li><li>150 g baby spinach</li><li>40 g parmesan, grated</li><li>Salt and black pepper</li></ul>
<h3>Method</h3><ol class="steps">
<li>Heat the oven to 200 °C. Season the chicken well and brown it skin side down in the oil in a large ovenproof pan over a medium-high heat, 8 minutes. Turn, cook 2 minutes more, and lift out.</li>
<li>Pour off all but 2 tablespoons of the fat. Soften the onion for 5 minutes, add the garlic and lemon zest for 1 minute, then stir in the orzo until it is coated and smells toasty.</li>
<li>Pour in the stock, bring to a simmer, and put the chicken back on top, skin side up. Bake uncovered for 15 to 18 minutes, until the orzo is tender and the chicken is cooked through.</li>
<li>Stir the spinach, lemon juice and parmesan into the orzo around the chicken until the spinach wilts. Taste for salt and serve straight from the pan.</li></ol>
<p class="recipe-card__note">Leftovers keep for 3 days in the fridge; add a splash of stock when you reheat.</p></section>
</article>
<section class="comments"><h2>Reviews (214)</h2><div class="comment"><p><b>Kerry</b> ★★★★★ Made this twice this week. Added peas with the spinach.</p></div><div class="comment"><p><b>Matt</b> ★★★★☆ Great, but my orzo needed 5 more minutes.</p></div></section>
${related('You might also like', ['Sheet-pan gnocchi with peppers', 'Chickpea and spinach curry', 'Lemon drizzle traybake', 'Creamy mushroom orzo'])}
</main>
${footer('Weeknight Table', ['Recipes', 'Company', 'Help'])}`,
});

const qa = page({
  title: 'Why does my git rebase say "no changes" and stop?',
  site: 'DevAnswers',
  body: `${menu('DevAnswers', ['Questions', 'Tags', 'Users', 'Unanswered', 'Jobs'])}
<div class="qa-layout"><nav class="left-sidebar"><a href="/">Home</a><a href="/questions">Questions</a><a href="/tags">Tags</a><a href="/users">Users</a><a href="/companies">Companies</a></nav>
<main id="mainbar" class="qa">
<h1 class="question-title">Why does my git rebase say "no changes" and stop?</h1>
<div class="question-stats">Asked 2 days ago · Viewed 3k times</div>
<div class="question post" id="question"><div class="votes">42</div><div class="post-body">
<p>I am rebasing a feature branch onto <code>main</code>. Halfway through, git stops with:</p>
<pre><code>No changes - did you forget to use 'git add'?
If there is nothing left to stage, chances are that something else
already introduced the same changes; you might want to skip this patch.</code></pre>
<p>I have not changed anything. <code>git status</code> shows a clean tree. What does it mean, and is it safe to continue?</p>
<div class="post-tags"><a class="tag" href="/tags/git">git</a> <a class="tag" href="/tags/rebase">rebase</a></div>
<div class="post-signature">asked by <a href="/users/4412/kemal">kemal</a></div></div></div>
<h2 class="answers-header">3 Answers</h2>
<div class="answer accepted post" id="answer-1"><div class="votes">71 ✓</div><div class="post-body">
<p>It means the commit being replayed makes no difference on top of the new base: its changes are already in <code>main</code>. That usually happens when the same fix was cherry-picked or merged into <code>main</code> separately, or when a squash merge of an earlier version of your branch landed there.</p>
<p>It is safe to drop that commit:</p>
<pre><code>git rebase --skip</code></pre>
<p>If you want git to drop such commits on its own in future, recent versions do that by default for commits that are exactly identical (<code>--empty=drop</code>); the message appears when the commit only became empty after conflict resolution.</p>
<div class="post-signature">answered by <a href="/users/77/ruth">ruth</a></div></div></div>
<div class="answer post" id="answer-2"><div class="votes">12</div><div class="post-body">
<p>To check before skipping, compare the commit with what is already upstream:</p>
<pre><code>git log --cherry-pick --oneline main...REBASE_HEAD</code></pre>
<p>Commits marked with <code>=</code> have an equivalent on the other side.</p>
<div class="post-signature">answered by <a href="/users/901/pavel">pavel</a></div></div></div>
<div class="answer post" id="answer-3"><div class="votes">3</div><div class="post-body"><p>Also happens if your editor reformatted the file back to exactly what main has. Skip it.</p></div></div>
<form class="answer-form"><h2>Your answer</h2><textarea></textarea><button>Post your answer</button></form>
</main>
<aside class="right-sidebar"><div class="widget"><h4>Linked</h4><ul><li><a href="/q/1">Git rebase: skip vs continue</a></li><li><a href="/q/2">What does REBASE_HEAD mean?</a></li></ul></div><div class="widget"><h4>Hot network questions</h4><ul>${['Why is the sky darker at the zenith?', 'Is it rude to reply-all?', 'Fastest way to sort 10 GB of text', 'How do fridge magnets work?', 'Which tense for a changelog?'].map((q) => `<li><a href="/hot/${q.length}">${q}</a></li>`).join('')}</ul></div></aside></div>
${footer('DevAnswers', ['Product', 'Company', 'Network'])}`,
});

const WIKI_SENTENCES = [
  'The settlement is first recorded in a charter of 1153, in which the abbey granted the villagers the right to hold a weekly market.',
  'Its name derives from the Old Norse words for "shallow bay", a reference to the sheltered inlet on which the harbour was built.',
  'During the sixteenth century the town prospered from the herring trade, and several of its merchant houses survive from that period.',
  'The population declined sharply after the fisheries collapsed in the 1870s, and many families emigrated to North America.',
  'The railway reached the town in 1889, bringing the first summer visitors from the cities to the south.',
  'The parish church of St Olaf has a fourteenth-century tower and a painted wooden ceiling restored in the 1990s.',
  'Today the economy rests on tourism, small-scale fishing and a ferry service to the islands.',
  'The climate is oceanic, with mild winters and cool summers, and the harbour rarely freezes.',
  'The annual regatta, held on the first weekend of August, has taken place almost every year since 1902.',
  'A local history museum occupies the former customs house on the quay.',
];
const wiki = page({
  title: 'Skarvik',
  site: 'Openpedia',
  body: `<div class="wiki"><header class="wiki-header"><a href="/" class="wiki-logo">Openpedia</a><form><input placeholder="Search Openpedia"></form><a href="/login">Log in</a></header>
<nav class="wiki-sidebar"><h3>Navigation</h3><ul><li><a href="/main">Main page</a></li><li><a href="/random">Random article</a></li><li><a href="/recent">Recent changes</a></li><li><a href="/help">Help</a></li><li><a href="/donate">Donate</a></li></ul><h3>Languages</h3><ul>${['Deutsch', 'Español', 'Français', 'Italiano', 'Nederlands', 'Norsk', 'Polski', 'Suomi', 'Svenska'].map((l) => `<li><a hreflang="x" href="/${l}">${l}</a></li>`).join('')}</ul></nav>
<main class="wiki-content" id="content"><h1 id="firstHeading">Skarvik</h1><div class="wiki-tabs"><a href="#">Article</a> <a href="/talk">Talk</a> <a href="/edit">Edit</a> <a href="/history">View history</a></div>
<div id="bodyContent"><div class="hatnote">For the island of the same name, see <a href="/wiki/Skarvik_Island">Skarvik Island</a>.</div>
<table class="infobox"><caption>Skarvik</caption><tr><th>Country</th><td>Norway</td></tr><tr><th>County</th><td>Vestland</td></tr><tr><th>Population (2024)</th><td>3,412</td></tr><tr><th>Area</th><td>14.2 km²</td></tr><tr><th>Founded</th><td>c. 1150</td></tr></table>
<p><b>Skarvik</b> is a small harbour town on the west coast of Norway, known for its sixteenth-century merchant houses and its annual regatta.<sup class="reference"><a href="#cite-1">[1]</a></sup></p>
<div id="toc" class="toc"><h2>Contents</h2><ol><li><a href="#History">History</a></li><li><a href="#Geography">Geography</a></li><li><a href="#Economy">Economy</a></li><li><a href="#Culture">Culture</a></li><li><a href="#References">References</a></li></ol></div>
${['History', 'Geography', 'Economy', 'Culture'].map((h, i) => `<h2 id="${h}">${h}<span class="editsection">[<a href="/edit?section=${i + 1}">edit</a>]</span></h2>\n${paragraphs(WIKI_SENTENCES, 3, 7 + i).map((p, j) => `<p>${esc(p)}<sup class="reference"><a href="#cite-${i + j + 1}">[${i + j + 1}]</a></sup></p>`).join('\n')}`).join('\n')}
<h2 id="References">References</h2><ol class="references">${[1, 2, 3, 4, 5, 6].map((n) => `<li id="cite-${n}">Halvorsen, K. (${1990 + n}). <i>Coastal towns of Vestland</i>. Bergen: Fjord Press. p. ${n * 17}.</li>`).join('')}</ol>
<div class="navbox"><b>Towns in Vestland</b>: ${['Askvoll', 'Bremanger', 'Florø', 'Førde', 'Masfjorden', 'Skarvik', 'Solund', 'Voss'].map((t) => `<a href="/wiki/${t}">${t}</a>`).join(' · ')}</div>
<div class="catlinks">Categories: <a href="/cat/1">Populated places in Vestland</a> · <a href="/cat/2">Port cities and towns in Norway</a></div></div></main>
<footer class="wiki-footer"><p>This page was last edited on 1 November 2026. Text is available under the Creative Commons Attribution-ShareAlike License.</p></footer></div>`,
});

const opinion = page({
  title: 'Opinion: Our libraries are the last free indoor space. Stop cutting their hours',
  site: 'The Civic Ledger',
  body: `${cookieBanner('The Civic Ledger')}
${menu('The Civic Ledger', ['News', 'Opinion', 'Ideas', 'Letters', 'Podcasts', 'Events'])}
<div class="paywall-modal" role="dialog" aria-modal="true" hidden><h2>You have read 3 of 5 free articles this month</h2><a href="/subscribe">Subscribe for €1</a></div>
<main><article class="column">
<p class="section-label"><a href="/opinion">Opinion</a></p>
<h1>Our libraries are the last free indoor space. Stop cutting their hours</h1>
<div class="author-box"><img src="/static/thumb.svg" alt="" width="64" height="64"><p class="byline">By <a rel="author" href="/authors/amara-nwosu">Amara Nwosu</a></p><p class="author-bio">Amara Nwosu is a librarian and the author of "Open Shelves".</p></div>
<time datetime="2026-10-29T06:00:00Z">29 October 2026</time>
<p>Where can you sit indoors, in the warm, for an afternoon, without buying anything? In most of our towns the honest answer is: the library, if it is open. Increasingly, it is not.</p>
<p>Over the last five years, the county has cut library opening hours by a third. Branches that used to open six days a week now open three. Evening hours, the only ones that working parents and shift workers can use, have almost disappeared.</p>
<aside class="pullquote"><p>A library that is closed is not a cheaper library. It is just a building.</p></aside>
<p>The savings are real but small: less than half of one per cent of the county's budget. The costs are harder to count, because they fall on people who do not write to councillors. The student without broadband at home. The pensioner whose heating bill has doubled. The job seeker who needs a printer and someone to help with an online form.</p>
<div class="newsletter-inline"><p>Get Opinion in your inbox</p><form><input type="email"><button>Sign up</button></form></div>
<p>Libraries have quietly become the front door of the welfare state. Staff help people apply for benefits, book doctor's appointments and fill in tax returns, because every one of those services has moved online and the library is where people go when they cannot manage it alone.</p>
<p>There is a cheaper way to keep the doors open than the council thinks. Several towns in the north now run "open libraries", where registered members can use the building with their card outside staffed hours, and staff time is kept for the hours when people need help most. It is not a replacement for librarians, but it is a great deal better than a locked door.</p>
<p>The budget is set next month. Councillors should restore evening hours in the five busiest branches, try open-library hours everywhere else, and stop treating the one free, warm, public room in town as a luxury.</p>
<p class="disclaimer"><em>Opinions expressed are the author's own. Write to us at letters@civicledger.example.</em></p>
${shareBar()}
</article>
${related('More opinion', ['Bus fares are a tax on the young', 'In defence of the four-day week', 'We need more public toilets, and we need them now'])}
<section class="comments"><h2>Comments</h2><p>Comments are closed on this article.</p></section>
</main>
${footer('The Civic Ledger', ['About', 'Subscribe', 'Legal'])}`,
});

const RELEASE_ITEMS = ['Faster start-up on large projects: the file index is now built in parallel and cached between runs.', 'The formatter keeps blank lines inside multi-line string literals.', 'New <code>--since</code> option limits the check to files changed since a git revision.', 'Windows: paths with non-ASCII characters are handled correctly in error messages.', 'The JSON reporter includes the rule documentation URL for every diagnostic.', 'Fixed a crash when a configuration file contained only comments.', 'Dropped support for Node 18, which reached its end of life.', 'The watch mode no longer re-checks files whose contents did not change.'];
const releaseNotes = page({
  title: 'Release notes: Lintwise 9.0',
  site: 'Lintwise blog',
  body: `${menu('Lintwise', ['Docs', 'Rules', 'Playground', 'Blog', 'Team', 'Sponsor'])}
<main class="blog"><article class="post">
<h1>Lintwise 9.0 is out</h1>
<p class="post__meta"><time datetime="2026-11-20">20 November 2026</time> · by <span class="author">the Lintwise team</span></p>
<p>Lintwise 9.0 is the biggest release since we rewrote the parser. It checks large projects up to three times faster, adds the long-requested <code>--since</code> option, and removes support for Node 18. Upgrading should take a few minutes for most projects; read the breaking changes below first.</p>
<h2>Highlights</h2>
<ul>${RELEASE_ITEMS.map((t) => `<li>${t}</li>`).join('')}</ul>
<h2>Speed</h2>
<p>On our benchmark of 40 open-source projects, a cold check is on average 2.8 times faster than in 8.4, and a warm check in watch mode 4.1 times faster. Most of the gain comes from building the file index in parallel and caching parse results on disk, keyed by the file's contents.</p>
<table><thead><tr><th>Project size</th><th>8.4</th><th>9.0</th></tr></thead><tbody><tr><td>1,000 files</td><td>3.1 s</td><td>1.2 s</td></tr><tr><td>10,000 files</td><td>29 s</td><td>9.8 s</td></tr><tr><td>50,000 files</td><td>162 s</td><td>51 s</td></tr></tbody></table>
<h2>Breaking changes</h2>
<ol><li>Node 20 or later is required.</li><li>The deprecated <code>legacy</code> preset has been removed; use <code>recommended</code>.</li><li>Rule options are now validated, and unknown options are an error instead of a warning.</li></ol>
<pre><code class="language-shell">npm install --save-dev lintwise@9
npx lintwise migrate</code></pre>
<p>Thank you to the 63 people who contributed to this release, and to our sponsors who make full-time maintenance possible.</p>
</article>
<aside class="sponsors"><h2>Sponsors</h2><ul>${['Acme Cloud', 'Boxwood', 'Northwind', 'Tailspin'].map((s) => `<li><a href="https://sponsor.example/${s}"><img src="/static/thumb.svg" alt="${s}" width="80" height="40"></a></li>`).join('')}</ul></aside>
</main>
${footer('Lintwise', ['Project', 'Community'])}`,
});

const localEvent = page({
  title: 'Harvest fair returns to the old market hall this weekend',
  site: 'Millbrook Local',
  body: `${menu('Millbrook Local', ['News', 'What\'s on', 'Schools', 'Sport', 'Notices', 'Contact'])}
<main><article>
<h1>Harvest fair returns to the old market hall this weekend</h1>
<p class="byline">By Millbrook Local staff · <time datetime="2026-09-24">24 September 2026</time></p>
<p>The harvest fair is back in the old market hall on Saturday and Sunday, for the first time since the roof repairs began two years ago. Doors open at 10 am both days, and entry is free.</p>
<p>More than forty stalls have signed up, from the beekeepers' association and the allotment society to bakers, cheesemakers and a cider press from the orchards above the village. The primary school choir sings at noon on Saturday, and the brass band plays on Sunday afternoon.</p>
<p>The giant vegetable competition returns too, with classes for the heaviest marrow, the longest runner bean and, new this year, the most oddly shaped potato. Entries must be at the hall by 9 am on Saturday.</p>
<p>Parking is limited. The organisers ask visitors to walk or cycle if they can, and a free shuttle bus will run every twenty minutes from the station car park.</p>
<ul class="event-facts"><li>Where: Old Market Hall, Church Street</li><li>When: Saturday and Sunday, 10 am to 5 pm</li><li>Entry: free</li></ul>
</article>
${related('What\'s on', ['Quiz night at the Red Lion', 'Village clean-up on Sunday', 'Library story hour returns'])}
</main>
${footer('Millbrook Local', ['Millbrook Local'])}`,
});

export const PAGES = [
  { name: 'news', html: news },
  { name: 'blog-code', html: blogCode },
  { name: 'docs', html: docs },
  { name: 'forum', html: forum },
  { name: 'product', html: product },
  { name: 'long-read', html: longRead },
  { name: 'recipe', html: recipe },
  { name: 'qa', html: qa },
  { name: 'wiki', html: wiki },
  { name: 'opinion', html: opinion },
  { name: 'release-notes', html: releaseNotes },
  { name: 'local-event', html: localEvent },
];

const PICTURE = (w, h, fill) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="${fill}"/><circle cx="${w * 0.7}" cy="${h * 0.3}" r="${h * 0.12}" fill="#f1ead2"/><path d="M0 ${h * 0.7} L${w * 0.3} ${h * 0.4} L${w * 0.55} ${h * 0.6} L${w} ${h * 0.35} V${h} H0 Z" fill="#2d4f73"/></svg>`;
export const STATIC = {
  '/static/site.js': { type: 'text/javascript', body: "document.body.dataset.siteJs = 'ran';\n" },
  '/static/site.css': { type: 'text/css', body: 'body { font-family: sans-serif; margin: 0 auto; max-width: 70rem; } .cookie-consent { position: fixed; bottom: 0; background: #fff; }\n' },
  '/static/photo.svg': { type: 'image/svg+xml', body: PICTURE(1200, 600, '#1f3b5c') },
  '/static/thumb.svg': { type: 'image/svg+xml', body: PICTURE(160, 90, '#5c3b1f') },
};
