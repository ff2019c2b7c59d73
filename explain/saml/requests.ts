import { createVerify } from 'node:crypto';
import { ns } from '../../idp/saml/constants.ts';
import { duration, iso, parseInstant } from '../time.ts';
import { checkIssuer, checkStatus } from './checks-envelope.ts';
import { checkSignatures } from './checks-signature.ts';
import type { SamlCheckInput } from './model.ts';
import { childNS, label } from './parse.ts';
import { analyzeSignatures, certificateFacts, xmlAlgorithms } from './signatures.ts';

/**
 * Checks of the messages an SP sends (AuthnRequest, LogoutRequest) and of a
 * LogoutResponse: who sent it, where to, when, and its signature (enveloped, or the
 * Redirect binding's query signature) against the sender's certificate.
 */
export function checkRequest(input: SamlCheckInput): void {
  const { root, findings, context } = input;
  const kind = root.localName;
  const fromSp =
    kind === 'AuthnRequest' ||
    (kind === 'LogoutRequest' && !isFromIdp(input)) ||
    (kind === 'LogoutResponse' && !isFromIdp(input));
  const issuer = childNS(root, ns.assertion, 'Issuer')?.textContent?.trim();
  const where = label(root);
  if (fromSp) {
    const expected = context.sp?.entityId;
    if (!issuer) {
      findings.problem(
        'saml.request.issuer',
        `the ${kind} has no Issuer: the IdP cannot tell which SP sent it`,
        { where, expected, spec: 'SAML 2.0 Profiles §4.1.4.1 (the Issuer MUST be the SP entityID)' },
      );
    } else if (expected && issuer !== expected) {
      findings.problem(
        'saml.request.issuer',
        `the ${kind} comes from ${issuer}, but the SP's entityID is ${expected}: the IdP looks up the SP by this value`,
        {
          where,
          expected,
          actual: issuer,
          spec: 'SAML 2.0 Profiles §4.1.4.1',
          fix: {
            side: 'sp',
            text: `Make the SP send its entityID "${expected}" as Issuer, or register "${issuer}" at the IdP.`,
          },
        },
      );
    } else {
      findings.ok('saml.request.issuer', `the ${kind} comes from ${issuer}`, {
        where,
        expected,
        actual: issuer,
      });
    }
  } else {
    checkIssuer(input, root, true);
  }
  if (kind === 'AuthnRequest') checkAuthnRequestAcs(input);
  if (kind === 'LogoutResponse') {
    checkStatus(input);
    checkLogoutAnswer(input);
  }
  const destination = root.getAttribute('Destination') || undefined;
  const idpUrls = [...(context.idp?.ssoUrls ?? []), ...(context.idp?.sloUrls ?? [])];
  if (fromSp && destination && idpUrls.length && !idpUrls.includes(destination)) {
    findings.problem(
      'saml.request.destination',
      `the ${kind} is addressed to ${destination}, which is none of the IdP's endpoints`,
      {
        where,
        expected: idpUrls.join(' or '),
        actual: destination,
        spec: 'SAML 2.0 Core §3.2.1 (Destination)',
        fix: { side: 'sp', text: 'Re-import the IdP metadata at the SP: its SSO/SLO URL changed.' },
      },
    );
  }
  const issued = parseInstant(root.getAttribute('IssueInstant') ?? undefined);
  if (issued !== undefined && Math.abs(issued - input.now) > input.skewMs + 600_000) {
    findings.warning(
      'saml.time.issue-instant',
      `the ${kind} was issued ${duration(issued - input.now)} ${issued > input.now ? 'after' : 'before'} the capture time`,
      { where, actual: iso(issued) },
    );
  }
  const certificates = fromSp
    ? (context.sp?.signingCertificates ?? [])
    : (context.idp?.signingCertificates ?? []);
  if (input.message.redirectSignature) {
    checkRedirectSignature(input, certificates, fromSp);
  } else {
    const signatures = analyzeSignatures(input.xml, root.ownerDocument!, certificates);
    if (signatures.length === 0) {
      findings.ok(
        'saml.request.signature',
        `the ${kind} is not signed${fromSp ? ' (IdPs that require signed requests refuse it)' : ''}`,
        { where },
      );
    } else if (fromSp) {
      // The request's signer is the SP: check its signature as the IdP would.
      const verified = signatures.filter((s) => s.verified?.with === 'trusted').length;
      if (certificates.length === 0) {
        findings.ok(
          'saml.request.signature',
          `the ${kind} is signed (no SP certificate given to verify it)`,
          { where },
        );
      } else if (verified === signatures.length) {
        findings.ok('saml.request.signature', `the ${kind}'s signature verifies with the SP's certificate`, {
          where,
        });
      } else {
        findings.problem(
          'saml.request.signature',
          `the ${kind}'s signature does not verify with the SP's certificate: ${signatures.find((s) => !s.verified)?.failure ?? ''}`,
          {
            where,
            spec: 'SAML 2.0 Core §5.4',
            fix: {
              side: 'idp',
              text: "Give the IdP the SP's current signing certificate (re-import the SP metadata).",
            },
          },
        );
      }
    } else {
      checkSignatures(input, signatures);
    }
  }
}

/** A LogoutResponse answers the LogoutRequest the capture holds. */
function checkLogoutAnswer(input: SamlCheckInput): void {
  const { root, findings, request } = input;
  if (!request) return;
  const value = root.getAttribute('InResponseTo') || undefined;
  const spec = 'SAML 2.0 Core §3.2.2 (InResponseTo), §3.7.2 (LogoutResponse)';
  if (value !== request.id) {
    findings.problem(
      'saml.in-response-to',
      `the LogoutResponse answers ${value ?? 'no request'}, but the LogoutRequest of the capture is ${request.id}`,
      {
        where: label(root),
        expected: request.id,
        actual: value,
        spec,
        fix: { side: 'idp', text: 'The LogoutResponse must name the ID of the LogoutRequest it answers.' },
      },
    );
  } else {
    findings.ok('saml.in-response-to', 'the LogoutResponse answers the LogoutRequest of the capture', {
      where: label(root),
      expected: request.id,
      actual: value,
      spec,
    });
  }
}

function isFromIdp(input: SamlCheckInput): boolean {
  const issuer = childNS(input.root, ns.assertion, 'Issuer')?.textContent?.trim();
  return Boolean(issuer && issuer === input.context.idp?.entityId);
}

function checkAuthnRequestAcs(input: SamlCheckInput): void {
  const { root, findings, context } = input;
  const acs = root.getAttribute('AssertionConsumerServiceURL') || undefined;
  const known = context.sp?.acsUrls ?? [];
  if (acs && known.length && !known.includes(acs)) {
    findings.problem(
      'saml.request.acs',
      `the AuthnRequest asks for the response at ${acs}, which is not among the SP's registered ACS URLs: the IdP refuses or ignores it`,
      {
        where: label(root),
        expected: known.join(' or '),
        actual: acs,
        spec: 'SAML 2.0 Profiles §4.1.4.1 (the IdP MUST verify the ACS URL against metadata)',
        fix: {
          side: 'idp',
          text: `Register ${acs} as a Reply/ACS URL at the IdP, or make the SP send its registered one.`,
          topic: 'acs',
        },
      },
    );
  } else if (acs) {
    findings.ok('saml.request.acs', `the AuthnRequest asks for the response at ${acs}`, {
      where: label(root),
      actual: acs,
    });
  }
}

function checkRedirectSignature(input: SamlCheckInput, certificates: string[], fromSp: boolean): void {
  const { findings, root } = input;
  const signature = input.message.redirectSignature!;
  const where = `${label(root)} (HTTP-Redirect query signature)`;
  const algorithm = xmlAlgorithms[signature.sigAlg];
  const spec = 'SAML 2.0 Bindings §3.4.4.1 (DEFLATE encoding: SigAlg and Signature over the query)';
  if (!algorithm) {
    findings.problem(
      'saml.request.signature',
      `SigAlg "${signature.sigAlg}" is not a known signature algorithm`,
      { where, actual: signature.sigAlg, spec },
    );
    return;
  }
  if (algorithm.weak) {
    findings.problem(
      'saml.signature.algorithm',
      `the query is signed with ${algorithm.name}, too weak for strict ${fromSp ? 'IdPs' : 'SPs'}`,
      { where, actual: algorithm.name, expected: 'RSA-SHA256', spec },
    );
  }
  if (certificates.length === 0) {
    findings.ok(
      'saml.request.signature',
      `the query is signed with ${algorithm.name} (no certificate given to verify it)`,
      { where },
    );
    return;
  }
  const value = Buffer.from(signature.signature, 'base64');
  const by = certificates.find((pem) => {
    try {
      return createVerify(`RSA-${algorithm.hash.toUpperCase()}`)
        .update(signature.signedContent)
        .verify(pem, value);
    } catch {
      return false;
    }
  });
  if (by) {
    findings.ok(
      'saml.request.signature',
      `the query signature verifies with ${certificateFacts(by)?.subject ?? 'the certificate'}`,
      { where, actual: certificateFacts(by)?.fingerprintSha256 },
    );
  } else {
    findings.problem(
      'saml.request.signature',
      "the query signature does not verify with the sender's certificate",
      {
        where,
        spec,
        fix: {
          side: fromSp ? 'idp' : 'sp',
          text: "Give the receiving side the sender's current signing certificate; check that nothing re-encoded the query string (the signature covers it byte for byte).",
        },
      },
    );
  }
}
