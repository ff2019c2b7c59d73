import type { Context } from 'koa';
import { IdpError } from '../../errors.ts';
import type { HarnessState } from '../../http/error-middleware.ts';
import { logoutPlan, logoutRequestXml } from '../logout.ts';
import type { SamlProvider } from '../provider.ts';
import { sendLogoutMessage } from './logout-send.ts';

/**
 * IdP-initiated single logout: `<provider>/logout?sp=<name>` sends the SP a LogoutRequest
 * for the NameID and SessionIndex this browser's IdP session holds for it.
 */
export async function idpInitiatedLogout(provider: SamlProvider, ctx: Context): Promise<void> {
  const session = provider.sessions.current(ctx);
  const name = typeof ctx.query.sp === 'string' ? ctx.query.sp : undefined;
  const participants = session?.participants ?? [];
  const participant = name
    ? participants.find((p) => p.spName === name || p.entityId === name)
    : participants.length === 1
      ? participants[0]
      : undefined;
  if (!session || !participant) {
    throw new IdpError(
      'BAD_REQUEST',
      409,
      name
        ? `this browser has no session with SP "${name}" at identity provider "${provider.displayName}"`
        : participants.length > 1
          ? `this browser is signed in to several SPs; choose one with ?sp=<name>`
          : `this browser has no session at identity provider "${provider.displayName}"`,
      {
        hint: participants.length
          ? `Signed in to: ${participants.map((p) => p.spName).join(', ')}.`
          : 'Sign in to an SP through this IdP first.',
      },
    );
  }
  const sp = await provider.sps.get(participant.spName);
  if (!sp?.slo) {
    throw new IdpError(
      'BAD_REQUEST',
      400,
      `SP "${participant.spName}" has no SingleLogoutService URL to send a LogoutRequest to`,
      {
        hint: `Set sloUrl for SP "${participant.spName}" (or a SingleLogoutService in its metadata).`,
      },
    );
  }
  const flowId = (ctx.state as HarnessState).flowId;
  const plan = await logoutPlan(
    provider.context.flows.get(flowId),
    {
      kind: 'LogoutRequest',
      issuer: provider.entityId,
      destination: sp.slo.url,
      inResponseTo: undefined,
      keyKind: 'current',
    },
    { providerId: provider.id, sp, ctx },
  );
  const request = logoutRequestXml({
    issuer: plan.issuer,
    destination: plan.destination,
    nameId: participant.nameId,
    sessionIndex: participant.sessionIndex,
    now: Date.now(),
  });
  provider.pendingLogouts.set(request.id, { spName: sp.name, flowId });
  provider.sessions.leave(ctx, session, participant.spName);
  const relayState = typeof ctx.query.RelayState === 'string' ? ctx.query.RelayState : undefined;
  await sendLogoutMessage(provider, ctx, {
    slo: sp.slo,
    param: 'SAMLRequest',
    kind: 'LogoutRequest',
    id: request.id,
    xml: request.xml,
    relayState,
    flowId,
    summary: `LogoutRequest ${request.id} to ${sp.entityId} for ${participant.nameId.value}${plan.keyKind ? '' : ' (unsigned)'}`,
    keyKind: plan.keyKind,
  });
}
