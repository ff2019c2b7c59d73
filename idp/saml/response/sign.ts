import type { SamlProviderConfig } from '../../../config/schema.ts';
import type { KeyFactory } from '../../keys/factory.ts';
import { type SignTarget, signElements } from '../sign-xml.ts';
import type { ServiceProvider } from '../sps/types.ts';
import type { ResponseModel, SigningPlan } from './stages.ts';

/** The plan of a correct IdP: the current key, the provider's algorithms, what the SP asks for. */
export function defaultSigningPlan(provider: SamlProviderConfig, sp: ServiceProvider): SigningPlan {
  const targets =
    sp.signResponse && sp.signAssertion
      ? 'both'
      : sp.signResponse
        ? 'response'
        : sp.signAssertion
          ? 'assertion'
          : 'none';
  return {
    keyKind: 'current',
    signatureAlgorithm: provider.signatureAlgorithm,
    digestAlgorithm: provider.digestAlgorithm,
    targets,
    keyInfo: { certificateKind: 'current' },
  };
}

export function signsAssertions(plan: SigningPlan): boolean {
  return plan.targets === 'assertion' || plan.targets === 'both';
}

export function signsResponse(plan: SigningPlan): boolean {
  return plan.targets === 'response' || plan.targets === 'both';
}

/**
 * Signs the parts of the XML the plan names: assertions first, then the response (whose
 * digest then covers the signed assertions). `parts` limits it to one side, for the
 * encrypting path where the response is signed only after its assertions are encrypted.
 */
export async function signResponseXml(
  xml: string,
  model: ResponseModel,
  plan: SigningPlan,
  options: { keys: KeyFactory; providerId: string; parts: 'assertions' | 'response' | 'all' },
): Promise<string> {
  const wantAssertions = signsAssertions(plan) && options.parts !== 'response';
  const wantResponse = signsResponse(plan) && options.parts !== 'assertions';
  if (!wantAssertions && !wantResponse) return xml;
  const signing = await options.keys.get(options.providerId, plan.keyKind);
  const keyInfoCertificate =
    plan.keyInfo === 'none'
      ? undefined
      : plan.keyInfo.certificateKind === plan.keyKind
        ? signing.certificatePem
        : (await options.keys.get(options.providerId, plan.keyInfo.certificateKind)).certificatePem;
  const alsoKinds = plan.keyInfo === 'none' ? [] : (plan.keyInfo.alsoKinds ?? []);
  const moreKeyInfoCertificates = (
    await Promise.all(
      alsoKinds.map(async (kind) => (await options.keys.get(options.providerId, kind)).certificatePem),
    )
  ).filter((pem): pem is string => pem !== undefined);
  const key = {
    privateKey: signing.privateKey,
    keyInfoCertificate,
    moreKeyInfoCertificates,
    signatureAlgorithm: plan.signatureAlgorithm,
    digestAlgorithm: plan.digestAlgorithm,
    extraTransform: plan.extraTransform,
  };
  const assertions: SignTarget[] = wantAssertions
    ? model.assertions.map((assertion) => ({ localName: 'Assertion', id: assertion.id }))
    : [];
  const response: SignTarget[] = wantResponse ? [{ localName: 'Response', id: model.id }] : [];
  if (!plan.spoilAssertionSignatures) return signElements(xml, [...assertions, ...response], key);
  const spoiled = spoilSignatureValues(signElements(xml, assertions, key));
  return response.length ? signElements(spoiled, response, key) : spoiled;
}

/** Flips the first base64 character of every SignatureValue: the signatures stop verifying. */
function spoilSignatureValues(xml: string): string {
  return xml.replace(
    /(<(?:\w+:)?SignatureValue>)(.)/g,
    (_whole, open: string, first: string) => `${open}${first === 'A' ? 'B' : 'A'}`,
  );
}
