import type { Document, Element } from '@xmldom/xmldom';
import type { SpContext } from '../context.ts';
import { LoginRefused } from '../errors.ts';
import type { AssertedIdentity } from '../policy.ts';
import { attributeValues, type SamlEvidence, samlChecks } from './checks.ts';
import { decryptAssertions } from './decrypt.ts';
import { overStrictChecks } from './over-strict.ts';
import type { SamlSettings } from './settings.ts';
import type { SamlState } from './state.ts';
import { verifySignature } from './verify.ts';
import { attr, child, descendants, firstText, hasDoctype, ns, parseXml, path, text } from './xml.ts';

/** What the ACS hands on: who logged in, and what the session keeps for logout. */
export interface SamlLogin {
  identity: AssertedIdentity;
  nameIdFormat: string | undefined;
  sessionIndex: string | undefined;
  sessionNotOnOrAfter: number | undefined;
}

/**
 * The ACS pipeline: decode, refuse DTDs, verify the signature (node-saml), then every
 * check of `samlChecks` in order, each skipped only by its own lax switch.
 */
export async function consumeSamlResponse(
  sp: SpContext,
  state: SamlState,
  settings: SamlSettings,
  samlResponse: string | undefined,
  requests: Pick<SamlState['requests'], 'find'> = state.requests,
): Promise<SamlLogin> {
  const connection = settings.connection;
  if (!samlResponse) {
    throw new LoginRefused('response-invalid', 'the POST carries no SAMLResponse', {
      status: 400,
      connection,
    });
  }
  let xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  if (sp.lax.has('lenient-xml')) {
    // A repairing parser: a repeated attribute is dropped, the first one kept.
    xml = dropRepeatedAttributes(xml);
    samlResponse = Buffer.from(xml, 'utf8').toString('base64');
  }
  if (!xml.trimStart().startsWith('<')) {
    throw new LoginRefused('response-invalid', 'SAMLResponse is not base64-encoded XML', {
      status: 400,
      connection,
    });
  }
  if (hasDoctype(xml) && !sp.lax.has('doctype')) {
    throw new LoginRefused('doctype', 'the SAML response carries a DOCTYPE (DTDs and entities are refused)', {
      status: 400,
      connection,
    });
  }
  const received = parseXml(xml, 'SAML response');
  const root = received.documentElement!;
  if (root.namespaceURI !== ns.protocol || root.localName !== 'Response') {
    throw new LoginRefused('response-invalid', `expected a samlp:Response, got ${root.tagName}`, {
      status: 400,
      connection,
    });
  }
  const { doc, base64 } = await decryptAssertions(sp, settings, received, samlResponse, () =>
    state.metadata.get(settings.config.metadataUrl, { connection }),
  );
  const response = doc.documentElement!;

  const { verified, meta } = await verifySignature(sp, settings, base64, doc, (refresh) =>
    state.metadata.get(settings.config.metadataUrl, { refresh, connection }),
  );
  if (verified.how !== 'verified') sp.log(`[demo-sp] ${connection}: assertion taken ${verified.how}`);

  const evidence: SamlEvidence = {
    settings,
    meta,
    response,
    assertion: verified.assertion,
    requests,
    replay: state.replay,
    now: sp.now(),
    skewMs: sp.skewSeconds * 1000,
    maxAgeMs: sp.maxAgeSeconds * 1000,
  };
  for (const check of samlChecks) {
    if (sp.lax.has(check.lax)) continue;
    const failure = check.run(evidence);
    if (failure) throw new LoginRefused(check.lax, failure, { connection });
  }
  for (const check of overStrictChecks) {
    if (!sp.lax.has(check.lax)) continue;
    const failure = check.run(evidence);
    if (failure) throw new LoginRefused(check.lax, failure, { connection });
  }

  const assertion = verified.assertion;
  // Lax first-text-node: read the identity from the document as received (not from the
  // canonical signed bytes), first text node only, as CVE-2017-11427-vulnerable SPs did.
  const firstTextNode = sp.lax.has('first-text-node');
  const source = firstTextNode ? (sameIdIn(doc, assertion) ?? assertion) : assertion;
  const read = firstTextNode ? firstText : text;
  const nameIdEl = path(source, [ns.assertion, 'Subject'], [ns.assertion, 'NameID']);
  const nameId = read(nameIdEl);
  const emailValue = attributeValues(source, settings.attributes.email, read)[0];
  const email = emailValue ?? (nameId?.includes('@') ? nameId : undefined);
  if (!nameId && !email) {
    throw new LoginRefused('subject-missing', 'the assertion names no subject (no NameID, no email)', {
      connection,
    });
  }
  const statement = child(assertion, ns.assertion, 'AuthnStatement');
  const sessionEnd = attr(statement, 'SessionNotOnOrAfter');
  return {
    identity: {
      connection,
      subject: nameId ?? email!,
      nameId,
      externalId: attributeValues(assertion, settings.attributes.externalId)[0],
      email,
      emailTrusted: true,
      groups: attributeValues(assertion, settings.attributes.groups),
    },
    nameIdFormat: attr(nameIdEl, 'Format'),
    sessionIndex: attr(statement, 'SessionIndex'),
    // The IdP's clock wrote the end: the same skew as the login check, or a session accepted
    // within the skew would end before its first page.
    sessionNotOnOrAfter:
      sessionEnd && !sp.lax.has('session-not-on-or-after')
        ? Date.parse(sessionEnd) + sp.skewSeconds * 1000
        : undefined,
  };
}

/** Each start tag keeps the first of attributes that share a name (not well-formed XML, repaired). */
function dropRepeatedAttributes(xml: string): string {
  return xml.replace(
    /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)(\s*\/?)>/g,
    (_tag, name: string, attrs: string, end: string) => {
      const seen = new Set<string>();
      const kept = attrs.replace(/\s+([^\s=>/]+)\s*=\s*("[^"]*"|'[^']*')/g, (whole: string, attr: string) => {
        if (seen.has(attr)) return '';
        seen.add(attr);
        return whole;
      });
      return `<${name}${kept}${end}>`;
    },
  );
}

/** The element of the received document with the same ID as the (re-parsed) verified assertion. */
function sameIdIn(doc: Document, assertion: Element): Element | undefined {
  const id = attr(assertion, 'ID');
  return id ? descendants(doc, ns.assertion, 'Assertion').find((a) => attr(a, 'ID') === id) : undefined;
}
