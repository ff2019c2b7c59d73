import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.jwt.header-x5c-rogue',
  title: 'id_token carrying a rogue certificate chain (x5c)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.header-key',
      params: {
        member: 'x5c',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'signature', 'security', 'tokens'],
  why: "The header's x5c carries a certificate for the attacker's key, with the same subject as the IdP's but not issued or registered by anyone the SP trusts. A correct SP verifies with the IdP's published keys (or a pinned chain) and refuses; an SP that trusts the chain in the token accepts any forgery.",
  refs: ['RFC 7515 §4.1.6 (x5c)', 'RFC 8725 §3.10', 'jwt_tool: x5c injection'],
  caughtBy: ['jwt-header-key'],
});
