import { z } from 'zod';
import type { FlowStep } from '../types.ts';
import type { Capture, CapturedMessage } from './capture.ts';
import { messagesOfParams } from './params.ts';
import { unreadableCheck } from './unreadable.ts';

/**
 * HTTP Archive 1.2 (W3C draft "HTTP Archive (HAR) format"), the parts this reader uses.
 * Browsers and proxies add much more; unknown members are kept out of the way, not refused.
 */
const nameValue = z.object({ name: z.string(), value: z.string().optional().default('') });

const harEntry = z.object({
  startedDateTime: z.string().optional(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(nameValue).optional().default([]),
    postData: z
      .object({
        mimeType: z.string().optional(),
        text: z.string().optional(),
        params: z.array(nameValue).optional(),
      })
      .optional(),
  }),
  response: z
    .object({
      status: z.number().optional(),
      headers: z.array(nameValue).optional().default([]),
      redirectURL: z.string().optional(),
      content: z
        .object({
          mimeType: z.string().optional(),
          text: z.string().optional(),
          encoding: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
});

export const harSchema = z.object({
  log: z.object({
    version: z.string().optional(),
    creator: z.object({ name: z.string().optional() }).optional(),
    entries: z.array(harEntry),
  }),
});

export type Har = z.infer<typeof harSchema>;
type HarEntry = z.infer<typeof harEntry>;

/** Whether a parsed JSON value is meant as a HAR file (it has log.entries). */
export function isHar(value: unknown): boolean {
  const log = (value as { log?: { entries?: unknown } } | null)?.log;
  return typeof log === 'object' && log !== null && Array.isArray(log.entries);
}

/**
 * Every SAML and OIDC message of a HAR file in order, with the requests and redirects
 * between them. A message that cannot be decoded is a problem; the others are read.
 */
export function readHar(value: unknown, maxMessages: number): Capture {
  const parsed = harSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      kind: 'har',
      messages: [],
      flow: [],
      problems: [
        {
          id: 'input.har',
          status: 'problem',
          text: `the HAR file is not valid: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
          spec: 'W3C HTTP Archive (HAR) format 1.2',
        },
      ],
    };
  }
  return readEntries(parsed.data.log.entries, maxMessages, 'har');
}

/** Reads HAR-shaped entries (also used for SAML-tracer exports, turned into entries first). */
export function readEntries(entries: HarEntry[], maxMessages: number, kind: 'har' | 'saml-tracer'): Capture {
  const capture: Capture = { kind, messages: [], flow: [], problems: [] };
  for (const entry of entries) {
    if (capture.messages.length >= maxMessages) {
      capture.problems.push({
        id: 'input.size',
        status: 'warning',
        text: `the capture holds more than ${maxMessages} SSO messages; only the first ${maxMessages} are explained`,
      });
      break;
    }
    const step: FlowStep = {
      index: capture.flow.length,
      method: entry.request.method.toUpperCase(),
      url: entry.request.url,
      status: entry.response?.status,
      location: locationOf(entry),
      at: entry.startedDateTime,
      messages: [],
    };
    let found: CapturedMessage[] = [];
    try {
      found = messagesOfEntry(entry, step.index);
    } catch (error) {
      capture.problems.push({ ...unreadableCheck(error), where: `${step.method} ${shortUrl(step.url)}` });
    }
    for (const message of found) {
      step.messages.push(capture.messages.length);
      capture.messages.push(message);
    }
    if (found.length > 0 || isNavigation(entry, step)) capture.flow.push(step);
  }
  capture.capturedAt = capture.messages.find((m) => m.at)?.at;
  return capture;
}

function messagesOfEntry(entry: HarEntry, step: number): CapturedMessage[] {
  const url = entry.request.url;
  const at = entry.startedDateTime;
  const out: CapturedMessage[] = [];
  let parsedUrl: URL | undefined;
  try {
    parsedUrl = new URL(url);
  } catch {
    parsedUrl = undefined;
  }
  if (parsedUrl?.search) {
    out.push(...messagesOfParams(parsedUrl.search, { binding: 'HTTP-Redirect', url, at, step }));
  }
  if (parsedUrl?.hash) out.push(...messagesOfParams(parsedUrl.hash, { binding: 'fragment', url, at, step }));
  const body = formBody(entry);
  if (body !== undefined) {
    const posted = messagesOfParams(body, { binding: 'HTTP-POST', url, at, step });
    out.push(...posted);
    const params = new URLSearchParams(body);
    if (params.get('grant_type') && entry.response?.content?.text !== undefined) {
      out.push({
        kind: 'oidc-token-response',
        binding: 'back-channel',
        url,
        at,
        step,
        status: entry.response.status,
        body: contentText(entry),
      });
    }
  }
  return out;
}

function formBody(entry: HarEntry): string | undefined {
  const post = entry.request.postData;
  if (!post || entry.request.method.toUpperCase() !== 'POST') return undefined;
  if (post.params && post.params.length > 0) {
    return new URLSearchParams(post.params.map((p) => [p.name, decodeMaybe(p.value)])).toString();
  }
  if (post.text === undefined) return undefined;
  if (post.mimeType && !post.mimeType.startsWith('application/x-www-form-urlencoded')) return undefined;
  return post.text;
}

/** HAR writers differ on whether params values are URL-encoded; a '%XX' says they are. */
function decodeMaybe(value: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

function contentText(entry: HarEntry): string {
  const content = entry.response?.content;
  if (!content?.text) return '';
  return content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
}

function locationOf(entry: HarEntry): string | undefined {
  const header = entry.response?.headers.find((h) => h.name.toLowerCase() === 'location')?.value;
  return entry.response?.redirectURL || header || undefined;
}

/** Requests worth showing in the flow: redirects, form posts, pages; not images and scripts. */
function isNavigation(entry: HarEntry, step: FlowStep): boolean {
  if (/\.(ico|png|jpe?g|gif|svg|webp|css|js|mjs|map|woff2?|ttf)(\?|$)/i.test(step.url.split('#')[0]!))
    return false;
  if (step.status !== undefined && step.status >= 300 && step.status < 400) return true;
  if (step.method === 'POST') return true;
  const mime = entry.response?.content?.mimeType ?? '';
  return mime.startsWith('text/html');
}

export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.slice(0, 120);
  }
}
