import type { Context } from 'koa';
import { html, page } from '../../../lib/html.ts';
import { IdpError } from '../../errors.ts';
import type { HarnessState } from '../../http/error-middleware.ts';
import { type IncomingMessage, readSamlMessage } from '../bindings/incoming.ts';
import { statusCodes } from '../constants.ts';
import { logoutPlan, logoutResponseXml } from '../logout.ts';
import { expectMessage, readLogoutRequest, readLogoutResponse } from '../messages.ts';
import type { SamlProvider } from '../provider.ts';
import { enforceSignature } from '../request-signature.ts';
import type { ServiceProvider } from '../sps/types.ts';
import { sendLogoutMessage } from './logout-send.ts';

/**
 * The SingleLogoutService: an SP's LogoutRequest (SP-initiated logout: the IdP ends the
 * SP's part of the session and answers with a LogoutResponse), or an SP's
 * LogoutResponse to a LogoutRequest the IdP sent.
 */
export async function singleLogout(provider: SamlProvider, ctx: Context): Promise<void> {
  const state = ctx.state as HarnessState;
  const message = await readSamlMessage(ctx, {
    limits: provider.context.config.limits,
    accept: ['SAMLRequest', 'SAMLResponse'],
    onUndecoded: (m, error) =>
      provider.trace(ctx, {
        flowId: state.flowId,
        direction: 'in',
        binding: m.binding,
        kind: m.param === 'SAMLRequest' ? 'LogoutRequest' : 'LogoutResponse',
        summary: `undecodable ${m.param}: ${error.message}`,
        raw: m.raw,
        relayState: m.relayState,
        error: error.message,
      }),
  });
  if (message.param === 'SAMLRequest') return logoutRequest(provider, ctx, message);
  return logoutResponse(provider, ctx, message);
}

async function logoutRequest(provider: SamlProvider, ctx: Context, message: IncomingMessage): Promise<void> {
  const flowId = (ctx.state as HarnessState).flowId;
  const request = readLogoutRequest(expectMessage(message.doc, 'LogoutRequest'));
  const sp = await requireSp(provider, request.issuer, 'LogoutRequest');
  const signature = enforceSignature(sp, message, 'LogoutRequest', sp.requireSignedRequests);
  provider.trace(ctx, {
    flowId,
    direction: 'in',
    binding: message.binding,
    kind: 'LogoutRequest',
    summary: `LogoutRequest ${request.id} from ${sp.entityId} for ${request.nameId ?? '(no NameID)'} (${signature})`,
    xml: message.xml,
    raw: message.raw,
    relayState: message.relayState,
  });
  if (!sp.slo) {
    throw new IdpError(
      'BAD_REQUEST',
      400,
      `SP "${sp.name}" has no SingleLogoutService URL, so the IdP cannot answer its LogoutRequest`,
      {
        hint: `Set sloUrl for SP "${sp.name}" (or a SingleLogoutService in its metadata).`,
      },
    );
  }
  const session =
    provider.sessions.current(ctx) ??
    provider.sessions.findByParticipant(sp.name, request.sessionIndexes, request.nameId);
  if (session) provider.sessions.end(ctx, session);
  const plan = await logoutPlan(
    provider.context.flows.get(flowId),
    {
      kind: 'LogoutResponse',
      issuer: provider.entityId,
      destination: sp.slo.url,
      inResponseTo: request.id,
      keyKind: 'current',
    },
    { providerId: provider.id, sp, ctx },
  );
  const response = logoutResponseXml({
    issuer: plan.issuer,
    destination: plan.destination,
    inResponseTo: plan.inResponseTo,
    statusCode: statusCodes.success,
    now: Date.now(),
  });
  await sendLogoutMessage(provider, ctx, {
    slo: sp.slo,
    param: 'SAMLResponse',
    kind: 'LogoutResponse',
    id: response.id,
    xml: response.xml,
    relayState: message.relayState,
    flowId,
    summary: `LogoutResponse to ${sp.entityId} (InResponseTo ${plan.inResponseTo ?? '(none)'}): ${session ? 'session ended' : 'no session in this browser'}`,
    keyKind: plan.keyKind,
  });
}

async function logoutResponse(provider: SamlProvider, ctx: Context, message: IncomingMessage): Promise<void> {
  const response = readLogoutResponse(expectMessage(message.doc, 'LogoutResponse'));
  const pending = response.inResponseTo ? provider.pendingLogouts.get(response.inResponseTo) : undefined;
  const flowId = pending?.flowId ?? (ctx.state as HarnessState).flowId;
  const sp = await requireSp(provider, response.issuer, 'LogoutResponse');
  const signature = enforceSignature(sp, message, 'LogoutResponse', sp.requireSignedRequests);
  const success = response.statusCode === statusCodes.success;
  provider.trace(ctx, {
    flowId,
    direction: 'in',
    binding: message.binding,
    kind: 'LogoutResponse',
    summary: `LogoutResponse from ${sp.entityId}: ${response.statusCode ?? '(no status)'} (${signature})${pending ? '' : ', answers no LogoutRequest this IdP sent'}`,
    xml: message.xml,
    raw: message.raw,
    relayState: message.relayState,
  });
  if (response.inResponseTo) provider.pendingLogouts.delete(response.inResponseTo);
  ctx.type = 'html';
  ctx.body = page(
    'Signed out',
    html`<main><h1>${success ? 'Signed out' : 'Sign-out did not complete'}</h1>
<p>${sp.entityId} answered the logout request with <code>${response.statusCode ?? '(no status)'}</code>.</p></main>`,
  );
}

async function requireSp(
  provider: SamlProvider,
  issuer: string | undefined,
  kind: string,
): Promise<ServiceProvider> {
  if (!issuer) throw new IdpError('MESSAGE_UNEXPECTED', 400, `the ${kind} has no Issuer`);
  const sp = await provider.sps.findByEntityId(issuer);
  if (sp) return sp;
  const known = provider.sps.list().map((s) => s.entityId);
  throw new IdpError(
    'UNKNOWN_SP',
    403,
    `the ${kind} comes from "${issuer}", which is not a registered SP of "${provider.displayName}"`,
    {
      hint: known.length ? `Known SP entityIDs: ${known.join(', ')}.` : 'No SP is registered.',
    },
  );
}
