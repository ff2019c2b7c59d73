import type { ExplainContext } from './context/settings.ts';
import { certificateFacts } from './saml/signatures.ts';
import type { Explanation } from './types.ts';

/** The settings an explanation was made against, as the report shows them. */
export function summarizeContext(context: ExplainContext): Explanation['context'] {
  const sp = context.sp;
  const idp = context.idp;
  return {
    sp: sp && {
      source: sp.source,
      entityId: sp.entityId,
      acsUrls: sp.acsUrls,
      clientId: sp.clientId,
      redirectUris: sp.redirectUris,
    },
    idp: idp && {
      source: idp.source,
      entityId: idp.entityId,
      persona: idp.persona,
      certificates: idp.signingCertificates.flatMap((pem) => {
        const facts = certificateSummary(pem);
        return facts ? [facts] : [];
      }),
      jwksKids: (idp.jwks?.keys ?? []).map((k) => k.kid ?? '(no kid)'),
    },
    notes: idp?.jwksProblem ? [`the OP's keys could not be loaded: ${idp.jwksProblem}`] : [],
    harness: context.harness,
  };
}

function certificateSummary(
  pem: string,
): { subject: string; fingerprintSha256: string; notAfter: string } | undefined {
  const facts = certificateFacts(pem);
  return (
    facts && {
      subject: facts.subject,
      fingerprintSha256: facts.fingerprintSha256,
      notAfter: new Date(facts.notAfter).toISOString(),
    }
  );
}
