import { SAML } from '@node-saml/node-saml';
import type { Context } from 'koa';
import type { SpContext } from '../context.ts';
import { LoginRefused } from '../errors.ts';
import type { SessionLogin, SessionStore } from '../session.ts';
import type { IdpMetadata } from './metadata.ts';
import type { SamlSettings } from './settings.ts';
import type { SamlState } from './state.ts';

function sloClient(settings: SamlSettings, meta: IdpMetadata): SAML {
  return new SAML({
    entryPoint: meta.ssoUrl,
    logoutUrl: meta.sloUrl ?? meta.ssoUrl,
    issuer: settings.spEntityId,
    callbackUrl: settings.acsUrl,
    idpIssuer: meta.entityId,
    idpCert: meta.signingCertificates.length > 0 ? meta.signingCertificates : 'none',
    validateInResponseTo: 'never' as never,
  });
}

/** SP-initiated single logout: a LogoutRequest to the IdP, when it has an SLO endpoint. */
export async function samlLogoutUrl(
  sp: SpContext,
  state: SamlState,
  settings: SamlSettings,
  login: SessionLogin,
): Promise<string | undefined> {
  const meta = await state.metadata.get(settings.config.metadataUrl, { connection: settings.connection });
  if (!meta.sloUrl || !login.nameId) return undefined;
  return sloClient(settings, meta).getLogoutUrlAsync(
    {
      issuer: meta.entityId,
      nameID: login.nameId,
      nameIDFormat: login.nameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      sessionIndex: login.sessionIndex,
    },
    `${sp.spUrl}/logged-out`,
    {},
  );
}

/**
 * The SLO endpoint: a LogoutResponse ends an SP-initiated logout; a LogoutRequest from
 * the IdP (which must be signed) ends the user's sessions here and is answered.
 */
export async function handleSamlSlo(
  sp: SpContext,
  state: SamlState,
  settings: SamlSettings,
  sessions: SessionStore,
  ctx: Context,
  form: URLSearchParams | undefined,
): Promise<string> {
  const connection = settings.connection;
  const meta = await state.metadata.get(settings.config.metadataUrl, { connection });
  const saml = sloClient(settings, meta);
  const query = form ? Object.fromEntries(form) : (ctx.query as Record<string, string>);
  const isRequest = Boolean(query.SAMLRequest);
  if (!query.SAMLRequest && !query.SAMLResponse) {
    throw new LoginRefused('response-invalid', 'the SLO endpoint expects a SAMLRequest or SAMLResponse', {
      status: 400,
      connection,
    });
  }
  if (isRequest && !form && !query.Signature && !sp.lax.has('signature-required')) {
    throw new LoginRefused('signature-required', 'an IdP LogoutRequest must be signed', {
      status: 400,
      connection,
    });
  }
  let result: Awaited<ReturnType<SAML['validateRedirectAsync']>>;
  try {
    result = form
      ? isRequest
        ? await saml.validatePostRequestAsync(query)
        : await saml.validatePostResponseAsync(query)
      : await saml.validateRedirectAsync(query, ctx.querystring);
  } catch (error) {
    throw new LoginRefused('signature-invalid', `the logout message was refused: ${String(error)}`, {
      status: 400,
      connection,
      cause: error,
    });
  }
  if (!isRequest) return '/logged-out';
  const nameId = result.profile?.nameID;
  const ended = sessions.endWhere((login) => login.connection === connection && login.nameId === nameId);
  sp.log(`[demo-sp] IdP logout for ${nameId}: ${ended} session(s) ended`);
  return saml.getLogoutResponseUrlAsync(result.profile!, query.RelayState ?? '', {}, true);
}
