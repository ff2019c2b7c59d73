import type { Context } from 'koa';
import { IdpError } from '../../errors.ts';
import { carriesFlowCookie, type Flow } from '../../flows.ts';
import { readForm } from '../../http/body.ts';
import { readLoginForm } from '../../login/form.ts';
import { renderLoginPage } from '../../login/page.ts';
import { type ScriptedLogin, scriptedLogin } from '../../login/scripted.ts';
import type { PendingLogin, SamlProvider } from '../provider.ts';
import { respond } from './respond.ts';

/**
 * Who logs in without the login page when no flow names a user (`user=` on the URL, the
 * provider's or a user's `auto`; see idp/login/scripted.ts), traced. Undefined for a
 * scenario's browser: any flow cookie, even of an ended flow or another provider's, keeps
 * its verdict to what its own flow asked for.
 */
export function scriptedSamlLogin(
  provider: SamlProvider,
  ctx: Context,
  flow: Flow | undefined,
): ScriptedLogin | undefined {
  if (flow || carriesFlowCookie(ctx)) return undefined;
  const scripted = scriptedLogin({
    directory: provider.context.directory,
    providerId: provider.id,
    providerAuto: provider.config.auto,
    allowUnknownUsers: provider.config.allowUnknownUsers,
    userParam: typeof ctx.query.user === 'string' ? ctx.query.user : undefined,
  });
  if (scripted.action === 'login') {
    provider.trace(ctx, {
      flowId: undefined,
      direction: 'note',
      binding: undefined,
      kind: 'login',
      summary: `${scripted.user.email} logged in without the login page (${scripted.how})`,
    });
  }
  return scripted;
}

/** Shows the shared login page for a pending login; the form posts back to `<provider>/login`. */
export function showLoginPage(
  provider: SamlProvider,
  ctx: Context,
  pendingId: string,
  login: PendingLogin,
  refusal?: { status: number; message: string },
  choice?: { selected?: string | undefined; email?: string | undefined },
): void {
  ctx.status = refusal?.status ?? 200;
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = renderLoginPage({
    providerName: provider.displayName,
    requester: login.sp.entityId,
    action: `${provider.base}/login`,
    hidden: { pending: pendingId },
    users: provider.context.directory.usersFor(provider.id),
    allowUnknownUsers: provider.config.allowUnknownUsers,
    error: refusal?.message,
    editableAttributes: provider.persona.saml?.attributes.map((a) => a.name),
    selectedUser: choice?.selected,
    email: choice?.email,
  });
}

/** The login page's form post: log the chosen user in, cancel, or show the page again with why not. */
export async function submitLogin(provider: SamlProvider, ctx: Context): Promise<void> {
  const form = await readForm(ctx, provider.context.config.limits.maxMessageBytes);
  const pendingId = form.get('pending') ?? undefined;
  const login = provider.pendingLogins.get(pendingId);
  if (!pendingId || !login) {
    throw new IdpError('BAD_REQUEST', 400, 'this sign-in has expired or was already used', {
      hint: 'Start the sign-in again at the service provider.',
    });
  }
  const flow = provider.context.flows.get(login.flowId);
  const choice = readLoginForm(form, {
    directory: provider.context.directory,
    providerId: provider.id,
    allowUnknownUsers: provider.config.allowUnknownUsers,
  });
  if (choice.action === 'refused') {
    provider.trace(ctx, {
      flowId: login.flowId,
      direction: 'note',
      binding: undefined,
      kind: 'login-refused',
      summary: `login refused (${choice.reason}): ${choice.message}`,
    });
    showLoginPage(provider, ctx, pendingId, login, {
      status: choice.reason === 'invalid' ? 400 : 403,
      message: choice.message,
    });
    return;
  }
  provider.pendingLogins.delete(pendingId);
  if (choice.action === 'cancel') {
    await respond(provider, ctx, login, { failed: 'The user cancelled the sign-in' }, flow);
    return;
  }
  await respond(provider, ctx, login, { user: choice.user }, flow);
}
