import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.jwt.kid-path-traversal',
  title: 'kid header with a path traversal to /dev/null, HS256 with an empty key',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.kid-injection',
      params: {
        kid: '../../../../../../../dev/null',
        secret: '',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'signature', 'security', 'tokens'],
  why: "The kid reads ../../dev/null and the token is HMAC-signed with an empty key, which is what an SP that loads the key file named by the kid would read. A correct SP treats kid as an opaque name in the IdP's key set and refuses both the unknown kid and the HMAC algorithm.",
  refs: ['RFC 7515 §4.1.4 (kid)', 'RFC 8725 §3.10', 'jwt_tool: -I -hc kid -hv ../../dev/null -S hs256 -p ""'],
  caughtBy: ['kid-injection'],
});
