import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.jwt.typ-access-token',
  title: 'id_token whose typ says it is an access token (at+jwt)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.header',
      params: {
        set: {
          typ: 'at+jwt',
        },
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'security', 'tokens', 'hardening'],
  why: "The header's typ is at+jwt, the type of a JWT access token, on a token the SP receives as its id_token. Explicit typing exists so that one kind of token cannot be substituted for another. A careful SP refuses a token typed as something else; OIDC Core does not require the check, so many libraries accept it (hardening).",
  refs: ['RFC 8725 §3.11 (explicit typing)', 'RFC 9068 §2.1 (at+jwt)', 'RFC 7515 §4.1.9 (typ)'],
  caughtBy: ['jwt-typ'],
});
