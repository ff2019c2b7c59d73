import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.jwt.header-jku',
  title: 'id_token whose jku header points at an untrusted key set',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.header-key',
      params: {
        member: 'jku',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'signature', 'security', 'tokens'],
  why: "The header's jku names a URL of a key set holding the attacker's key (served by the harness on the IdP's own host, so a same-host check does not save the SP). A correct SP never fetches keys from a URL a token names; it uses the jwks_uri of the IdP's discovery document.",
  refs: ['RFC 7515 §4.1.2 (jku)', 'RFC 8725 §3.10', 'jwt_tool: -X s (spoof JWKS via jku)'],
  caughtBy: ['jwt-header-key'],
});
