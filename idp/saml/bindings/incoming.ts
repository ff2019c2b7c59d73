import { inflateRawSync } from 'node:zlib';
import type { Document } from '@xmldom/xmldom';
import type { Context } from 'koa';
import type { Config } from '../../../config/schema.ts';
import { parseXml, XmlError } from '../../../lib/xml.ts';
import { IdpError } from '../../errors.ts';
import { readForm } from '../../http/body.ts';
import type { BindingName } from '../constants.ts';

export type MessageParam = 'SAMLRequest' | 'SAMLResponse';

/** The detached signature of a message sent over HTTP-Redirect. */
export interface RedirectSignature {
  sigAlg: string;
  /** Base64 signature value. */
  signature: string;
  /** `SAMLRequest=...&RelayState=...&SigAlg=...` exactly as it was in the URL. */
  signedContent: string;
}

/** A SAML message as it arrived, decoded. */
export interface IncomingMessage {
  param: MessageParam;
  binding: BindingName;
  /** The base64 text as it travelled. */
  raw: string;
  xml: string;
  doc: Document;
  relayState: string | undefined;
  redirectSignature: RedirectSignature | undefined;
}

/** A message whose outer envelope is read but whose XML could not be decoded. */
export interface UndecodedMessage {
  param: MessageParam;
  binding: BindingName;
  raw: string;
  relayState: string | undefined;
}

export type Limits = Config['limits'];

/**
 * Reads a SAML message from a GET (HTTP-Redirect: deflate + base64 in the query) or a
 * POST (HTTP-POST: base64 in a form field). Every problem is an IdpError naming it;
 * `onUndecoded` sees the envelope of a message that fails (for the trace).
 */
export async function readSamlMessage(
  ctx: Context,
  options: {
    limits: Limits;
    accept: MessageParam[];
    onUndecoded?: (m: UndecodedMessage, e: IdpError) => void;
  },
): Promise<IncomingMessage> {
  const { limits, accept } = options;
  let fields: URLSearchParams;
  let binding: BindingName;
  if (ctx.method === 'GET') {
    if (Buffer.byteLength(ctx.querystring) > limits.maxMessageBytes) {
      throw new IdpError(
        'MESSAGE_TOO_LARGE',
        413,
        `the query string is over the limit of ${limits.maxMessageBytes} bytes (got ${Buffer.byteLength(ctx.querystring)})`,
        { hint: 'Raise limits.maxMessageBytes in the config if your SP really sends messages this large.' },
      );
    }
    fields = new URLSearchParams(ctx.querystring);
    binding = 'HTTP-Redirect';
  } else if (ctx.method === 'POST') {
    fields = await readForm(ctx, limits.maxMessageBytes);
    binding = 'HTTP-POST';
  } else {
    throw new IdpError(
      'METHOD_NOT_ALLOWED',
      405,
      `${ctx.method} is not a SAML binding; use GET (HTTP-Redirect) or POST (HTTP-POST)`,
    );
  }
  const param = accept.find((p) => fields.has(p));
  if (!param) {
    throw new IdpError(
      'MESSAGE_MISSING',
      400,
      `no ${accept.join(' or ')} parameter in the ${binding === 'HTTP-Redirect' ? 'query string' : 'form'}`,
      {
        hint: `Send the message as ${accept[0]} with the HTTP-Redirect (GET, deflated) or HTTP-POST (form) binding.`,
      },
    );
  }
  const raw = fields.get(param) ?? '';
  const relayState = fields.get('RelayState') ?? undefined;
  try {
    const bytes = decodeBase64(raw, param);
    const xml =
      binding === 'HTTP-Redirect' ? inflate(bytes, param, limits) : postedText(bytes, param, limits);
    const doc = parseMessageXml(xml, param);
    return {
      param,
      binding,
      raw,
      xml,
      doc,
      relayState,
      redirectSignature: binding === 'HTTP-Redirect' ? redirectSignature(ctx.querystring, param) : undefined,
    };
  } catch (error) {
    if (error instanceof IdpError) options.onUndecoded?.({ param, binding, raw, relayState }, error);
    throw error;
  }
}

export function decodeBase64(text: string, param: string): Buffer {
  const clean = text.replace(/\s+/g, '');
  if (!clean || clean.length % 4 === 1 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) {
    throw new IdpError('MESSAGE_NOT_BASE64', 400, `${param} is not base64 (${describe(clean)})`, {
      hint: 'SAML messages travel base64-encoded; check that the value was not cut or URL-decoded twice.',
    });
  }
  return Buffer.from(clean, 'base64');
}

function inflate(bytes: Buffer, param: string, limits: Limits): string {
  try {
    return inflateRawSync(bytes, { maxOutputLength: limits.maxInflatedBytes }).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new IdpError(
        'MESSAGE_TOO_LARGE',
        413,
        `${param} inflates to more than the limit of ${limits.maxInflatedBytes} bytes`,
        { hint: 'Raise limits.maxInflatedBytes in the config if your SP really sends messages this large.' },
      );
    }
    throw new IdpError(
      'MESSAGE_NOT_DEFLATE',
      400,
      `${param} is not DEFLATE-compressed data (${(error as Error).message})`,
      {
        hint: 'The HTTP-Redirect binding carries the message raw-DEFLATE compressed, then base64-encoded, then URL-encoded.',
      },
    );
  }
}

/**
 * The XML of an HTTP-POST message. The binding sends it uncompressed, but some SP
 * libraries (node-saml among them) deflate it anyway; that is accepted when the bytes
 * inflate, since refusing would only make the harness less useful.
 */
function postedText(bytes: Buffer, param: string, limits: Limits): string {
  const text = bytes.toString('utf8');
  if (/^\s*</.test(text)) return text;
  try {
    return inflate(bytes, param, limits);
  } catch (error) {
    if (error instanceof IdpError && error.code === 'MESSAGE_TOO_LARGE') throw error;
    return text;
  }
}

/** Parses a message's XML with the project's safe parser, translating its errors into IdpErrors. */
export function parseMessageXml(xml: string, what: string): Document {
  try {
    return parseXml(xml, what);
  } catch (error) {
    if (error instanceof XmlError) {
      throw error.code === 'XML_DTD_FORBIDDEN'
        ? new IdpError('XML_DTD_FORBIDDEN', 400, error.message, {
            hint: 'SAML messages never need a DOCTYPE; this one was refused before it was parsed.',
          })
        : error.code === 'XML_TOO_COMPLEX'
          ? new IdpError('XML_TOO_COMPLEX', 400, error.message, {
              hint: 'A SAML message nests about a dozen levels deep; this one was refused before it was parsed.',
            })
          : new IdpError('MESSAGE_NOT_XML', 400, error.message);
    }
    throw error;
  }
}

function redirectSignature(querystring: string, param: MessageParam): RedirectSignature | undefined {
  const tokens = new Map<string, string>();
  for (const token of querystring.split('&')) {
    const at = token.indexOf('=');
    const name = at < 0 ? token : token.slice(0, at);
    if (!tokens.has(name)) tokens.set(name, token);
  }
  const value = (name: string) => {
    const token = tokens.get(name);
    return token === undefined
      ? undefined
      : decodeURIComponent(token.slice(name.length + 1).replace(/\+/g, ' '));
  };
  const sigAlg = value('SigAlg');
  const signature = value('Signature');
  if (!sigAlg && !signature) return undefined;
  const signedContent = [tokens.get(param), tokens.get('RelayState'), tokens.get('SigAlg')]
    .filter((t) => t !== undefined)
    .join('&');
  return { sigAlg: sigAlg ?? '', signature: signature ?? '', signedContent };
}

function describe(text: string): string {
  if (!text) return 'it is empty';
  const bad = /[^A-Za-z0-9+/=]/.exec(text);
  if (bad) return `found "${bad[0]}" at position ${bad.index}`;
  return `length ${text.length} is not a valid base64 length`;
}
