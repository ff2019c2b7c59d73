import type { Context } from 'koa';
import { IdpError } from '../../errors.ts';
import type { HarnessState } from '../../http/error-middleware.ts';
import type { RefusalKind } from '../../personas/refusals.ts';
import { answerRefusal } from '../../refusals/page.ts';
import { readSamlMessage } from '../bindings/incoming.ts';
import { statusCodes } from '../constants.ts';
import { type AuthnRequestInfo, readAuthnRequest } from '../messages.ts';
import type { PendingLogin, SamlProvider } from '../provider.ts';
import { enforceSignature } from '../request-signature.ts';
import { chooseAcs, findRequester } from '../requester.ts';
import { scriptedSamlLogin, showLoginPage } from './login.ts';
import { respond } from './respond.ts';

/**
 * The SingleSignOnService: reads an AuthnRequest (HTTP-Redirect or HTTP-POST), checks
 * who sent it and where the answer may go, then logs the flow's user in or shows the
 * login page. Every request is traced, refused ones with why.
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
  const from = `AuthnRequest ${request.id} from ${request.issuer ?? '(no Issuer)'}`;
  let login: PendingLogin;
  try {
    const sp = await findRequester(provider, request);
    const required = sp.requireSignedRequests || provider.config.wantAuthnRequestsSigned;
    const signature = enforceSignature(sp, message, 'AuthnRequest', required);
    login = {
      sp,
      request,
      acsUrl: chooseAcs(sp, request),
      relayState: message.relayState,
      flowId: flow?.id,
      binding: message.binding,
    };
    traceIn(`${from} (${signature}), answer to ${login.acsUrl}`, flow?.id);
  } catch (error) {
    if (error instanceof IdpError) traceIn(`${from} refused: ${error.message}`, flow?.id, error.message);
    if (error instanceof IdpError && refusedSp(provider, ctx, error, flow?.id)) return;
    throw error;
  }
  if (flow?.user) return respond(provider, ctx, login, { user: flow.user }, flow);
  const scripted = scriptedSamlLogin(provider, ctx, flow);
  if (scripted?.action === 'login') return respond(provider, ctx, login, { user: scripted.user }, flow);
  if (request.isPassive) {
    const failed = {
      failed: 'IsPassive was requested, and nobody is signed in',
      subCode: statusCodes.noPassive,
    };
    return respond(provider, ctx, login, failed, flow);
  }
  showLoginPage(provider, ctx, provider.pendingLogins.add(login), login, scripted?.refusal, scripted);
}

const refusalKinds: Partial<Record<string, RefusalKind>> = {
  UNKNOWN_SP: 'unknown-sp',
  ACS_NOT_REGISTERED: 'acs-mismatch',
};

/**
 * An unknown SP or an unregistered ACS is answered as the persona's IdP would (its error
 * page, not the harness's); false for every other error.
 */
function refusedSp(
  provider: SamlProvider,
  ctx: Context,
  error: IdpError,
  flowId: string | undefined,
): boolean {
  const kind = refusalKinds[error.code];
  if (!kind) return false;
  const detail = error.detail ?? {};
  const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const sent =
    kind === 'unknown-sp' && typeof detail.issuer === 'string'
      ? { value: detail.issuer, registered: strings(detail.known), what: 'SP entity ID' }
      : typeof detail.requested === 'string'
        ? { value: detail.requested, registered: strings(detail.registered), what: 'ACS URL' }
        : undefined;
  answerRefusal(ctx, provider.context.trace, {
    persona: provider.persona.name,
    kind,
    protocol: 'saml',
    providerId: provider.id,
    providerName: provider.displayName,
    flowId,
    harnessCode: error.code,
    reason: error.message,
    hint: error.hint,
    sent,
  });
  return true;
}
