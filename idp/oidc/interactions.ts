import type { Context } from 'koa';
import type { DirectoryUser } from '../directory/user.ts';
import { IdpError } from '../errors.ts';
import { carriesFlowCookie } from '../flows.ts';
import { readForm } from '../http/body.ts';
import { readLoginForm } from '../login/form.ts';
import { renderLoginPage } from '../login/page.ts';
import { scriptedLogin } from '../login/scripted.ts';
import { grantRequested } from './direct-login.ts';
import { providerName } from './pages.ts';
import { bindToFlow } from './request-flow.ts';
import { interactionPath } from './routes.ts';
import type { OidcRequestState, OidcRuntime } from './runtime.ts';
import { traceOidc } from './trace.ts';

type Interaction = Awaited<ReturnType<OidcRuntime['provider']['interactionDetails']>>;

/**
 * The login step of an authorization request, on the shared login page. A flow with a
 * user logs that user in without showing the page; consent is never asked: a configured
 * client gets the scopes it requested.
 */
export async function handleInteraction(
  ctx: Context,
  runtime: OidcRuntime,
  state: OidcRequestState,
): Promise<void> {
  const uid = decodeURIComponent(ctx.path.split('/')[2] ?? '');
  const interaction = await loadInteraction(ctx, runtime, uid);
  bindToFlow(runtime, state.flow, 'interaction', uid);

  if (ctx.method === 'GET') {
    if (state.flow?.user)
      return finishLogin(ctx, runtime, interaction, state.flow.user, 'asserted by the flow');
    if (interaction.prompt.name !== 'login') return finishConsent(ctx, runtime, interaction);
    // A scenario's browser (any flow cookie, even of an ended flow or another provider's) is
    // never logged in by a scripted login: its verdict must come from its own flow.
    if (state.flow || carriesFlowCookie(ctx)) {
      return showLoginPage(ctx, runtime, interaction, undefined, 200);
    }
    const scripted = scriptedLogin({
      directory: runtime.context.directory,
      providerId: runtime.id,
      providerAuto: runtime.config.auto,
      allowUnknownUsers: runtime.config.allowUnknownUsers,
      userParam: stringParam(interaction.params.user),
      loginHint: stringParam(interaction.params.login_hint),
    });
    if (scripted.action === 'login') {
      return finishLogin(ctx, runtime, interaction, scripted.user, `without the login page: ${scripted.how}`);
    }
    return showLoginPage(
      ctx,
      runtime,
      interaction,
      scripted.refusal?.message,
      scripted.refusal?.status ?? 200,
      scripted,
    );
  }
  if (ctx.method !== 'POST') {
    throw new IdpError('METHOD_NOT_ALLOWED', 405, `${ctx.method} is not allowed on the login page`);
  }
  const form = await readForm(ctx, runtime.context.config.limits.maxMessageBytes);
  const choice = readLoginForm(form, {
    directory: runtime.context.directory,
    providerId: runtime.id,
    allowUnknownUsers: runtime.config.allowUnknownUsers,
  });
  switch (choice.action) {
    case 'login':
      return finishLogin(ctx, runtime, interaction, choice.user, 'chosen on the login page');
    case 'cancel':
      return finishCancelled(ctx, runtime, interaction);
    case 'refused':
      traceOidc(runtime, ctx, {
        direction: 'note',
        kind: 'interaction',
        summary: `login refused (${choice.reason}): ${choice.message}`,
        error: choice.message,
      });
      return showLoginPage(
        ctx,
        runtime,
        interaction,
        choice.message,
        choice.reason === 'invalid' ? 400 : 403,
      );
  }
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

async function loadInteraction(ctx: Context, runtime: OidcRuntime, uid: string): Promise<Interaction> {
  let interaction: Interaction;
  try {
    interaction = await runtime.provider.interactionDetails(ctx.req, ctx.res);
  } catch (cause) {
    throw new IdpError('BAD_REQUEST', 400, 'this sign-in has expired or was already finished', {
      hint: 'Start the sign-in again from the application.',
      cause,
    });
  }
  if (interaction.uid !== uid) {
    throw new IdpError('BAD_REQUEST', 400, 'this login page belongs to another sign-in of this browser', {
      hint: 'Start the sign-in again from the application.',
    });
  }
  return interaction;
}

function showLoginPage(
  ctx: Context,
  runtime: OidcRuntime,
  interaction: Interaction,
  error: string | undefined,
  status: number,
  choice?: { selected?: string | undefined; email?: string | undefined },
): void {
  ctx.status = status;
  ctx.type = 'html';
  ctx.body = renderLoginPage({
    providerName: providerName(runtime),
    requester: String(interaction.params.client_id),
    action: `${runtime.mountPath}${interactionPath(interaction.uid)}`,
    hidden: {},
    users: runtime.context.directory.usersFor(runtime.id),
    allowUnknownUsers: runtime.config.allowUnknownUsers,
    error,
    editableAttributes: runtime.persona.claims.map((rule) => rule.claim),
    selectedUser: choice?.selected,
    email: choice?.email,
  });
}

async function finishLogin(
  ctx: Context,
  runtime: OidcRuntime,
  interaction: Interaction,
  user: DirectoryUser,
  how: string,
): Promise<void> {
  const accountId = runtime.accounts.register(user);
  const grant = new runtime.provider.Grant({ accountId, clientId: String(interaction.params.client_id) });
  grantRequested(grant, interaction.params);
  const grantId = await grant.save();
  traceOidc(runtime, ctx, {
    direction: 'note',
    kind: 'interaction',
    summary: `${user.email} logged in (${how}); granted ${String(interaction.params.scope ?? '')}`,
    message: { user: user.email, userId: user.id, sub: runtime.accounts.subjectOf(user), accountId },
  });
  await resume(ctx, runtime, { login: { accountId }, consent: { grantId } }, false);
}

async function finishConsent(ctx: Context, runtime: OidcRuntime, interaction: Interaction): Promise<void> {
  const clientId = String(interaction.params.client_id);
  const existing = interaction.grantId ? await runtime.provider.Grant.find(interaction.grantId) : undefined;
  const grant =
    existing ?? new runtime.provider.Grant({ accountId: interaction.session?.accountId, clientId });
  grantRequested(grant, interaction.params);
  const grantId = await grant.save();
  traceOidc(runtime, ctx, {
    direction: 'note',
    kind: 'interaction',
    summary: `consent granted automatically to ${clientId}: ${String(interaction.params.scope ?? '')}`,
  });
  await resume(ctx, runtime, { consent: { grantId } }, true);
}

async function finishCancelled(ctx: Context, runtime: OidcRuntime, interaction: Interaction): Promise<void> {
  traceOidc(runtime, ctx, {
    direction: 'note',
    kind: 'interaction',
    summary: `the user cancelled the sign-in to ${String(interaction.params.client_id)}`,
  });
  await resume(
    ctx,
    runtime,
    { error: 'access_denied', error_description: 'End-User aborted interaction' },
    false,
  );
}

async function resume(
  ctx: Context,
  runtime: OidcRuntime,
  result: Record<string, unknown>,
  merge: boolean,
): Promise<void> {
  const returnTo = await runtime.provider.interactionResult(ctx.req, ctx.res, result, {
    mergeWithLastSubmission: merge,
  });
  ctx.status = 303;
  ctx.redirect(returnTo);
}
