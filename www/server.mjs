#!/usr/bin/env node
// Local host page server for article-cleaner: `npm start` (or `node www/server.mjs`).
//
// - Serves www/ on 127.0.0.1 (port from PORT, default 8080; PORT=0 picks a free one).
// - Serves the npm package built in pkg/ (tools/build-npm.mjs) at /pkg/: the page imports
//   /pkg/browser.js, the package's browser entry point, as any user of the package does.
//   `npm run build` runs first when the package is not built yet.
// - GET /fetch?url=... fetches a page for the "Open a web address" form and streams its bytes
//   through with the upstream Content-Type (http/https only, 5 redirects, 10 MB, 15 s). Errors
//   are plain-text sentences with a 4xx/5xx status; X-Final-Url and X-Max-Bytes go with a 200.
//
// Node built-ins only: no npm dependencies.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WWW = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(WWW);
/** The npm package (`npm run build`), served at /pkg/. */
const PKG = path.join(ROOT, 'pkg');

/** Limits of the /fetch endpoint (FETCH_TIMEOUT_MS overrides the timeout, for tests). */
export const FETCH_LIMITS = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  timeoutMs: Number(process.env.FETCH_TIMEOUT_MS) || 15_000,
  maxRedirects: 5,
});

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/** Content types that /fetch passes on: anything a page could be written in. */
const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain', 'application/xml', 'text/xml'];

// ---------------------------------------------------------------------------------------------
// Build what is missing

function ensureBuilt() {
  const entry = path.join(PKG, 'browser.js');
  const extension = path.join(WWW, 'extension', 'pkg', 'browser.js');
  if (fs.existsSync(entry) && fs.existsSync(extension)) return;
  const run = (cmd, args) => {
    console.log(`+ ${cmd} ${args.join(' ')}`);
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) {
      console.error(`article-cleaner: '${cmd} ${args.join(' ')}' failed; the host page needs the wasm build.`);
      process.exit(1);
    }
  };
  if (fs.existsSync(entry)) {
    run(process.execPath, [path.join(ROOT, 'tools', 'sync-web-assets.mjs')]);
  } else {
    console.log('pkg/ is missing: building the npm package first (npm run build)...');
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
  }
}

// ---------------------------------------------------------------------------------------------
// Static files

function sendError(res, status, message) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(message);
}

function serveStatic(req, res, pathname) {
  let rel;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return sendError(res, 400, 'Bad path');
  }
  if (rel.endsWith('/')) rel += 'index.html';
  // /pkg/... is the npm package itself; everything else is www/.
  const [base, dir] = rel.startsWith('/pkg/') ? [PKG, rel.slice('/pkg'.length)] : [WWW, rel];
  const file = path.normalize(path.join(base, dir));
  if (!file.startsWith(base + path.sep) || rel.includes('\0')) return sendError(res, 403, 'Forbidden');
  // The server's own source and dotfiles are not part of the site.
  const name = path.basename(file);
  if (name.startsWith('.') || file === fileURLToPath(import.meta.url)) return sendError(res, 404, 'Not found');
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) return sendError(res, 404, `Not found: ${rel}`);
    const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': st.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });
}

// ---------------------------------------------------------------------------------------------
// /fetch?url=

/** A few words for a failed upstream request (undici puts the system error in `cause`). */
function networkReason(err) {
  const code = err?.cause?.code || err?.code || '';
  const reasons = {
    ENOTFOUND: 'the host name could not be found',
    EAI_AGAIN: 'the host name could not be looked up',
    ECONNREFUSED: 'the connection was refused',
    ECONNRESET: 'the connection was reset',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host cannot be reached',
    ENETUNREACH: 'the network cannot be reached',
    UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
    UND_ERR_SOCKET: 'the connection failed',
  };
  if (reasons[code]) return reasons[code];
  if (/CERT|SSL|TLS/.test(code)) return `its TLS certificate was not accepted (${code})`;
  const msg = err?.cause?.message || err?.message || String(err);
  return code ? `${msg} (${code})` : msg;
}

function isHttpUrl(u) {
  return u.protocol === 'http:' || u.protocol === 'https:';
}

async function proxyFetch(req, res, search) {
  const target = search.get('url') || '';
  let url;
  try {
    url = new URL(target);
  } catch {
    return sendError(res, 400, `Not a valid URL: "${target.slice(0, 200)}"`);
  }
  if (!isHttpUrl(url)) return sendError(res, 400, `Only http and https URLs can be fetched, not ${url.protocol}`);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), FETCH_LIMITS.timeoutMs);
  req.on('close', () => {
    if (!res.writableEnded) controller.abort(new Error('client closed'));
  });
  try {
    let upstream;
    for (let hop = 0; ; hop++) {
      upstream = await fetch(url, {
        redirect: 'manual',
        signal: controller.signal,
        headers: {
          'User-Agent': 'Mozilla/5.0 (compatible; article-cleaner/0.1; reader view)',
          Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
        },
      });
      const location = upstream.headers.get('location');
      if (upstream.status >= 300 && upstream.status < 400 && location) {
        await upstream.body?.cancel();
        if (hop >= FETCH_LIMITS.maxRedirects) {
          return sendError(res, 502, `Too many redirects (more than ${FETCH_LIMITS.maxRedirects}) from ${target}`);
        }
        const next = new URL(location, url);
        if (!isHttpUrl(next)) return sendError(res, 502, `Redirected to a non-http URL (${next.protocol})`);
        url = next;
        continue;
      }
      break;
    }
    if (!upstream.ok) {
      await upstream.body?.cancel();
      return sendError(res, 502, `The site answered ${upstream.status} ${upstream.statusText || ''}`.trim() + ` for ${url.href}`);
    }
    const type = upstream.headers.get('content-type') || 'text/html';
    const mime = type.split(';')[0].trim().toLowerCase();
    if (!PAGE_TYPES.includes(mime)) {
      await upstream.body?.cancel();
      return sendError(res, 415, `That address is not a web page (it is ${mime}).`);
    }
    const declared = Number(upstream.headers.get('content-length'));
    if (declared > FETCH_LIMITS.maxBytes) {
      await upstream.body?.cancel();
      return sendError(res, 413, `The page is too large: ${declared} bytes (the limit is ${FETCH_LIMITS.maxBytes}).`);
    }
    res.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Final-Url': url.href,
      'X-Max-Bytes': String(FETCH_LIMITS.maxBytes),
    });
    let total = 0;
    for await (const chunk of upstream.body) {
      total += chunk.length;
      if (total > FETCH_LIMITS.maxBytes) {
        // Headers are gone: pass one byte over the cap and end, so the page sees that the body
        // exceeds X-Max-Bytes and reports "too large" rather than a vague network failure.
        res.write(chunk.subarray(0, chunk.length - (total - FETCH_LIMITS.maxBytes) + 1));
        break; // leaving the loop cancels the upstream body

      }
      if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  } catch (err) {
    const timedOut = controller.signal.aborted && controller.signal.reason?.message === 'timeout';
    sendError(res, timedOut ? 504 : 502, `Could not fetch ${url.href}: ${timedOut ? `it did not answer within ${FETCH_LIMITS.timeoutMs / 1000} s` : networkReason(err)}.`);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------

export function createServer() {
  return http.createServer((req, res) => {
    let u;
    try {
      u = new URL(req.url, 'http://127.0.0.1');
    } catch {
      return sendError(res, 400, 'Bad request');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'Method not allowed');
    if (u.pathname === '/fetch') {
      proxyFetch(req, res, u.searchParams).catch((e) => sendError(res, 500, String(e?.message || e)));
      return;
    }
    serveStatic(req, res, u.pathname);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureBuilt();
  const port = Number(process.env.PORT ?? 8080);
  const server = createServer();
  server.on('error', (e) => {
    console.error(`article-cleaner: cannot listen on 127.0.0.1:${port}: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    const { port: actual } = server.address();
    console.log(`article-cleaner host page: http://127.0.0.1:${actual}/`);
  });
}
