import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { IdpError } from '../../errors.ts';

// The CommonJS modules, not ES module imports of node:http and node:https, which load
// fetch's undici at start-up (see idp/server.ts).
const { request: httpRequest } = process.getBuiltinModule('node:http');
const { request: httpsRequest } = process.getBuiltinModule('node:https');

/**
 * Limits of a metadata download. The harness fetches an SP's metadata from the URL a
 * person typed (or the config names), so it reaches what that person could reach with
 * curl, with these exceptions:
 *
 * - only http: and https:;
 * - the host must be a name, a dotted-quad IPv4 address or a bracketed IPv6 address:
 *   numeric shorthands (`0x7f000001`, `2130706433`, `0177.0.0.1`, `127.1`) are refused,
 *   since they exist mostly to slip past address filters;
 * - never link-local (169.254.0.0/16, fe80::/10: cloud metadata services), the
 *   unspecified address (0.0.0.0, ::) or multicast, checked on the address the name
 *   resolves to, for every redirect hop;
 * - at most `maxRedirects` redirects, `timeoutMs` in all, and a body of at most
 *   `maxBytes`, read as a stream and dropped the moment it passes the limit.
 *
 * Loopback and private addresses stay allowed: the SP under test usually lives there.
 */
export const metadataFetchLimits = {
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  timeoutMs: 5000,
};

const refused = new BlockList();
refused.addSubnet('169.254.0.0', 16, 'ipv4');
refused.addSubnet('224.0.0.0', 4, 'ipv4');
refused.addAddress('0.0.0.0', 'ipv4');
refused.addAddress('255.255.255.255', 'ipv4');
refused.addSubnet('fe80::', 10, 'ipv6');
refused.addSubnet('ff00::', 8, 'ipv6');
refused.addAddress('::', 'ipv6');

/**
 * Downloads SP metadata within `metadataFetchLimits`. Every failure is an IdpError
 * (`SP_METADATA_INVALID`, 422) naming the URL and what went wrong.
 */
export async function fetchMetadataText(url: string, limits = metadataFetchLimits): Promise<string> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    checkUrl(current, url);
    const response = await get(current, signal, url, limits.timeoutMs);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.destroy();
      if (hop >= limits.maxRedirects) {
        throw failure(url, `more than ${limits.maxRedirects} redirects`);
      }
      current = new URL(location, current).href;
      continue;
    }
    if (status < 200 || status >= 300) {
      response.destroy();
      throw failure(
        url,
        `the server answered HTTP ${status}`,
        'Check the URL; some SPs publish metadata only after SAML is enabled in their settings.',
      );
    }
    return readCapped(response, url, limits.maxBytes);
  }
}

function checkUrl(current: string, original: string): void {
  let parsed: URL;
  try {
    parsed = new URL(current);
  } catch {
    throw failure(original, `"${current}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw failure(original, `${parsed.protocol} URLs are not fetched (only http: and https:)`);
  }
  const raw = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(current)?.[1] ?? '';
  if (!raw.startsWith('[') && /^[0-9a-fx.]+$/i.test(raw) && /^[0-9x.]/i.test(raw) && !isDottedQuad(raw)) {
    throw failure(
      original,
      `the host "${raw}" is a numeric shorthand for an address; write it as a name or a dotted-quad address`,
    );
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isRefused(host))
    throw failure(original, `the address ${host} is not fetched (link-local, unspecified or multicast)`);
}

function isDottedQuad(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isRefused(address: string): boolean {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return mapped ? refused.check(mapped, 'ipv4') : refused.check(address, family);
}

/** DNS lookup that refuses names resolving to a refused address. */
function guardedLookup(
  hostname: string,
  options: object,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isRefused(a.address));
    if (bad) {
      const refusal: NodeJS.ErrnoException = new Error(
        `${hostname} resolves to ${bad.address}, which is not fetched (link-local, unspecified or multicast)`,
      );
      refusal.code = 'EADDRREFUSED';
      return callback(refusal, []);
    }
    if ((options as { all?: boolean }).all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

function get(
  url: string,
  signal: AbortSignal,
  original: string,
  timeoutMs: number,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.startsWith('https:') ? httpsRequest : httpRequest)(
      url,
      {
        method: 'GET',
        signal,
        lookup: guardedLookup as never,
        headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml, */*' },
      },
      resolve,
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.name === 'AbortError' || signal.aborted
          ? `no complete answer within ${timeoutMs / 1000} s`
          : error.code === 'EADDRREFUSED'
            ? error.message
            : (error.code ?? error.message);
      reject(
        failure(
          original,
          why,
          'Is the SP running, and does it publish its metadata at this URL? You can also upload or paste the XML.',
        ),
      );
    });
    request.end();
  });
}

async function readCapped(response: IncomingMessage, url: string, maxBytes: number): Promise<string> {
  const declared = Number(response.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    response.destroy();
    throw failure(url, `the metadata is ${declared} bytes, over the limit of ${maxBytes}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        response.destroy();
        throw failure(url, `the metadata is over the limit of ${maxBytes} bytes; stopped reading`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof IdpError) throw error;
    throw failure(url, `the download broke off (${(error as Error).message})`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function failure(url: string, why: string, hint?: string): IdpError {
  return new IdpError('SP_METADATA_INVALID', 422, `could not fetch the SP metadata from ${url}: ${why}`, {
    hint: hint ?? 'You can also upload or paste the metadata XML.',
  });
}
