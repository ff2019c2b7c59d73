import { z } from 'zod';
import { type KeyKindName, keyKindNames } from '../../../keys/kinds.ts';
import { defineSamlFault } from '../../define.ts';

/** The assertion encrypted to a certificate that is not the SP's: the SP holds no key that opens it. */
export default defineSamlFault({
  name: 'saml.encryption-certificate',
  stage: 'encrypt',
  summary: "Encrypts the assertion to another certificate than the SP's encryption certificate",
  params: z.object({
    keyKind: z
      .enum(keyKindNames as [KeyKindName, ...KeyKindName[]])
      .default('rogue')
      .describe("The IdP key kind whose certificate is used instead of the SP's"),
  }),
  apply: (plan, { keyKind }) => ({ ...plan, encrypt: true, recipient: { keyKind } }),
});
