/** JSON over HTTP against a running harness, as the UI talks to it. */
export function apiClient(baseUrl: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: method === 'GET' ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    // biome-ignore lint/suspicious/noExplicitAny: tests read the answers loosely.
    return { status: response.status, headers: response.headers, text, body: json as any };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call('POST', path, body, headers),
    put: (path: string, body?: unknown) => call('PUT', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/**
 * Reads Server-Sent Events until `done` says so (or the stream ends), at most `timeoutMs`.
 * `onOpen` runs once the stream is connected (to cause the events being waited for).
 */
export async function readEvents(
  url: string,
  done: (events: SseEvent[]) => boolean,
  options: { timeoutMs?: number; onOpen?: () => Promise<unknown> } = {},
): Promise<SseEvent[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs ?? 10_000);
  const events: SseEvent[] = [];
  try {
    const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
    if (response.headers.get('content-type')?.startsWith('text/event-stream') !== true) {
      throw new Error(`not an event stream: ${response.status} ${response.headers.get('content-type')}`);
    }
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let opened = false;
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += value;
      if (!opened) {
        opened = true;
        await options.onOpen?.();
      }
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = [...block.matchAll(/^data: (.*)$/gm)].map((m) => m[1]).join('\n');
        if (event) events.push({ event, data: data ? JSON.parse(data) : undefined });
        end = buffer.indexOf('\n\n');
      }
      if (done(events)) break;
    }
    abort.abort();
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
  }
  return events;
}
