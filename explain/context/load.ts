import { readFile, stat } from 'node:fs/promises';
import { describeError } from '../../lib/errors.ts';
import { explainDefaults } from '../defaults.ts';
import { ExplainError } from '../errors.ts';

/** A context document: given as text, read from a file (CLI only) or fetched from an http(s) URL. */
export type Source = { text: string } | { url: string } | { file: string };

/** Where a source came from, for the report. */
export function describeSource(source: Source, what: string): string {
  if ('url' in source) return `${what} ${source.url}`;
  if ('file' in source) return `${what} file ${source.file}`;
  return `${what} (given)`;
}

/**
 * The text of a source, bounded in size and time. Throws ExplainError EXPLAIN_CONTEXT
 * naming the source and what went wrong.
 */
export async function loadSource(source: Source, what: string): Promise<string> {
  const max = explainDefaults.limits.maxContextBytes;
  if ('text' in source) {
    if (Buffer.byteLength(source.text) > max) throw contextError(`${what} is over ${max} bytes`);
    return source.text;
  }
  if ('file' in source) {
    try {
      const info = await stat(source.file);
      if (info.size > max) throw contextError(`${what} file ${source.file} is over ${max} bytes`);
      return await readFile(source.file, 'utf8');
    } catch (error) {
      if (error instanceof ExplainError) throw error;
      throw contextError(`cannot read ${what} file ${source.file}: ${describeError(error)}`);
    }
  }
  return fetchText(source.url, what);
}

export async function fetchText(url: string, what: string): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw contextError(`${what} URL "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw contextError(`${what} URL "${url}" is not http(s)`);
  }
  const limits = explainDefaults.limits;
  let response: Response;
  try {
    response = await fetch(parsed, {
      signal: AbortSignal.timeout(limits.fetchTimeoutMs),
      headers: { accept: 'application/json, application/samlmetadata+xml, application/xml, text/xml' },
    });
  } catch (error) {
    throw contextError(`cannot fetch ${what} from ${url}: ${describeError(error)}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw contextError(`${what} at ${url} answered HTTP ${response.status}`);
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limits.maxContextBytes) {
      await reader.cancel();
      throw contextError(`${what} at ${url} is over ${limits.maxContextBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function contextError(message: string, hint?: string): ExplainError {
  return new ExplainError('EXPLAIN_CONTEXT', message, { hint });
}
