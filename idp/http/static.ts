import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Middleware } from 'koa';

/** Content types of what `vite build` writes. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths that belong to the providers and the API, never to the UI. */
const reserved = /^\/(api|saml|oidc)(\/|$)/;

export interface StaticUiOptions {
  /** The build output (`dist/ui`). */
  dir: string;
}

/**
 * Serves the built UI: files as they are, with their content type; hashed assets cached
 * for good, index.html never. Any other page a browser navigates to gets index.html, so
 * the UI's own paths (/runs/<id>) survive a reload. Without a build, it stays out of the way.
 */
export function staticUi(options: StaticUiOptions): Middleware {
  const root = resolve(options.dir);
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || reserved.test(ctx.path)) return next();
    const file = await findFile(root, ctx.path);
    if (file) {
      send(ctx, file, ctx.path.startsWith('/assets/'));
      return;
    }
    // A browser navigating asks for text/html by name; scripts and images ask for */*. UI
    // paths may hold dots (scenario ids), so the extension cannot tell them apart.
    const wantsPage = !ctx.path.startsWith('/assets/') && /\btext\/html\b/.test(ctx.get('accept'));
    const index = join(root, 'index.html');
    if (wantsPage && (await isFile(index))) {
      send(ctx, index, false);
      return;
    }
    return next();
  };
}

function send(ctx: Parameters<Middleware>[0], file: string, immutable: boolean): void {
  ctx.type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
  ctx.set('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.body = ctx.method === 'HEAD' ? '' : createReadStream(file);
}

async function findFile(root: string, path: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const candidate = normalize(join(root, decoded === '/' ? 'index.html' : decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  return (await isFile(candidate)) ? candidate : undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
