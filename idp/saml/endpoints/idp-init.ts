import type { Context } from 'koa';
import { IdpError } from '../../errors.ts';
import { checkRelayState } from '../../http/urls.ts';
import type { PendingLogin, SamlProvider } from '../provider.ts';
import { scriptedSamlLogin, showLoginPage } from './login.ts';
import { respond } from './respond.ts';

/**
 * IdP-initiated login: `<provider>/idp-init?sp=<name>&RelayState=...` sends the SP an
 * unsolicited Response (no InResponseTo) at its default ACS URL. `&user=<id or email>` (or
 * `auto`) logs the user in without the login page, as on the SSO URL.
 */
export async function idpInitiated(provider: SamlProvider, ctx: Context): Promise<void> {
  const name = typeof ctx.query.sp === 'string' ? ctx.query.sp : undefined;
  const sp = name ? ((await provider.sps.get(name)) ?? (await provider.sps.findByEntityId(name))) : undefined;
  if (!sp) {
    const known = provider.sps.names();
    throw new IdpError(
      'UNKNOWN_SP',
      name ? 404 : 400,
      name ? `provider "${provider.id}" has no SP "${name}"` : 'name the SP to log into with ?sp=<name>',
      {
        hint: known.length
          ? `Known SPs: ${known.join(', ')}.`
          : `No SP is registered under providers.${provider.id}.sps.`,
      },
    );
  }
  const acs = sp.acs[0];
  if (!acs)
    throw new IdpError(
      'ACS_NOT_REGISTERED',
      400,
      `SP "${sp.name}" has no ACS URL to send an unsolicited response to`,
    );
  const relayState = checkRelayState(
    typeof ctx.query.RelayState === 'string' ? ctx.query.RelayState : sp.defaultRelayState,
  );
  const flow = provider.findFlow(ctx);
  provider.trace(ctx, {
    flowId: flow?.id,
    direction: 'note',
    binding: undefined,
    kind: 'idp-initiated',
    summary: `IdP-initiated login to ${sp.entityId}`,
    relayState,
  });
  const login: PendingLogin = {
    sp,
    request: undefined,
    acsUrl: acs.url,
    relayState,
    flowId: flow?.id,
    binding: undefined,
  };
  if (flow?.user) return respond(provider, ctx, login, { user: flow.user }, flow);
  const scripted = scriptedSamlLogin(provider, ctx, flow);
  if (scripted?.action === 'login') return respond(provider, ctx, login, { user: scripted.user }, flow);
  showLoginPage(provider, ctx, provider.pendingLogins.add(login), login, scripted?.refusal, scripted);
}
