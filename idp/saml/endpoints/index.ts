import type { Context } from 'koa';
import { IdpError } from '../../errors.ts';
import type { SamlProvider } from '../provider.ts';
import { certificateEndpoint, metadataEndpoint } from './metadata.ts';

type Handler = (provider: SamlProvider, ctx: Context) => Promise<void>;

/**
 * A handler whose module loads on its first request: metadata answers without loading
 * the login, signing and logout code (and the XML parser they bring).
 */
function onFirstUse(load: () => Promise<Handler>): Handler {
  let handler: Promise<Handler> | undefined;
  return async (provider, ctx) => {
    if (!handler) {
      handler = load();
      handler.catch(() => {
        handler = undefined;
      });
    }
    return (await handler)(provider, ctx);
  };
}

const singleSignOn = onFirstUse(async () => (await import('./sso.ts')).singleSignOn);
const singleLogout = onFirstUse(async () => (await import('./slo.ts')).singleLogout);

/** Every endpoint of a SAML provider, by path under `/saml/<id>`, and the methods each answers. */
export const samlEndpoints: Record<string, Partial<Record<'GET' | 'POST', Handler>>> = {
  '/metadata': { GET: metadataEndpoint },
  '/certificate.pem': { GET: certificateEndpoint },
  '/sso': { GET: singleSignOn, POST: singleSignOn },
  '/login': { POST: onFirstUse(async () => (await import('./login.ts')).submitLogin) },
  '/idp-init': { GET: onFirstUse(async () => (await import('./idp-init.ts')).idpInitiated) },
  '/slo': { GET: singleLogout, POST: singleLogout },
  '/logout': { GET: onFirstUse(async () => (await import('./logout.ts')).idpInitiatedLogout) },
};

/** Finds the endpoint for a request under the provider's prefix and runs it. */
export async function dispatch(provider: SamlProvider, ctx: Context): Promise<void> {
  const rest = ctx.path.slice(provider.path.length) || '/';
  const endpoint = samlEndpoints[rest === '/metadata.xml' ? '/metadata' : rest];
  if (!endpoint) {
    throw new IdpError('NOT_FOUND', 404, `SAML provider "${provider.id}" has no endpoint ${rest}`, {
      hint: `Its endpoints: ${Object.keys(samlEndpoints)
        .map((p) => provider.path + p)
        .join(', ')}.`,
    });
  }
  const handler =
    endpoint[ctx.method as 'GET' | 'POST'] ?? (ctx.method === 'HEAD' ? endpoint.GET : undefined);
  if (!handler) {
    ctx.set('Allow', Object.keys(endpoint).join(', '));
    throw new IdpError(
      'METHOD_NOT_ALLOWED',
      405,
      `${ctx.method} is not allowed at ${provider.path}${rest}; use ${Object.keys(endpoint).join(' or ')}`,
    );
  }
  await handler(provider, ctx);
}
