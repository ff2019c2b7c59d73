import { z } from 'zod';
import type { Capture } from './capture.ts';
import { readEntries } from './har.ts';

/**
 * The export of the SAML-tracer browser extension: `{ requests: [...], timestamp }`, each
 * request with its method, URL, POST parameters (as [name, value] pairs, or objects in
 * older exports) and response status and headers.
 */
const header = z.union([
  z.object({ name: z.string(), value: z.string().optional().default('') }),
  z.tuple([z.string(), z.string()]).transform(([name, value]) => ({ name, value })),
]);

const tracerRequest = z.object({
  method: z.string(),
  url: z.string(),
  post: z
    .array(
      z.union([
        z.tuple([z.string(), z.string()]).transform(([name, value]) => ({ name, value })),
        z.object({ name: z.string(), value: z.string().optional().default('') }),
      ]),
    )
    .nullish(),
  responseStatus: z.number().nullish(),
  responseHeaders: z.array(header).nullish(),
});

export const samlTracerSchema = z.object({
  requests: z.array(tracerRequest),
  timestamp: z.string().optional(),
});

export function isSamlTracer(value: unknown): boolean {
  const requests = (value as { requests?: unknown } | null)?.requests;
  return Array.isArray(requests) && !('log' in (value as object));
}

export function readSamlTracer(value: unknown, maxMessages: number): Capture {
  const parsed = samlTracerSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      kind: 'saml-tracer',
      messages: [],
      flow: [],
      problems: [
        {
          id: 'input.har',
          status: 'problem',
          text: `the SAML-tracer export is not valid: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
        },
      ],
    };
  }
  const entries = parsed.data.requests.map((r) => ({
    startedDateTime: parsed.data.timestamp,
    request: {
      method: r.method,
      url: r.url,
      headers: [],
      postData: r.post?.length
        ? { mimeType: 'application/x-www-form-urlencoded', params: r.post }
        : undefined,
    },
    response: {
      status: r.responseStatus ?? undefined,
      headers: r.responseHeaders ?? [],
      redirectURL: undefined,
      content: undefined,
    },
  }));
  const capture = readEntries(entries, maxMessages, 'saml-tracer');
  // The export is stamped once, when it was saved: not when each request was made.
  for (const m of capture.messages) m.at = undefined;
  for (const s of capture.flow) s.at = undefined;
  capture.capturedAt = undefined;
  return capture;
}
