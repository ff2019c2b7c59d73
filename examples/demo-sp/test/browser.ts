import { createServer } from 'node:net';

export interface Page {
  status: number;
  url: string;
  body: string;
  headers: Headers;
}

/**
 * A browser without a browser, for tests: one cookie jar (cookies by name, enough on
 * 127.0.0.1), redirects followed by hand, and self-submitting forms posted.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  async get(url: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.request('GET', url, undefined, headers);
  }

  async post(url: string, form: Record<string, string>): Promise<Page> {
    return this.request('POST', url, new URLSearchParams(form).toString());
  }

  /** Follows redirects and auto-post forms until a page that is neither. */
  async follow(start: Page | string, maxHops = 20): Promise<Page> {
    let page = typeof start === 'string' ? await this.get(start) : start;
    for (let hop = 0; hop < maxHops; hop++) {
      const location = page.headers.get('location');
      if (page.status >= 300 && page.status < 400 && location) {
        page = await this.get(new URL(location, page.url).href);
        continue;
      }
      const form = autoPostForm(page.body);
      if (form) {
        page = await this.post(new URL(form.action, page.url).href, form.fields);
        continue;
      }
      return page;
    }
    throw new Error(`more than ${maxHops} hops from ${typeof start === 'string' ? start : start.url}`);
  }

  async me(spUrl: string): Promise<{ status: number; user: Record<string, unknown> | null }> {
    const page = await this.get(`${spUrl}/me`, { accept: 'application/json' });
    return {
      status: page.status,
      user: (JSON.parse(page.body) as { user: Record<string, unknown> | null }).user,
    };
  }

  private async request(
    method: 'GET' | 'POST',
    url: string,
    body?: string,
    extra: Record<string, string> = {},
  ): Promise<Page> {
    const headers: Record<string, string> = { ...extra };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method, body, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, url, body: await response.text(), headers: response.headers };
  }
}

function autoPostForm(html: string): { action: string; fields: Record<string, string> } | undefined {
  if (!/onload=|\.submit\(\)|data-auto-post/.test(html)) return undefined;
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const fields: Record<string, string> = {};
  for (const input of form[2]!.matchAll(/<input[^>]*>/gi)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
    if (name) fields[name] = decodeEntities(value);
  }
  return { action: decodeEntities(form[1]!), fields };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCharCode(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d)))
    .replace(/&amp;/g, '&');
}

/** A port free right now on 127.0.0.1 (for two servers that must know each other's URL). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
