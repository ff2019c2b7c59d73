import { IdpError } from '../errors.ts';
import type { IncomingMessage } from './bindings/incoming.ts';
import type { ServiceProvider } from './sps/types.ts';
import { checkMessageSignature } from './verify.ts';

/**
 * Checks the signature of a message from an SP and refuses it when it is bad, or missing
 * while `required`. Returns a few words for the trace ("signature valid", "unsigned", ...).
 * A signed message from an SP whose certificate is unknown passes unverified, unless the
 * SP must sign (then the missing certificate is the error).
 */
export function enforceSignature(
  sp: ServiceProvider,
  message: IncomingMessage,
  kind: string,
  required: boolean,
): string {
  const check = checkMessageSignature(message, sp.signingCertificates);
  if (check.state === 'unsigned') {
    if (required) {
      throw new IdpError(
        'SIGNATURE_REQUIRED',
        400,
        `the ${kind} from ${sp.entityId} is not signed, and this IdP requires signed requests`,
        {
          hint: `Sign ${kind}s at the SP (SigAlg + Signature for HTTP-Redirect, an enveloped ds:Signature for HTTP-POST), or set requireSignedRequests: false for SP "${sp.name}".`,
        },
      );
    }
    return 'unsigned';
  }
  if (sp.signingCertificates.length === 0) {
    if (required) {
      throw new IdpError(
        'SIGNATURE_INVALID',
        400,
        `SP "${sp.name}" must sign its ${kind}s but no certificate is registered to verify them`,
        {
          hint: 'Add the SP signing certificate (certificate, or metadata with a signing KeyDescriptor).',
        },
      );
    }
    return 'signed, not verified (no SP certificate)';
  }
  if (check.state === 'invalid') {
    throw new IdpError(
      'SIGNATURE_INVALID',
      400,
      `the ${kind} from ${sp.entityId} has a bad signature: ${check.reason}`,
      {
        hint: `The IdP verifies it with the certificate registered for SP "${sp.name}"; check that the SP signs with the matching key.`,
      },
    );
  }
  return 'signature valid';
}
