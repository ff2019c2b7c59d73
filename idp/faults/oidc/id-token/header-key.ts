import { z } from 'zod';
import { headerKeyMembers } from '../../../oidc/stages.ts';
import { UNTRUSTED_KIND } from '../../../oidc/untrusted-keys.ts';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.header-key',
  stage: 'id-token',
  summary:
    'Signs the id_token with an untrusted key and names that key in the header: embedded jwk, jku / x5u URLs the IdP serves, or an x5c chain',
  params: z.object({
    member: z
      .enum(headerKeyMembers)
      .default('jwk')
      .describe(
        'jwk: the public key embedded; jku: URL of a JWKS holding it; x5u: URL of its certificate; x5c: its certificate in the header',
      ),
  }),
  apply: async (token, { member }, context) => ({
    ...token,
    signing: {
      ...token.signing,
      kind: UNTRUSTED_KIND,
      alg: 'RS256',
      kid: (await context.publicJwk(UNTRUSTED_KIND)).kid,
      headerKey: member,
    },
  }),
});
