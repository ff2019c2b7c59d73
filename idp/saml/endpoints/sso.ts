import type { Context } from 'koa';
import { IdpError } from '../../errors.ts';
import type { HarnessState } from '../../http/error-middleware.ts';
import { readSamlMessage } from '../bindings/incoming.ts';
import { bindings, statusCodes } from '../constants.ts';
import { type AuthnRequestInfo, readAuthnRequest } from '../messages.ts';
import type { PendingLogin, SamlProvider } from '../provider.ts';
import type { ServiceProvider } from '../sps/types.ts';
import { checkMessageSignature } from '../verify.ts';
import { showLoginPage } from './login.ts';
import { respond } from './respond.ts';

/**
 * The SingleSignOnService: reads an AuthnRequest (HTTP-Redirect or HTTP-POST), checks
 * who sent it and where the answer may go, then logs the flow's user in or shows the
 * login page.
 */
export async function singleSignOn(provider: SamlProvider, ctx: Context): Promise<void> {
  const state = ctx.state as HarnessState;
  const message = await readSamlMessage(ctx, {
    limits: provider.context.config.limits,
    accept: ['SAMLRequest'],
    onUndecoded: (m, error) =>
      provider.trace(ctx, {
        flowId: state.flowId,
        direction: 'in',
        binding: m.binding,
        kind: 'AuthnRequest',
        summary: `undecodable SAMLRequest: ${error.message}`,
        raw: m.raw,
        relayState: m.relayState,
        error: error.message,
      }),
  });
  const traceIn = (summary: string, flowId: string | undefined, error?: string) =>
    provider.trace(ctx, {
      flowId,
      direction: 'in',
      binding: message.binding,
      kind: 'AuthnRequest',
      summary,
      xml: message.xml,
      raw: message.raw,
      relayState: message.relayState,
      error,
    });
  let request: AuthnRequestInfo;
  try {
    request = readAuthnRequest(message.doc);
  } catch (error) {
    traceIn(`not an AuthnRequest: ${(error as Error).message}`, state.flowId, (error as Error).message);
    throw error;
  }
  const flow = provider.findFlow(ctx, request.id);
  try {
    const sp = await findRequester(provider, request);
    const check = checkMessageSignature(message, sp.signingCertificates);
    const signature =
      check.state === 'unsigned'
        ? 'unsigned'
        : sp.signingCertificates.length === 0
          ? 'signed, not verified (no SP certificate)'
          : check.state === 'valid'
            ? 'signature valid'
            : `signature INVALID`;
    traceIn(`AuthnRequest ${request.id} from ${request.issuer} (${signature})`, flow?.id);
    if (check.state === 'invalid' && sp.signingCertificates.length > 0) {
      throw new IdpError(
        'SIGNATURE_INVALID',
        400,
        `the AuthnRequest from ${sp.entityId} has a bad signature: ${check.reason}`,
        {
          hint: `The IdP verifies it with the certificate registered for SP "${sp.name}"; check that the SP signs with the matching key.`,
        },
      );
    }
    if (check.state === 'unsigned' && (sp.requireSignedRequests || provider.config.wantAuthnRequestsSigned)) {
      throw new IdpError(
        'SIGNATURE_REQUIRED',
        400,
        `the AuthnRequest from ${sp.entityId} is not signed, and this IdP requires signed requests`,
        {
          hint: 'Sign AuthnRequests at the SP (SigAlg + Signature for HTTP-Redirect, an enveloped ds:Signature for HTTP-POST), or set requireSignedRequests: false for this SP.',
        },
      );
    }
    if (check.state !== 'unsigned' && sp.signingCertificates.length === 0 && sp.requireSignedRequests) {
      throw new IdpError(
        'SIGNATURE_INVALID',
        400,
        `SP "${sp.name}" requires signed requests but no certificate is registered to verify them`,
        {
          hint: 'Add the SP signing certificate (certificate, or metadata with a signing KeyDescriptor).',
        },
      );
    }
    const login: PendingLogin = {
      sp,
      request,
      acsUrl: chooseAcs(sp, request),
      relayState: message.relayState,
      flowId: flow?.id,
      binding: message.binding,
    };
    if (flow?.user) return await respond(provider, ctx, login, { user: flow.user }, flow);
    if (request.isPassive) {
      return await respond(
        provider,
        ctx,
        login,
        { failed: 'IsPassive was requested, and nobody is signed in', subCode: statusCodes.noPassive },
        flow,
      );
    }
    showLoginPage(provider, ctx, provider.pendingLogins.add(login), login);
  } catch (error) {
    if (
      error instanceof IdpError &&
      error.code !== 'SIGNATURE_INVALID' &&
      error.code !== 'SIGNATURE_REQUIRED'
    ) {
      traceIn(
        `AuthnRequest ${request.id} from ${request.issuer ?? '(no Issuer)'} refused: ${error.message}`,
        flow?.id,
        error.message,
      );
    }
    throw error;
  }
}

/** The SP that sent the request, or a stand-in for an unknown one when the provider is permissive. */
async function findRequester(provider: SamlProvider, request: AuthnRequestInfo): Promise<ServiceProvider> {
  if (!request.issuer) {
    throw new IdpError(
      'MESSAGE_UNEXPECTED',
      400,
      `the AuthnRequest ${request.id} has no Issuer, so the IdP cannot tell which SP sent it`,
    );
  }
  const sp = await provider.sps.findByEntityId(request.issuer);
  if (sp) return sp;
  if (provider.config.unknownSp === 'permissive') {
    if (!request.acsUrl) {
      throw new IdpError(
        'ACS_NOT_REGISTERED',
        400,
        `the AuthnRequest from unknown SP ${request.issuer} names no AssertionConsumerServiceURL, so there is nowhere to send the response`,
        {
          hint: 'Register the SP under sps in the config, or send AssertionConsumerServiceURL in the request.',
        },
      );
    }
    return {
      name: `permissive:${request.issuer}`,
      entityId: request.issuer,
      acs: [{ url: request.acsUrl, binding: bindings.post, index: undefined, isDefault: true }],
      slo: undefined,
      signingCertificates: [],
      encryptionCertificate: undefined,
      signResponse: true,
      signAssertion: true,
      encryptAssertion: false,
      encryptionAlgorithm: 'aes256-gcm',
      requireSignedRequests: false,
      nameIdFormat: undefined,
      defaultRelayState: undefined,
      source: 'permissive',
    };
  }
  const known = provider.sps.list().map((s) => s.entityId);
  throw new IdpError(
    'UNKNOWN_SP',
    403,
    `the SP "${request.issuer}" is not registered at identity provider "${provider.displayName}"`,
    {
      hint: known.length
        ? `Known SP entityIDs: ${known.join(', ')}. Register this one under providers.${provider.id}.sps, or set unknownSp: 'permissive'.`
        : `No SP is registered. Add it under providers.${provider.id}.sps, or set unknownSp: 'permissive'.`,
      detail: { issuer: request.issuer, known },
    },
  );
}

/** The ACS URL for the response: the requested one if registered, the requested index, or the default. */
function chooseAcs(sp: ServiceProvider, request: AuthnRequestInfo): string {
  const registered = sp.acs.map((a) => a.url);
  const list = registered.length ? registered.join(', ') : '(none)';
  if (request.acsUrl !== undefined) {
    if (registered.includes(request.acsUrl)) return request.acsUrl;
    throw new IdpError(
      'ACS_NOT_REGISTERED',
      400,
      `the AssertionConsumerServiceURL ${request.acsUrl} is not registered for SP ${sp.entityId}; registered: ${list}`,
      {
        hint: `Add ${request.acsUrl} to acsUrls of SP "${sp.name}" (or to its metadata), or fix the SP's callback URL.`,
        detail: { requested: request.acsUrl, registered },
      },
    );
  }
  if (request.acsIndex !== undefined) {
    const byIndex = sp.acs.find((a) => a.index === request.acsIndex);
    if (byIndex) return byIndex.url;
    throw new IdpError(
      'ACS_NOT_REGISTERED',
      400,
      `AssertionConsumerServiceIndex ${request.acsIndex} is not registered for SP ${sp.entityId}; registered: ${sp.acs.map((a) => `${a.index ?? '?'}=${a.url}`).join(', ') || '(none)'}`,
    );
  }
  const fallback = sp.acs[0];
  if (!fallback) {
    throw new IdpError(
      'ACS_NOT_REGISTERED',
      400,
      `SP ${sp.entityId} has no registered ACS URL and the request names none`,
      {
        hint: `Add acsUrls to SP "${sp.name}".`,
      },
    );
  }
  return fallback.url;
}
