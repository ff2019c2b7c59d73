import { Router } from '@koa/router';
import type { Context, Middleware } from 'koa';
import { z } from 'zod';
import type { Config, TargetConfig } from '../config/schema.ts';
import { composeRouter } from '../idp/api/index.ts';
import { parseInput } from '../idp/api/json.ts';
import type { IdpContext, MountedProvider } from '../idp/context.ts';
import { IdpError } from '../idp/errors.ts';
import { readText } from '../idp/http/body.ts';
import { HarnessError } from '../lib/errors.ts';
import { type ContextOptions, resolveContext } from './context/index.ts';
import { explainDefaults } from './defaults.ts';
import { ExplainError } from './errors.ts';
import { explain, explainOversized } from './explain.ts';
import { renderHtml } from './render/html.ts';

/** The body of `POST /api/explain`. Context is given inline or as http(s) URLs, never as server file paths. */
export const explainRequestSchema = z.strictObject({
  input: z.string(),
  name: z.string().max(200).optional(),
  sp: z
    .strictObject({
      metadataXml: z.string().optional(),
      metadataUrl: z.url().optional(),
      entityId: z.string().optional(),
      acsUrls: z.array(z.string()).optional(),
      clientId: z.string().optional(),
      redirectUris: z.array(z.string()).optional(),
      requiredAttributes: z.array(z.string()).optional(),
      requiredClaims: z.array(z.string()).optional(),
    })
    .optional(),
  idp: z
    .strictObject({
      metadataXml: z.string().optional(),
      metadataUrl: z.url().optional(),
      discoveryUrl: z.url().optional(),
      jwks: z.string().optional(),
      jwksUrl: z.url().optional(),
      issuer: z.string().optional(),
    })
    .optional(),
  /** A target of the harness (config or saved) and optionally its connection. */
  target: z.string().optional(),
  connection: z.string().optional(),
  /** The SP's private key (PEM), to decrypt EncryptedAssertion and JWE. */
  decryptionKey: z.string().optional(),
  captureTime: z.string().optional(),
  clockSkewSeconds: z.number().min(0).optional(),
  expected: z
    .strictObject({
      nonce: z.string().optional(),
      state: z.string().optional(),
      inResponseTo: z.string().optional(),
    })
    .optional(),
  mask: z.boolean().optional(),
});

export type ExplainRequest = z.input<typeof explainRequestSchema>;

export interface ExplainApiOptions {
  /** Targets besides the config's (those saved from the UI). */
  targets?: (config: Config) => Promise<Record<string, TargetConfig>>;
}

/** Room for the context documents beside the largest input. */
const BODY_LIMIT = explainDefaults.limits.maxInputBytes + 4 * explainDefaults.limits.maxContextBytes;

/**
 * `POST /api/explain`: the Explain view's API. JSON in (the capture and the context),
 * the explanation out (docs/explain-json.md; `?format=html` for the self-contained page). Input that cannot be read is a 400 (413
 * when too large) whose `error.detail.explanation` lists the problems.
 */
export function explainApi(
  options: ExplainApiOptions = {},
): (context: IdpContext, providers: Map<string, MountedProvider>) => Middleware {
  return (context, providers) => {
    const router = new Router({ prefix: '/api' });
    router.post('/explain', async (ctx) => {
      const request = parseInput(explainRequestSchema, await readBody(ctx), 'explain request');
      const view = {
        config: context.config,
        providers,
        keys: context.keys,
        targets: options.targets ? await options.targets(context.config) : undefined,
      };
      const contextOptions: ContextOptions = {
        sp: {
          metadata:
            request.sp?.metadataXml !== undefined
              ? { text: request.sp.metadataXml }
              : request.sp?.metadataUrl
                ? { url: request.sp.metadataUrl }
                : undefined,
          entityId: request.sp?.entityId,
          acsUrls: request.sp?.acsUrls,
          clientId: request.sp?.clientId,
          redirectUris: request.sp?.redirectUris,
          requiredAttributes: request.sp?.requiredAttributes,
          requiredClaims: request.sp?.requiredClaims,
        },
        idp: {
          metadata:
            request.idp?.metadataXml !== undefined
              ? { text: request.idp.metadataXml }
              : request.idp?.metadataUrl
                ? { url: request.idp.metadataUrl }
                : undefined,
          discovery: request.idp?.discoveryUrl,
          jwks:
            request.idp?.jwks !== undefined
              ? { text: request.idp.jwks }
              : request.idp?.jwksUrl
                ? { url: request.idp.jwksUrl }
                : undefined,
          issuer: request.idp?.issuer,
        },
        target: request.target ? { view, name: request.target, connection: request.connection } : undefined,
        decryptionKey: request.decryptionKey ? { text: request.decryptionKey } : undefined,
        captureTime: request.captureTime,
        clockSkewSeconds: request.clockSkewSeconds,
        expected: request.expected,
      };
      let explanation: Awaited<ReturnType<typeof explain>>;
      try {
        explanation = await explain({
          text: request.input,
          name: request.name,
          mask: request.mask,
          context: (protocol, hints) => resolveContext(contextOptions, protocol, hints),
        });
      } catch (error) {
        if (error instanceof ExplainError) {
          throw new IdpError('BAD_REQUEST', 400, error.message, { hint: error.hint, cause: error });
        }
        throw error;
      }
      if (explanation.outcome === 'unreadable') {
        const first = explanation.checks.find((c) => c.status === 'problem');
        throw new IdpError(
          'BAD_REQUEST',
          explanation.checks.some((c) => c.id === 'input.size') ? 413 : 400,
          `the input cannot be read: ${first?.text ?? 'unknown format'}`,
          {
            hint: 'Paste a SAMLResponse (base64, URL-encoded or XML), a redirect URL, a POST body, a JWT, a token endpoint answer, a HAR file or a SAML-tracer export.',
            detail: { explanation },
          },
        );
      }
      if (ctx.query.format === 'html') {
        ctx.type = 'html';
        ctx.attachment(`explanation${request.name ? `-${request.name.replace(/[^\w.-]+/g, '_')}` : ''}.html`);
        ctx.body = renderHtml(explanation);
        return;
      }
      ctx.body = explanation;
    });
    return composeRouter(router);
  };
}

async function readBody(ctx: Context): Promise<unknown> {
  const type = ctx.request.type;
  if (type && type !== 'application/json') {
    throw new IdpError('UNSUPPORTED_MEDIA_TYPE', 415, `expected a JSON body (application/json), got ${type}`);
  }
  let text: string;
  try {
    text = await readText(ctx, BODY_LIMIT);
  } catch (error) {
    if (error instanceof HarnessError && error.status === 413) {
      const size = Number(ctx.get('content-length') || BODY_LIMIT + 1);
      throw new IdpError(
        'MESSAGE_TOO_LARGE',
        413,
        `the request is over the limit of ${BODY_LIMIT} bytes: the capture is too large to explain`,
        {
          hint: 'Save a HAR of the login alone (clear the network log first), or paste only the message.',
          detail: { explanation: explainOversized(size, undefined, explainDefaults.clockSkewSeconds) },
        },
      );
    }
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new IdpError('BAD_REQUEST', 400, `the request body is not valid JSON: ${(error as Error).message}`);
  }
}
