import type { Context } from 'koa';
import { autoPostPage, redirectUrl } from '../bindings/outgoing.ts';
import type { DeliveryPlan } from './stages.ts';

/** How a correct IdP delivers: one HTTP-POST to the ACS URL, with the RelayState it was given. */
export function defaultDeliveryPlan(input: {
  acsUrl: string;
  relayState: string | undefined;
  xml: string;
}): DeliveryPlan {
  return { binding: 'HTTP-POST', url: input.acsUrl, relayState: input.relayState, posts: 1, xml: input.xml };
}

/** The base64 SAMLResponse of a plan, as the POST binding carries it. */
export function encodedResponse(plan: DeliveryPlan): string {
  return Buffer.from(plan.xml, 'utf8').toString('base64');
}

/** Answers the browser so that it carries the response to the SP. */
export function sendDelivery(ctx: Context, plan: DeliveryPlan): void {
  ctx.set('Cache-Control', 'no-store');
  if (plan.binding === 'HTTP-Redirect') {
    ctx.redirect(
      redirectUrl({ endpoint: plan.url, param: 'SAMLResponse', xml: plan.xml, relayState: plan.relayState }),
    );
    return;
  }
  ctx.type = 'html';
  ctx.body = autoPostPage({
    action: plan.url,
    fields: { SAMLResponse: encodedResponse(plan), RelayState: plan.relayState },
    title: 'Signing you in',
    times: plan.posts,
  });
}
