import type { Element } from '@xmldom/xmldom';
import { ns } from '../../idp/saml/constants.ts';
import { portOnlyDifference } from '../near-miss.ts';
import type { SamlCheckInput } from './model.ts';
import { childNS, label } from './parse.ts';
import { shortStatus, statusMeanings } from './status-codes.ts';

const core = 'SAML 2.0 Core';

/** The Status of a Response or LogoutResponse: Success, or what the codes mean and who acts. */
export function checkStatus(input: SamlCheckInput): boolean {
  const { findings, root } = input;
  const status = childNS(root, ns.protocol, 'Status');
  const top = childNS(status, ns.protocol, 'StatusCode');
  const code = top?.getAttribute('Value') ?? undefined;
  const sub = childNS(top, ns.protocol, 'StatusCode')?.getAttribute('Value') ?? undefined;
  const message = childNS(status, ns.protocol, 'StatusMessage')?.textContent?.trim();
  const spec = `${core} §3.2.2.2 (StatusCode)`;
  if (!code) {
    findings.problem('saml.status', `the ${root.localName} has no StatusCode, which is required`, {
      where: label(root),
      spec,
    });
    return false;
  }
  if (code === 'urn:oasis:names:tc:SAML:2.0:status:Success') {
    findings.ok('saml.status', 'the status is Success', { where: label(root), actual: 'Success', spec });
    return true;
  }
  const meaning = statusMeanings[sub ?? ''] ?? statusMeanings[code];
  const words = [shortStatus(code), sub && shortStatus(sub)].filter(Boolean).join(' / ');
  findings.problem(
    'saml.status',
    `the IdP answered ${words}: ${meaning?.meaning ?? 'a status this explainer does not know'}${message ? ` ("${message}")` : ''}. There is no login to accept.`,
    {
      where: label(root),
      expected: 'Success',
      actual: words,
      spec,
      fix:
        (meaning?.side ?? 'idp') === 'idp'
          ? {
              side: 'idp',
              text: "Look up the error in the IdP's sign-in logs for this user and time; for RequestDenied, assign the user to the application.",
              topic: 'assignment',
            }
          : {
              side: 'sp',
              text: 'The SP asked for something the IdP cannot give: compare the AuthnRequest (NameIDPolicy, RequestedAuthnContext, IsPassive, ProtocolBinding) with what the IdP supports.',
            },
    },
  );
  return false;
}

/** The Issuer of the Response (optional unless signed) and of each assertion (required) against the IdP's entityID. */
export function checkIssuer(input: SamlCheckInput, element: Element, required: boolean): void {
  const { findings, context } = input;
  const issuer = childNS(element, ns.assertion, 'Issuer')?.textContent?.trim();
  const expected = context.idp?.entityId;
  const where = label(element);
  const spec =
    element.localName === 'Assertion'
      ? `${core} §2.3.3 (an Assertion MUST have an Issuer)`
      : 'SAML 2.0 Profiles §4.1.4.2 (Issuer)';
  if (!issuer) {
    const text = `the ${element.localName} has no Issuer${required ? ', which is required' : ''}`;
    if (required)
      findings.problem('saml.issuer', text, {
        where,
        expected,
        spec,
        fix: { side: 'idp', text: 'Have the IdP write its entityID as Issuer.', topic: 'issuer' },
      });
    else
      findings.warning('saml.issuer', `${text}: optional when unsigned, but most SPs look for it`, {
        where,
        expected,
        spec,
      });
    return;
  }
  if (!expected) {
    findings.ok(
      'saml.issuer',
      `the ${element.localName} is issued by ${issuer} (no IdP settings given to compare with)`,
      { where, actual: issuer, spec },
    );
    return;
  }
  const near = portOnlyDifference(
    issuer,
    [expected],
    `the ${element.localName}'s Issuer`,
    'the IdP entityID the SP trusts',
  );
  if (near) {
    findings.warning('saml.issuer', near.text, { where, spec, ...near.detail });
    return;
  }
  if (issuer !== expected) {
    const trailing = issuer.replace(/\/$/, '') === expected.replace(/\/$/, '');
    findings.problem(
      'saml.issuer',
      trailing
        ? `the Issuer differs from the IdP entityID the SP trusts only by a trailing slash: SPs compare entityIDs exactly`
        : `the ${element.localName} is issued by ${issuer}, not by the IdP the SP trusts (${expected})`,
      {
        where,
        expected,
        actual: issuer,
        spec: `${spec}; SAML 2.0 Core §8.3.6 (entity identifiers compared as strings)`,
        fix: {
          side: 'sp',
          text: `Set the IdP entityID the SP trusts to "${issuer}" if this IdP is the right one (re-import its metadata); otherwise the user went through the wrong IdP or tenant.`,
        },
      },
    );
    return;
  }
  findings.ok('saml.issuer', `the ${element.localName} is issued by the IdP the SP trusts`, {
    where,
    expected,
    actual: issuer,
    spec,
  });
}

/** Destination of the Response against the SP's ACS URLs; where it was really posted, when known. */
export function checkDestination(input: SamlCheckInput, signed: boolean): void {
  const { findings, root, context, message } = input;
  const destination = root.getAttribute('Destination') || undefined;
  const acs = context.sp?.acsUrls ?? [];
  const where = label(root);
  const spec = 'SAML 2.0 Core §3.2.2 (Destination); Bindings §3.5.5.2 (required when signed)';
  const fix = {
    side: 'idp' as const,
    text: `Set the ACS URL at the IdP to ${acs[0] ?? "the SP's ACS URL"} (exactly, scheme, host, port and path).`,
    topic: 'acs' as const,
  };
  if (!destination) {
    if (signed)
      findings.problem(
        'saml.destination',
        'the signed Response has no Destination: over HTTP-POST a signed message must name where it is going',
        { where, expected: acs[0], spec, fix },
      );
    else
      findings.warning('saml.destination', 'the Response has no Destination', {
        where,
        expected: acs[0],
        spec,
        fix,
      });
  } else if (acs.length > 0 && !acs.includes(destination)) {
    const near = portOnlyDifference(destination, acs, 'the Destination', "the SP's ACS URL");
    if (near) {
      findings.warning('saml.destination', near.text, { where, spec, ...near.detail });
    } else
      findings.problem(
        'saml.destination',
        `the Response is addressed to ${destination}, which is not one of the SP's ACS URLs`,
        { where, expected: acs.join(' or '), actual: destination, spec, fix },
      );
  } else {
    findings.ok(
      'saml.destination',
      acs.length
        ? "the Destination is the SP's ACS URL"
        : `the Destination is ${destination} (no SP settings given to compare with)`,
      { where, expected: acs.join(' or ') || undefined, actual: destination, spec },
    );
  }
  if (message.url && message.binding === 'HTTP-POST') {
    const deliveredSpec =
      'SAML 2.0 Bindings §3.5.5.2 (the recipient MUST check that Destination is the URL it was received at)';
    if (destination && message.url !== destination) {
      findings.problem(
        'saml.delivered-to',
        `the Response was posted to ${message.url}, not to the Destination it names (${destination}): the browser was sent to another ACS`,
        {
          where,
          expected: destination,
          actual: message.url,
          spec: deliveredSpec,
          fix: {
            side: 'idp',
            text: 'The IdP posts responses for this app to the wrong ACS URL (another app or connection of the SP).',
            topic: 'acs',
          },
        },
      );
    } else if (acs.length > 0 && !acs.includes(message.url)) {
      const near = portOnlyDifference(
        message.url,
        acs,
        'the URL the Response was posted to',
        "the SP's ACS URL",
      );
      if (near) {
        findings.warning('saml.delivered-to', near.text, { where, spec: deliveredSpec, ...near.detail });
      } else
        findings.problem(
          'saml.delivered-to',
          `the Response was posted to ${message.url}, which is not one of the SP's ACS URLs`,
          { where, expected: acs.join(' or '), actual: message.url, spec: deliveredSpec, fix },
        );
    } else {
      findings.ok('saml.delivered-to', `the Response was posted to ${message.url}`, {
        where,
        actual: message.url,
        spec: deliveredSpec,
      });
    }
  }
}

/** InResponseTo of the Response against the AuthnRequest the capture holds. */
export function checkInResponseTo(input: SamlCheckInput): void {
  const { findings, root, request, context } = input;
  const value = root.getAttribute('InResponseTo') || undefined;
  const expected = request?.id ?? context.expected.inResponseTo;
  const where = label(root);
  const spec = 'SAML 2.0 Core §3.2.2 (InResponseTo); Profiles §4.1.4.2 (MUST match the request ID)';
  if (!expected) {
    findings.ok(
      'saml.in-response-to',
      value
        ? `the Response answers request ${value} (the capture holds no AuthnRequest to compare with)`
        : 'the Response answers no request: an unsolicited (IdP-initiated) response',
      { where, actual: value, spec },
    );
    return;
  }
  if (!value) {
    findings.problem(
      'saml.in-response-to',
      `the SP sent AuthnRequest ${expected}, but the Response names no InResponseTo: SPs that track their requests refuse it as unsolicited`,
      {
        where,
        expected,
        spec,
        fix: {
          side: 'idp',
          text: 'The IdP answers as if the login were IdP-initiated: the user probably started from the IdP portal, or the IdP lost the request.',
        },
      },
    );
  } else if (value !== expected) {
    findings.problem(
      'saml.in-response-to',
      `the Response answers request ${value}, but the SP sent ${expected}: a response to another login (a replay, another tab, or a second SP instance)`,
      {
        where,
        expected,
        actual: value,
        spec,
        fix: {
          side: 'sp',
          text: "Start the login once, in one tab; behind a load balancer, share the SP's request store between instances.",
        },
      },
    );
  } else {
    findings.ok('saml.in-response-to', 'the Response answers the AuthnRequest the SP sent', {
      where,
      expected,
      actual: value,
      spec,
    });
  }
}

/** RelayState sent back against the one the SP sent with its request. */
export function checkRelayState(input: SamlCheckInput): void {
  const { findings, request, message } = input;
  if (!request || request.relayState === undefined || message.binding === 'raw') return;
  const spec = 'SAML 2.0 Bindings §3.4.3 and §3.5.3 (the IdP MUST return the RelayState it received)';
  if (message.relayState === undefined) {
    findings.problem(
      'saml.relay-state',
      "the SP sent a RelayState, but the IdP's response carries none: the SP loses where the user was going",
      {
        expected: request.relayState,
        spec,
        fix: { side: 'idp', text: 'The IdP must send back the RelayState it received, unchanged.' },
      },
    );
  } else if (message.relayState !== request.relayState) {
    findings.problem(
      'saml.relay-state',
      'the IdP sent back another RelayState than the SP sent: an SP that redirects to it may send the user somewhere else (open redirect)',
      {
        expected: request.relayState,
        actual: message.relayState,
        spec,
        fix: { side: 'idp', text: 'The IdP must send back the RelayState it received, unchanged.' },
      },
    );
  } else {
    findings.ok('saml.relay-state', 'the RelayState came back as the SP sent it', {
      expected: request.relayState,
      actual: message.relayState,
      spec,
    });
  }
}
