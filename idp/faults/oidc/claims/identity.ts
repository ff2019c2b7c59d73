import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { appliesTo, claimUse, derivedId } from '../shared.ts';

/** Claims that carry the email, under the names the personas use. */
const emailClaims = ['email', 'preferred_username', 'upn'];

export default defineOidcFault({
  name: 'oidc.claims.identity',
  stage: 'claims',
  summary: "Asserts another user's identity: their email, and a subject (sub, oid) of their own",
  params: z.object({
    email: z.string().includes('@').default('mallory@example.com').describe('The other user’s email'),
    newSubject: z
      .boolean()
      .default(true)
      .describe(
        'Give the other user their own sub (and oid); off: keep this user’s subject, change only the email',
      ),
    use: claimUse,
  }),
  apply: (claims, { email, newSubject, use }, context) => {
    if (!appliesTo(use, context.use)) return claims;
    const out: Record<string, unknown> = { ...claims };
    for (const name of emailClaims) if (name in out || name === 'email') out[name] = email;
    out.name = email.split('@')[0];
    if (newSubject) {
      out.sub = derivedId(email, 'token');
      if ('oid' in out) out.oid = derivedId(email, 'uuid');
    }
    return out;
  },
});
