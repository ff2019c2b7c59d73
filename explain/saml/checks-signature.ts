import type { Element } from '@xmldom/xmldom';
import { certificateFingerprint as certificateFingerprintOf } from '../../idp/keys/certificate.ts';
import { ns } from '../../idp/saml/constants.ts';
import { duration, iso } from '../time.ts';
import type { SamlCheckInput } from './model.ts';
import { childNS, childrenNS, elementsNS, label } from './parse.ts';
import { isRelocated, placeOf, xpathOf } from './placement.ts';
import { type CertificateFacts, idIndex, type SignatureInfo, xmlAlgorithms } from './signatures.ts';

const dsig = 'W3C XML Signature 1.1';

/** What the signature checks found about the response, for the checks that follow. */
export interface SignatureSummary {
  /** The root element is covered by a signature that verifies. */
  rootSigned: boolean;
  /** Signatures that verify, by the element they sit in. */
  verifiedIn: Set<Element>;
  /** Signatures inside the element they reference but not its direct child (see `isRelocated`). */
  relocated: SignatureInfo[];
}

/**
 * The signatures of a SAML message: which element each signs, with which certificate
 * (subject, SHA-256 fingerprint, validity), whether it verifies with the IdP's
 * certificate, and how strong its algorithms and key are.
 */
export function checkSignatures(input: SamlCheckInput, signatures: SignatureInfo[]): SignatureSummary {
  const { findings, context } = input;
  const trusted = context.idp?.signingCertificates ?? [];
  const verifiedIn = new Set<Element>();
  const relocated: SignatureInfo[] = [];
  for (const info of signatures) {
    const where = `Signature in ${label(info.parent)}`;
    const signs = info.referenced ? label(info.referenced) : info.references.join(', ') || '(no reference)';
    const cert = info.verified?.certificate ?? info.keyInfo;
    const certWords = cert ? certificateWords(cert) : 'no certificate';
    if (info.verified?.with === 'trusted') {
      verifiedIn.add(info.parent);
      findings.ok(
        'saml.signature.verifies',
        `the signature over ${signs} verifies with the IdP certificate ${certWords}${info.specOnly ? ' under the canonicalization the spec defines' : ''}`,
        {
          where,
          actual: cert?.fingerprintSha256,
          spec: `${dsig} §3.2 (core validation); SAML 2.0 Core §5.4`,
        },
      );
      if (info.specOnly) {
        findings.warning(
          'saml.signature.verifies',
          'xml-crypto, and SPs built on it (node-saml, passport-saml), canonicalize the processing instruction in the signed content differently and will find this signature broken',
          {
            where,
            spec: 'W3C Exclusive XML Canonicalization 1.0 (processing instructions are kept)',
            fix: {
              side: 'idp',
              text: 'Nothing in a legitimate response needs a processing instruction: find what adds it.',
            },
          },
        );
      }
    } else if (info.verified?.with === 'key-info') {
      if (trusted.length > 0) {
        findings.problem(
          'saml.signature.certificate',
          `the signature over ${signs} was made with the key of the certificate in KeyInfo (${certWords}), which is not the IdP certificate the SP trusts (${trusted.length === 1 ? 'SHA-256' : 'SHA-256s'} ${trustedFingerprints(trusted)})`,
          {
            where,
            expected: trustedFingerprints(trusted),
            actual: cert?.fingerprintSha256,
            spec: 'SAML 2.0 Metadata §2.4.1.1 (KeyDescriptor: the keys the SP trusts); KeyInfo is only a hint',
            fix: {
              side: 'sp',
              text: `If the IdP rotated its signing certificate, upload the new one (SHA-256 ${cert?.fingerprintSha256}) to the SP or re-import the IdP metadata; otherwise this response was not signed by the IdP.`,
            },
          },
        );
      } else {
        findings.warning(
          'saml.signature.verifies',
          `the signature over ${signs} verifies with the certificate it carries in KeyInfo (${certWords}); that proves only integrity: give the IdP metadata to check it is the IdP's`,
          {
            where,
            actual: cert?.fingerprintSha256,
            spec: `${dsig} §4.5 (KeyInfo)`,
          },
        );
      }
      verifiedIn.add(info.parent);
    } else {
      findings.problem(
        'saml.signature.verifies',
        `the signature over ${signs} does not verify: ${info.failure ?? 'unknown reason'}`,
        {
          where,
          expected: trusted.length && !info.tampered ? trustedFingerprints(trusted) : undefined,
          actual: info.tampered ? undefined : cert?.fingerprintSha256,
          spec: `${dsig} §3.2 (core validation)`,
          fix: info.tampered
            ? {
                side: 'idp',
                text: 'Something changed the message after the IdP signed it (a proxy re-encoding it, a tool that pretty-printed it, or an attacker). Capture it again as it left the IdP.',
              }
            : {
                side: 'sp',
                text: `Compare the IdP's current signing certificate with the one the SP trusts${cert ? ` (the message names ${cert.fingerprintSha256})` : ''}; after a rotation at the IdP, upload the new certificate to the SP.`,
              },
        },
      );
    }
    if (
      info.verified &&
      info.keyInfo &&
      trusted.length > 0 &&
      info.verified.with === 'trusted' &&
      !trusted.some((t) => sameCert(t, info.keyInfo!))
    ) {
      findings.warning(
        'saml.signature.certificate',
        `KeyInfo carries another certificate (${certificateWords(info.keyInfo)}) than the trusted one that verifies the signature (${certificateWords(info.verified.certificate)}): SPs that take the certificate from KeyInfo, or pin its fingerprint, refuse`,
        {
          where,
          expected: info.verified.certificate.fingerprintSha256,
          actual: info.keyInfo.fingerprintSha256,
          spec: `${dsig} §4.5 (KeyInfo is a hint)`,
          fix: {
            side: 'idp',
            text: 'Have the IdP send the certificate it signs with in KeyInfo (or none).',
            topic: 'signing-certificate',
          },
        },
      );
    }
    // The certificate that verified, and the one the IdP says it signs under (KeyInfo), when they differ.
    const certificates = [cert, info.keyInfo].filter(
      (c, i, all): c is CertificateFacts =>
        c !== undefined && all.findIndex((o) => o?.fingerprintSha256 === c.fingerprintSha256) === i,
    );
    for (const certificate of certificates) checkCertificate(input, certificate, where);
    checkAlgorithms(input, info, where, certificates);
    if (checkPlacement(input, info, where)) relocated.push(info);
  }
  const rootSigned = signatures.some(
    (s) =>
      verifiedIn.has(s.parent) && s.referenced === input.root && (s.parent === input.root || isRelocated(s)),
  );
  return { rootSigned, verifiedIn, relocated };
}

/**
 * Whether a signature is the direct child of the element it references, where the schema
 * puts it (after Issuer). One moved deeper into that element still verifies (the
 * enveloped-signature transform removes it wherever it sits), but an SP must refuse it
 * (CVE-2025-54419). Signatures outside what they reference are the wrapping check's.
 * Returns whether the signature is relocated.
 */
function checkPlacement(input: SamlCheckInput, info: SignatureInfo, where: string): boolean {
  const { findings } = input;
  const spec =
    'SAML 2.0 Core §5.4.1 (enveloped signatures) and the saml:Assertion / samlp:Response schema (ds:Signature after Issuer); CVE-2025-54419';
  const referenced = info.referenced;
  if (!referenced) return false;
  const own = `${xpathOf(referenced)}/ds:Signature`;
  if (isRelocated(info)) {
    const place = placeOf(info.signature);
    findings.problem(
      'saml.signature.placement',
      `the signature over ${label(referenced)} sits inside ${label(info.parent)} (${place}), not as a direct child of the ${referenced.localName} it references: it verifies, because the enveloped-signature transform removes it wherever it sits, but nothing legitimate moves a signature after signing. An SP must verify only the ${referenced.localName}'s own signature and refuse this one (node-saml before 5.1.0 accepted it: CVE-2025-54419)`,
      {
        where,
        expected: own,
        actual: place,
        spec,
        fix: {
          side: 'sp',
          text: 'Refuse a signature that is not the direct child of the element it signs, and read only what the signature verified; for node-saml, update to 5.1.0 or later (passport-saml 5.1.1). At the IdP side, find what rewrote the message after signing.',
        },
      },
    );
    return true;
  }
  if (info.parent === referenced) {
    findings.ok(
      'saml.signature.placement',
      `the signature is the direct child of the ${referenced.localName} it signs`,
      {
        where,
        expected: own,
        spec,
      },
    );
  }
  return false;
}

function checkCertificate(input: SamlCheckInput, cert: CertificateFacts, where: string): void {
  const { findings, now } = input;
  const detail = {
    where,
    expected: `valid at ${iso(now)}`,
    actual: `${iso(cert.notBefore)} to ${iso(cert.notAfter)}`,
    spec: 'RFC 5280 §4.1.2.5 (validity)',
  };
  const rotate = {
    side: 'idp' as const,
    text: 'Rotate the signing certificate at the IdP, then give the new certificate (or the new metadata) to the SP.',
    topic: 'signing-certificate' as const,
  };
  if (cert.notAfter < now) {
    findings.problem(
      'saml.signature.certificate-validity',
      `the signing certificate (${certificateWords(cert)}) expired ${duration(now - cert.notAfter)} before the capture time`,
      { ...detail, fix: rotate },
    );
  } else if (cert.notBefore > now) {
    findings.problem(
      'saml.signature.certificate-validity',
      `the signing certificate (${certificateWords(cert)}) becomes valid only ${duration(cert.notBefore - now)} after the capture time`,
      { ...detail, fix: rotate },
    );
  } else if (cert.notAfter - now < 30 * 86_400_000) {
    findings.warning(
      'saml.signature.certificate-validity',
      `the signing certificate expires in ${duration(cert.notAfter - now)}: plan the rotation`,
      { ...detail, fix: rotate },
    );
  } else {
    findings.ok(
      'saml.signature.certificate-validity',
      `the signing certificate is valid until ${iso(cert.notAfter).slice(0, 10)}`,
      detail,
    );
  }
}

function checkAlgorithms(
  input: SamlCheckInput,
  info: SignatureInfo,
  where: string,
  certificates: CertificateFacts[],
): void {
  const { findings } = input;
  const weak: string[] = [];
  const cert = certificates[0];
  const signature = xmlAlgorithms[info.signatureAlgorithm ?? ''];
  if (signature?.weak) weak.push(`SignatureMethod ${signature.name}`);
  for (const uri of info.digestAlgorithms)
    if (xmlAlgorithms[uri]?.weak) weak.push(`DigestMethod ${xmlAlgorithms[uri]!.name}`);
  const signer = info.verified?.certificate ?? info.keyInfo;
  if (signer?.keyBits !== undefined && signer.keyBits < 2048) weak.push(`a ${signer.keyBits}-bit RSA key`);
  for (const c of certificates) {
    if (c.signatureAlgorithm?.startsWith('sha1'))
      weak.push(`a certificate itself signed with ${c.signatureAlgorithm} (${c.fingerprintSha256})`);
  }
  const used = [
    signature?.name ?? info.signatureAlgorithm ?? '(none)',
    ...info.digestAlgorithms.map((d) => xmlAlgorithms[d]?.name ?? d),
  ].join(' / ');
  const spec = 'NIST SP 800-131A Rev. 2 (SHA-1 disallowed for signatures, RSA at least 2048 bits); RFC 9231';
  if (weak.length > 0) {
    findings.problem(
      'saml.signature.algorithm',
      `the signature uses ${weak.join(', ')}: too weak, and refused by strict SPs`,
      {
        where,
        expected: 'RSA-SHA256 / SHA-256, RSA ≥ 2048 bits, certificates signed with SHA-256',
        actual: [
          used,
          signer?.keyBits ? `RSA ${signer.keyBits} bits` : undefined,
          ...certificates.map((c) =>
            c.signatureAlgorithm ? `certificate signed with ${c.signatureAlgorithm}` : undefined,
          ),
        ]
          .filter(Boolean)
          .join(', '),
        spec,
        fix: {
          side: 'idp',
          text: 'Sign with RSA-SHA256 and SHA-256 digests, with a key of at least 2048 bits, under a certificate signed with SHA-256 (issue a new one and give it to the SP).',
          topic: 'signature-algorithm',
        },
      },
    );
  } else {
    findings.ok(
      'saml.signature.algorithm',
      `the signature uses ${used}${cert?.keyBits ? ` with a ${cert.keyBits}-bit key` : ''}`,
      { where, actual: used, spec },
    );
  }
}

/**
 * Whether the response is signed at all, and where: the Response, the Assertion, or
 * both, against what the SP wants (WantAssertionsSigned).
 */
export function checkSignaturePresence(
  input: SamlCheckInput,
  assertions: Element[],
  summary: SignatureSummary,
  encrypted: boolean,
): void {
  const { findings, context, root } = input;
  const assertion = assertions[0];
  // Where the signed assertion sits is the wrapping check's business; here: is one signed at all.
  const relocatedFor = (element: Element) => summary.relocated.some((s) => s.referenced === element);
  const assertionSigned = assertions.some(
    (a) => summary.verifiedIn.has(a) || hasSignature(a) || relocatedFor(a),
  );
  const rootHas = hasSignature(root) || relocatedFor(root);
  const spec =
    'SAML 2.0 Profiles §4.1.3.5 (the assertion MUST be signed, directly or through the Response), Metadata §2.4.4 (WantAssertionsSigned)';
  const fix = {
    side: 'idp' as const,
    text: 'Have the IdP sign the assertion (or the response and the assertion).',
    topic: 'signed-parts' as const,
  };
  if (!rootHas && !assertionSigned) {
    findings.problem(
      'saml.signature.present',
      `neither the Response nor the Assertion is signed${encrypted ? ' (encryption does not replace a signature)' : ''}: anyone could have written it`,
      { where: label(root), spec, fix },
    );
    return;
  }
  if (context.sp?.wantAssertionsSigned && assertion && !assertionSigned) {
    findings.problem(
      'saml.signature.present',
      'only the Response is signed, and the SP wants the Assertion itself signed (WantAssertionsSigned)',
      {
        where: label(assertion),
        expected: 'a signed Assertion',
        actual: 'a signed Response only',
        spec,
        fix,
      },
    );
    return;
  }
  const parts = [rootHas && 'the Response', assertionSigned && 'the Assertion'].filter(Boolean).join(' and ');
  const misplaced =
    summary.relocated.length > 0 ? ' (a signature out of its place: see saml.signature.placement)' : '';
  findings.ok(
    'saml.signature.present',
    `${parts} ${rootHas && assertionSigned ? 'are' : 'is'} signed${misplaced}`,
    { where: label(root), spec },
  );
}

function hasSignature(element: Element): boolean {
  return childrenNS(element, ns.dsig, 'Signature').length > 0;
}

/**
 * Whether what an SP reads is what is signed: every signature must sit in the element it
 * signs, and the assertion an SP picks (the Response's first Assertion, or the first
 * Assertion anywhere, as naive code does) must be covered by a signature that verifies.
 * Also: IDs used twice (an ambiguous reference).
 */
export function checkWrapping(
  input: SamlCheckInput,
  signatures: SignatureInfo[],
  summary: SignatureSummary,
  assertions: Element[],
): void {
  const { findings, root } = input;
  const spec =
    'Somorovsky et al., "On Breaking SAML" (USENIX Security 2012); SAML 2.0 Core §5.4.2 (enveloped signatures reference their parent)';
  const fix = {
    side: 'sp' as const,
    text: 'Read the assertion from what the signature verified (the signed reference), not by searching the document; reject responses with several assertions or signatures that do not reference their parent. Update the SAML library.',
  };
  const ids = idIndex(root.ownerDocument!);
  const duplicates = [...ids.entries()].filter(([, elements]) => elements.length > 1);
  if (duplicates.length > 0) {
    findings.problem(
      'saml.ids',
      `${duplicates.map(([id, e]) => `ID ${id} is used by ${e.map(label).join(' and ')}`).join('; ')}: a signature reference to it is ambiguous`,
      {
        where: label(root),
        spec: 'SAML 2.0 Core §1.3.4 (IDs MUST be unique); XML Schema xs:ID',
        fix: { side: 'idp', text: 'The IdP must give each element its own random ID.' },
      },
    );
  } else {
    findings.ok('saml.ids', 'every ID in the message is unique', {
      where: label(root),
      spec: 'SAML 2.0 Core §1.3.4',
    });
  }
  const problems: string[] = [];
  for (const info of signatures) {
    if (!info.verified || isRelocated(info)) continue;
    if (info.referenced !== info.parent) {
      problems.push(
        `the signature inside ${label(info.parent)} vouches for ${info.referenced ? label(info.referenced) : info.references.join(', ')} elsewhere in the document, not for the element it sits in`,
      );
    }
  }
  const protectedBy = (assertion: Element) =>
    summary.rootSigned ||
    signatures.some(
      (s) => s.verified && s.referenced === assertion && (s.parent === assertion || isRelocated(s)),
    );
  const strict = childrenNS(root, ns.assertion, 'Assertion')[0];
  const naive = elementsNS(root.ownerDocument!, ns.assertion, 'Assertion')[0];
  const anySigned = signatures.some((s) => s.verified);
  if (strict && naive && strict !== naive) {
    problems.push(
      `an SP that takes the first Assertion anywhere reads ${label(naive)}${nameOf(naive)} inside ${label(naive.parentNode as Element)}, not the Response's own ${label(strict)}${nameOf(strict)}`,
    );
  }
  const readers: Array<[string, Element | undefined]> =
    strict === naive
      ? [['the assertion an SP reads', strict]]
      : [
          ["the Response's first Assertion", strict],
          ['the first Assertion in the document', naive],
        ];
  for (const [reader, assertion] of readers) {
    if (!assertion || !anySigned || protectedBy(assertion)) continue;
    const signed = signatures.find((s) => s.verified && s.referenced)?.referenced;
    problems.push(
      `${reader}, ${label(assertion)}${nameOf(assertion)}, is not covered by a signature that verifies${signed ? `; the signed element is ${label(signed)}${signed.localName === 'Assertion' ? nameOf(signed) : ''}` : ''}`,
    );
  }
  const unsignedSiblings = assertions.filter((a) => a !== strict && a.parentNode === root && !protectedBy(a));
  if (anySigned && unsignedSiblings.length > 0) {
    problems.push(
      `the Response carries ${assertions.length} assertions and ${unsignedSiblings.map((a) => `${label(a)}${nameOf(a)}`).join(', ')} is not signed: SPs that read every or the last assertion read it`,
    );
  }
  if (problems.length > 0) {
    findings.problem(
      'saml.signature.wrapping',
      `what an SP reads is not what is signed (XML signature wrapping): ${[...new Set(problems)].join('; ')}`,
      { where: label(root), spec, fix },
    );
  } else if (anySigned) {
    findings.ok(
      'saml.signature.wrapping',
      'every signature sits in the element it signs, and the assertion an SP reads is the signed one',
      { where: label(root), spec },
    );
  }
}

function nameOf(assertion: Element): string {
  const subject = childNS(assertion, ns.assertion, 'Subject');
  const nameId = childNS(subject, ns.assertion, 'NameID')?.textContent?.trim();
  return nameId ? ` (NameID ${nameId})` : '';
}

export function certificateWords(cert: CertificateFacts): string {
  return `${cert.subject || '(no subject)'}, SHA-256 ${cert.fingerprintSha256}, valid ${iso(cert.notBefore).slice(0, 10)} to ${iso(cert.notAfter).slice(0, 10)}`;
}

function trustedFingerprints(trusted: readonly string[]): string {
  return trusted
    .map((pem) => {
      try {
        return certificateFingerprintOf(pem);
      } catch {
        return '(unreadable)';
      }
    })
    .join(', ');
}

function sameCert(pem: string, cert: CertificateFacts): boolean {
  try {
    return certificateFingerprintOf(pem) === cert.fingerprintSha256;
  } catch {
    return false;
  }
}
