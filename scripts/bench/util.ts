/** Helpers shared by the bench phases: process CPU and memory from /proc, waiting, a tiny browser. */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CookieJar } from '../../runner/drivers/cookie-jar.ts';

export { CookieJar };

/** User + system CPU of a process so far, in ms (Linux /proc, clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/**
 * User + system CPU, in ms, of this process's children that have exited and been reaped
 * (Linux /proc/self/stat `cutime` and `cstime`): read before and after a child runs, the
 * difference is that child's CPU, its own children included.
 */
export function reapedChildrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of stat (13 and 14 after the command name), in clock ticks.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

/** Resident memory of a process, in MB. */
export function processRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The p-th percentile of sorted numbers, one decimal. */
export function pct(sorted: number[], p: number): string {
  return (sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0).toFixed(1);
}

/** Polls `url` every 10 ms until it answers one of `okStatuses`; throws after `timeoutMs`. */
export async function waitFor(url: string, okStatuses = [200], timeoutMs = 30_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (okStatuses.includes(response.status)) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${url} did not answer`);
}

/** Resolves with the exit code once the child has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill();
});

/** Remembers a child this bench started, so it is ended even when the bench fails. */
export function track<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Ends a child this bench started and waits for it. */
export async function stop(child: ChildProcess): Promise<void> {
  child.kill();
  await exited(child);
}

/**
 * Requests per origin, counted on the global fetch (which openid-client uses too), so a
 * login's front- and back-channel requests to an IdP can be counted.
 */
export const requestCounts = new Map<string, number>();
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const origin = new URL(url).origin;
  requestCounts.set(origin, (requestCounts.get(origin) ?? 0) + 1);
  return realFetch(input, init);
};

/**
 * A browser of one login: follows redirects, submits a page's auto-post form (SAML POST
 * binding) or its login/consent form, until a URL starting with `until` (answered with that
 * URL) or a form that posts to it (answered with the form's fields).
 */
export async function browse(
  jar: CookieJar,
  start: string,
  until: string,
): Promise<{ url: string; fields?: URLSearchParams }> {
  let url = start;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(until)) return { url, fields: body ? new URLSearchParams(body) : undefined };
    const headers: Record<string, string> = {};
    const cookie = jar.header(new URL(url));
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    jar.store(new URL(url), response.headers.getSetCookie());
    const text = await response.text();
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const form =
      /<form[^>]*action="([^"]+)"[^>]*method="post"|<form[^>]*method="post"[^>]*action="([^"]+)"/i.exec(text);
    if (!form) throw new Error(`stuck at ${url}: HTTP ${response.status}`);
    const fields = new URLSearchParams();
    for (const [tag] of text.matchAll(/<input\b[^>]*>/gi)) {
      const name = /\bname="([^"]*)"/.exec(tag)?.[1];
      if (name) fields.set(name, decodeEntities(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? ''));
    }
    if (fields.has('login')) fields.set('login', 'grace');
    if (fields.has('password')) fields.set('password', 'x');
    url = new URL(decodeEntities(form[1] ?? form[2]!), url).href;
    method = 'POST';
    body = fields.toString();
  }
  throw new Error(`no way to ${until}`);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
