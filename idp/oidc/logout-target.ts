import type { Context } from 'koa';
import { IdpError } from '../errors.ts';
import type { Flow } from '../flows.ts';
import type { FlowLogin } from './logins.ts';
import { type OidcRuntime, requestState } from './runtime.ts';

/** Which logout the runner started: OIDC Back-Channel or Front-Channel Logout 1.0. */
export type LogoutChannel = 'back' | 'front';

const channels = {
  back: {
    name: 'back-channel',
    setting: 'backchannelLogoutUri',
    param: 'backchannel_logout_uri',
    names: 'sub and sid',
  },
  front: {
    name: 'front-channel',
    setting: 'frontchannelLogoutUri',
    param: 'frontchannel_logout_uri',
    names: 'sid',
  },
} as const;

/**
 * What a logout step started by the runner logs out: the request's flow, the flow's last
 * login at this provider (its client, `sub` and `sid`) and the client's logout URI for
 * `channel`. Throws IdpError 400 when the request has no flow, 409 before the flow's login
 * or when the client has no logout URI for that channel.
 */
export function logoutTarget(
  runtime: OidcRuntime,
  ctx: Context,
  channel: LogoutChannel,
): { flow: Flow; login: FlowLogin; uri: string } {
  const { name, setting, param, names } = channels[channel];
  const flow = runtime.context.flows.get(ctx.state.flowId as string | undefined);
  requestState(ctx).flow = flow;
  if (!flow) {
    throw new IdpError('BAD_REQUEST', 400, `a ${name} logout is sent for a flow, and this request has none`, {
      hint: 'The runner starts it within a scenario; the flow cookie binds it to the login it logs out.',
    });
  }
  const login = runtime.logins.get(flow.id);
  if (!login) {
    throw new IdpError(
      'BAD_REQUEST',
      409,
      `flow ${flow.id} has had no id_token from provider "${runtime.id}"`,
      {
        hint: `Log in first: the ${name} logout names the ${names} of that login.`,
      },
    );
  }
  const uri = runtime.config.clients[login.clientId]?.[setting];
  if (!uri) {
    throw new IdpError('BAD_REQUEST', 409, `client "${login.clientId}" has no ${param}`, {
      hint: `Set providers.${runtime.id}.clients.${login.clientId}.${setting} to the RP's ${name} logout endpoint.`,
    });
  }
  return { flow, login, uri };
}
