import type { Context } from 'koa';
import type { Flow } from '../flows.ts';
import { ns, statusCodes } from './constants.ts';
import type { LogoutPlan, NameIdModel } from './response/stages.ts';
import type { ServiceProvider } from './sps/types.ts';
import { el, instant, samlId, text } from './xml-writer.ts';

/** A LogoutRequest from the IdP to an SP (IdP-initiated single logout). */
export function logoutRequestXml(input: {
  issuer: string | undefined;
  destination: string | undefined;
  nameId: NameIdModel;
  sessionIndex: string | undefined;
  now: number;
}): { id: string; xml: string } {
  const id = samlId();
  const xml = el(
    'samlp:LogoutRequest',
    {
      'xmlns:samlp': ns.protocol,
      'xmlns:saml': ns.assertion,
      ID: id,
      Version: '2.0',
      IssueInstant: instant(input.now),
      Destination: input.destination,
      NotOnOrAfter: instant(input.now + 5 * 60_000),
    },
    input.issuer !== undefined && el('saml:Issuer', {}, text(input.issuer)),
    el(
      'saml:NameID',
      { Format: input.nameId.format, SPNameQualifier: input.nameId.spNameQualifier },
      text(input.nameId.value),
    ),
    input.sessionIndex !== undefined && el('samlp:SessionIndex', {}, text(input.sessionIndex)),
  );
  return { id, xml };
}

/** The IdP's answer to an SP's LogoutRequest. */
export function logoutResponseXml(input: {
  issuer: string | undefined;
  destination: string | undefined;
  inResponseTo: string | undefined;
  statusCode?: string;
  now: number;
}): { id: string; xml: string } {
  const id = samlId();
  const xml = el(
    'samlp:LogoutResponse',
    {
      'xmlns:samlp': ns.protocol,
      'xmlns:saml': ns.assertion,
      ID: id,
      Version: '2.0',
      IssueInstant: instant(input.now),
      Destination: input.destination,
      InResponseTo: input.inResponseTo,
    },
    input.issuer !== undefined && el('saml:Issuer', {}, text(input.issuer)),
    el('samlp:Status', {}, el('samlp:StatusCode', { Value: input.statusCode ?? statusCodes.success })),
  );
  return { id, xml };
}

/**
 * The logout message plan after the flow's `logout` faults: what the IdP writes (Issuer,
 * Destination, InResponseTo) and which key signs. Without a flow, the correct plan.
 */
export async function logoutPlan(
  flow: Flow | undefined,
  plan: LogoutPlan,
  context: { providerId: string; sp: ServiceProvider; ctx: Context },
): Promise<LogoutPlan> {
  if (!flow?.hooks.has('saml', 'logout')) return plan;
  return flow.hooks.apply('saml', 'logout', structuredClone(plan), {
    providerId: context.providerId,
    flowId: flow.id,
    sp: context.sp,
    request: undefined,
  });
}
