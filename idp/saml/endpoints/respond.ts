import type { Context } from 'koa';
import type { DirectoryUser } from '../../directory/user.ts';
import { type Flow, noHooks } from '../../flows.ts';
import type { PendingLogin, SamlProvider } from '../provider.ts';
import { encodedResponse, sendDelivery } from '../response/deliver.ts';
import { buildResponse, newSessionIndex, type ResponseOutcome } from '../response/index.ts';
import { signedParts } from '../signed-parts.ts';

/**
 * Answers a pending login: runs the response pipeline with the flow's hooks, remembers
 * the SP in the browser's IdP session, traces the Response and sends it to the SP.
 */
export async function respond(
  provider: SamlProvider,
  ctx: Context,
  login: PendingLogin,
  outcome: { user: DirectoryUser } | { failed: string; subCode?: string },
  flow: Flow | undefined,
): Promise<void> {
  const responseOutcome: ResponseOutcome =
    'user' in outcome
      ? { kind: 'success', user: outcome.user, sessionIndex: newSessionIndex() }
      : { kind: 'failed', message: outcome.failed, subCode: outcome.subCode };
  const { config } = provider;
  const result = await buildResponse({
    context: provider.context,
    providerId: provider.id,
    provider: config,
    sp: login.sp,
    relayState: login.relayState,
    hooks: flow?.hooks ?? noHooks,
    flowId: flow?.id,
    model: {
      issuer: provider.entityId,
      persona: provider.persona,
      personaContext: provider.personaContext,
      providerNameIdFormat: config.nameIdFormat,
      assertionLifetimeSeconds: config.assertionLifetimeSeconds,
      sessionLifetimeSeconds: config.sessionLifetimeSeconds,
      sp: login.sp,
      acsUrl: login.acsUrl,
      request: login.request,
      outcome: responseOutcome,
      now: Date.now(),
    },
  });
  const { model, delivery, plan } = result;
  // The assertion's signature is inside EncryptedAssertion on the wire: read it before encryption too.
  const signed = result.signedByPlan ?? signedParts(delivery.xml, result.signed);
  const assertion = model.assertions[0];
  if ('user' in outcome && assertion?.subject.nameId) {
    provider.sessions.join(ctx, outcome.user.email, {
      spName: login.sp.name,
      entityId: login.sp.entityId,
      nameId: assertion.subject.nameId,
      sessionIndex: assertion.authnStatement?.sessionIndex,
      loggedInAt: model.issueInstant,
    });
  }
  const who = 'user' in outcome ? outcome.user.email : `failed (${outcome.failed})`;
  provider.trace(ctx, {
    flowId: flow?.id,
    direction: 'out',
    binding: delivery.binding,
    method: delivery.binding === 'HTTP-POST' ? 'POST' : 'GET',
    url: delivery.url,
    kind: 'Response',
    summary: `Response to ${login.sp.entityId} at ${delivery.url}: ${who}${login.request ? ` (InResponseTo ${login.request.id})` : ' (unsolicited)'}${delivery.posts > 1 ? `, posted ${delivery.posts} times` : ''}`,
    xml: delivery.xml,
    raw: encodedResponse(delivery),
    relayState: delivery.relayState,
    signature: signed.length ? { signed, alg: plan.signatureAlgorithm, keyKind: plan.keyKind } : { signed },
  });
  sendDelivery(ctx, delivery);
}
