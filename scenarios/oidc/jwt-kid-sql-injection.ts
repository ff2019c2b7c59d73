import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.jwt.kid-sql-injection',
  title: 'kid header with an SQL injection choosing the HMAC key',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.kid-injection',
      params: {
        kid: "unknown' UNION SELECT 'sso-harness' -- ",
        secret: 'sso-harness',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'signature', 'security', 'tokens'],
  why: "The kid is an SQL fragment (' UNION SELECT 'sso-harness') and the token is HMAC-signed with the value that query would return. A correct SP looks kid up only in the IdP's key set, never in a query built from it, and refuses.",
  refs: ['RFC 7515 §4.1.4 (kid)', 'RFC 8725 §3.10', 'jwt_tool: kid SQL injection'],
  caughtBy: ['kid-injection'],
});
