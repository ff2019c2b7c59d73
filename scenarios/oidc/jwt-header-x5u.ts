import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.jwt.header-x5u',
  title: 'id_token whose x5u header points at an untrusted certificate',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.header-key',
      params: {
        member: 'x5u',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'signature', 'security', 'tokens'],
  why: "The header's x5u names a URL of a certificate for the attacker's key. A correct SP ignores certificates a token points at and verifies with the IdP's published keys; an SP that follows x5u lets anyone who can host a file sign tokens.",
  refs: ['RFC 7515 §4.1.5 (x5u)', 'RFC 8725 §3.10', 'jwt_tool: x5u injection'],
  caughtBy: ['jwt-header-key'],
});
