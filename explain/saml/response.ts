import type { Element } from '@xmldom/xmldom';
import { ns } from '../../idp/saml/constants.ts';
import { describeError } from '../../lib/errors.ts';
import { checkAttributes, checkAudience, checkAuthnContext, checkSubject } from './checks-assertion.ts';
import {
  checkDestination,
  checkInResponseTo,
  checkIssuer,
  checkRelayState,
  checkStatus,
} from './checks-envelope.ts';
import {
  checkSignaturePresence,
  checkSignatures,
  checkWrapping,
  type SignatureSummary,
} from './checks-signature.ts';
import { checkStructure } from './checks-structure.ts';
import { checkResponseTimes } from './checks-time.ts';
import { decryptAssertion } from './decrypt.ts';
import type { SamlCheckInput } from './model.ts';
import { childrenNS, label, parseSamlXml } from './parse.ts';
import { analyzeSignatures } from './signatures.ts';

/**
 * Every check of a samlp:Response, in the order an SP makes them: status, issuer,
 * destination, the request it answers, signatures (which element, which certificate,
 * algorithms, wrapping), then the assertion an SP reads: audience, subject, times,
 * authentication context, attributes.
 */
export async function checkResponse(input: SamlCheckInput): Promise<void> {
  const { findings, root, context } = input;
  const trusted = context.idp?.signingCertificates ?? [];
  const signatures = analyzeSignatures(input.xml, root.ownerDocument!, trusted);
  const success = checkStatus(input);
  checkIssuer(input, root, false);
  checkDestination(input, childrenNS(root, ns.dsig, 'Signature').length > 0);
  checkInResponseTo(input);
  checkRelayState(input);

  let assertions = childrenNS(root, ns.assertion, 'Assertion');
  const encrypted = childrenNS(root, ns.assertion, 'EncryptedAssertion');
  const summary: SignatureSummary = checkSignatures(input, signatures);
  if (encrypted.length > 0) {
    const decrypted = await decryptAll(input, encrypted);
    for (const { assertion, xml } of decrypted) {
      const own = checkSignatures(input, analyzeSignatures(xml, assertion.ownerDocument!, trusted));
      for (const element of own.verifiedIn) summary.verifiedIn.add(element);
      summary.relocated.push(...own.relocated);
    }
    assertions = [...assertions, ...decrypted.map((d) => d.assertion)];
    if (decrypted.length < encrypted.length) return;
  }
  const assertion = assertions[0];
  checkSignaturePresence(input, assertions, summary, encrypted.length > 0);
  checkWrapping(input, signatures, summary, childrenNS(root, ns.assertion, 'Assertion'));

  if (!assertion) {
    if (success) {
      findings.problem(
        'saml.subject',
        'the status is Success but the Response carries no assertion: there is nobody to log in',
        {
          where: label(root),
          spec: 'SAML 2.0 Profiles §4.1.4.2 (a successful Response contains at least one assertion)',
          fix: { side: 'idp', text: 'The IdP must include the assertion in a successful response.' },
        },
      );
    }
    return;
  }
  if (!success) {
    findings.warning(
      'saml.status',
      'the Response carries an assertion although its status is not Success: an SP must not log anyone in from it',
      { where: label(assertion) },
    );
  }
  checkIssuer(input, assertion, true);
  checkStructure(input, [root, ...assertions]);
  checkAudience(input, assertion);
  checkSubject(input, assertion);
  checkResponseTimes(input, assertion);
  checkAuthnContext(input, assertion);
  checkAttributes(input, assertion);
}

async function decryptAll(
  input: SamlCheckInput,
  encrypted: Element[],
): Promise<Array<{ assertion: Element; xml: string }>> {
  const { findings, context } = input;
  const spec = 'SAML 2.0 Core §2.3.4 (EncryptedAssertion); XML Encryption 1.1';
  if (!context.decryptionKey) {
    findings.problem(
      'saml.encrypted',
      "the assertion is encrypted (EncryptedAssertion): give the SP's decryption key (--key) to check what it says",
      {
        where: label(input.root),
        spec,
      },
    );
    return [];
  }
  const out: Array<{ assertion: Element; xml: string }> = [];
  for (const element of encrypted) {
    try {
      const xml = await decryptAssertion(element, context.decryptionKey);
      const doc = parseSamlXml(xml, 'the decrypted assertion');
      out.push({ assertion: doc.documentElement as Element, xml });
      findings.ok('saml.encrypted', 'the assertion was decrypted with the key given', {
        where: 'EncryptedAssertion',
        spec,
      });
    } catch (error) {
      findings.problem(
        'saml.encrypted',
        `the assertion cannot be decrypted with the key given: ${describeError(error)}`,
        {
          where: 'EncryptedAssertion',
          spec,
          fix: {
            side: 'idp',
            text: "The IdP encrypts for another certificate than the SP's current one: give the IdP the SP's encryption certificate (or its new metadata).",
          },
        },
      );
    }
  }
  return out;
}
