import { inflateRawSync } from 'node:zlib';
import { SAML } from '@node-saml/node-saml';
import type { Context } from 'koa';
import type { SpContext } from '../context.ts';
import { LoginRefused } from '../errors.ts';
import type { LaxName } from '../lax.ts';
import type { SessionLogin, SessionStore } from '../session.ts';
import type { IdpMetadata } from './metadata.ts';
import type { SamlSettings } from './settings.ts';
import type { SamlState } from './state.ts';
import { attr, parseXml } from './xml.ts';

function sloClient(settings: SamlSettings, meta: IdpMetadata, lax: ReadonlySet<LaxName>): SAML {
  return new SAML({
    entryPoint: meta.ssoUrl,
    logoutUrl: meta.sloUrl ?? meta.ssoUrl,
    issuer: settings.spEntityId,
    callbackUrl: settings.acsUrl,
    // node-saml compares the Issuer of logout messages with it; without it, any Issuer goes.
    idpIssuer: lax.has('issuer') ? undefined : meta.entityId,
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
  return sloClient(settings, meta, sp.lax).getLogoutUrlAsync(
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
  const saml = sloClient(settings, meta, sp.lax);
  const query = form ? Object.fromEntries(form) : (ctx.query as Record<string, string>);
  const isRequest = Boolean(query.SAMLRequest);
  if (!query.SAMLRequest && !query.SAMLResponse) {
    throw new LoginRefused('response-invalid', 'the SLO endpoint expects a SAMLRequest or SAMLResponse', {
      status: 400,
      connection,
    });
  }
  const xml = logoutXml(query, Boolean(form));
  const unsigned = form ? !/<(?:[\w-]+:)?Signature[\s>]/.test(xml) : !query.Signature;
  if (isRequest && unsigned && !sp.lax.has('signature-required')) {
    throw new LoginRefused('signature-required', 'an IdP LogoutRequest must be signed', {
      status: 400,
      connection,
    });
  }
  // Lax: an unsigned POSTed LogoutRequest is read as if its signature had verified.
  const skipSignature = isRequest && unsigned ? { _validateSignature: () => true } : {};
  let result: Awaited<ReturnType<SAML['validateRedirectAsync']>>;
  try {
    result = form
      ? isRequest
        ? await saml.validatePostRequestAsync(query, skipSignature)
        : await saml.validatePostResponseAsync(query)
      : await saml.validateRedirectAsync(query, ctx.querystring);
  } catch (error) {
    throw new LoginRefused('signature-invalid', `the logout message was refused: ${String(error)}`, {
      status: 400,
      connection,
      cause: error,
    });
  }
  // node-saml does not look at Destination (SAML Bindings §3.4.5.2, §3.5.5.2: a signed message names it).
  const destination = attr(parseXml(xml, 'logout message').documentElement ?? undefined, 'Destination');
  if (destination !== settings.sloUrl && !sp.lax.has('destination')) {
    throw new LoginRefused(
      'destination',
      destination
        ? `the logout message is for ${destination}, not this SLO endpoint (${settings.sloUrl})`
        : 'the logout message names no Destination',
      { status: 400, connection },
    );
  }
  if (!isRequest) return '/logged-out';
  const nameId = result.profile?.nameID;
  if (sp.lax.has('idp-logout-ignored')) {
    sp.log(`[demo-sp] IdP logout for ${nameId}: answered Success, no session ended (lax)`);
    return saml.getLogoutResponseUrlAsync(result.profile!, query.RelayState ?? '', {}, true);
  }
  // SAML Core §3.7.3.2: with SessionIndex, only the sessions it names end.
  const sessionIndex = result.profile?.sessionIndex;
  const ended = sessions.endWhere(
    (login) =>
      login.connection === connection &&
      login.nameId === nameId &&
      (sessionIndex === undefined || login.sessionIndex === sessionIndex),
  );
  sp.log(`[demo-sp] IdP logout for ${nameId}: ${ended} session(s) ended`);
  return saml.getLogoutResponseUrlAsync(result.profile!, query.RelayState ?? '', {}, true);
}

/** A logout message's XML as it arrived (HTTP-POST: base64; HTTP-Redirect: DEFLATE too). */
function logoutXml(query: Record<string, string>, posted: boolean): string {
  const bytes = Buffer.from(query.SAMLRequest ?? query.SAMLResponse ?? '', 'base64');
  try {
    return (posted ? bytes : inflateRawSync(bytes, { maxOutputLength: 1024 * 1024 })).toString('utf8');
  } catch (error) {
    throw new LoginRefused('response-invalid', `the logout message cannot be decoded: ${String(error)}`, {
      status: 400,
    });
  }
}
