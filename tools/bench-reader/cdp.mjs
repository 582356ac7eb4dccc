// A minimal DevTools-protocol client over Chromium's --remote-debugging-pipe (messages are JSON
// separated by NUL bytes on file descriptors 3 and 4), for tools/bench-reader.mjs.
//
// Why not playwright-core: it attaches to every new tab and holds it paused until it has set the
// tab up, which adds its own milliseconds to exactly the span the bench measures (click to
// article). Here nothing is attached to the reader tab until the bench asks for its timestamp.

import { spawn } from 'node:child_process';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/e2e/harness.mjs';

/** Start Chromium with `extensionDir` loaded, in the profile `profileDir`. Returns a Browser. */
export async function launch({ extensionDir, profileDir }) {
  const proc = spawn(
    CHROMIUM,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      '--remote-debugging-pipe',
      '--enable-unsafe-extension-debugging',
      `--user-data-dir=${profileDir}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--window-size=1280,1000',
      // Diagnostics only (e.g. BENCH_CHROMIUM_ARGS='--js-flags=--liftoff-only'): never in a reported run.
      ...(process.env.BENCH_CHROMIUM_ARGS ? process.env.BENCH_CHROMIUM_ARGS.split(' ') : []),
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const browser = new Browser(proc, () => stderr);
  await browser.send('Target.setDiscoverTargets', { discover: true, filter: [{}] });
  return browser;
}

export class Browser {
  constructor(proc, stderr) {
    this.proc = proc;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.targets = new Map();
    let buffered = '';
    proc.stdio[4].on('data', (chunk) => {
      buffered += chunk;
      let end;
      while ((end = buffered.indexOf('\0')) >= 0) {
        this.dispatch(JSON.parse(buffered.slice(0, end)));
        buffered = buffered.slice(end + 1);
      }
    });
    proc.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error(`Chromium exited:\n${stderr()}`));
      this.pending.clear();
    });
  }

  dispatch(msg) {
    if (msg.id) {
      const waiting = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) waiting?.reject(new Error(`${waiting.method}: ${msg.error.message}`));
      else waiting?.resolve(msg.result);
      return;
    }
    if (msg.method === 'Target.targetCreated' || msg.method === 'Target.targetInfoChanged') {
      this.targets.set(msg.params.targetInfo.targetId, msg.params.targetInfo);
    } else if (msg.method === 'Target.targetDestroyed') {
      this.targets.delete(msg.params.targetId);
    }
    for (const listener of this.listeners) listener(msg);
  }

  /** One protocol command; `sessionId` addresses an attached target. */
  send(method, params = {}, sessionId) {
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.proc.stdio[3].write(message + '\0');
    });
  }

  /** Resolves with the first known or future target for which `test(targetInfo)` holds. */
  waitForTarget(test, what = 'a target', timeoutMs = 15_000) {
    return new Promise((resolve, reject) => {
      const found = [...this.targets.values()].find(test);
      if (found) return resolve(found);
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out waiting for ${what}; targets: ${[...this.targets.values()].map((t) => `${t.type} ${t.url}`).join(', ')}`));
      }, timeoutMs);
      // A wait nobody needs any more (the in-page reader came first) does not hold the process.
      timer.unref();
      const listener = () => {
        const hit = [...this.targets.values()].find(test);
        if (!hit) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(hit);
      };
      this.listeners.add(listener);
    });
  }

  async attach(targetId) {
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    return sessionId;
  }

  /** Evaluate `expression` in an attached target; returns its (awaited) value. */
  async evaluate(sessionId, expression) {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description || exceptionDetails.text);
    return result.value;
  }

  async close() {
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    this.send('Browser.close').catch(() => {});
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
