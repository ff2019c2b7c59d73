import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.keys.rotation-after-cache',
  title: 'Key rotation after the RP cached the old JWKS: the next login is signed by the new key only',
  protocol: 'oidc',
  faults: [],
  expect: {
    steps: [
      // The RP fetches the JWKS (current key) and may cache it.
      { action: 'login', expect: 'accept' },
      // Signed out, so that the last login shows only if it is accepted.
      { action: 'logout', expect: 'reject' },
      // As long as the harness told the RP the JWKS stays fresh (Cache-Control max-age).
      { action: 'wait', until: 'jwks-max-age', expect: 'reject' },
      {
        action: 'login',
        expect: 'accept',
        faults: [
          { fault: 'oidc.jwks.rotate', params: { keep: false } },
          { fault: 'oidc.id-token.key', params: { kind: 'next', kid: 'follow' } },
        ],
      },
    ],
  },
  tags: ['certificates', 'keys', 'rotation', 'stateful'],
  why: "The RP logged in with the IdP's current key and cached the JWKS; the user signed out. The IdP then rotates: the JWKS lists only the new key and the next id_token is signed by it. The scenario waits until the cache the IdP allowed (the JWKS's Cache-Control max-age) has run out, so the verdict does not depend on when the RP last fetched the keys: a correct RP fetches the JWKS again (it is stale, and the token names an unknown kid) and logs the user in; one that keeps its first key set refuses every login until restarted. Libraries that refetch on an unknown kid only after a cooldown (jose's createRemoteJWKSet 30 s, oauth4webapi 60 s) need the provider's jwksMaxAgeSeconds at least that long.",
  refs: [
    'OIDC Core §10.1.1 (Rotation of Asymmetric Signing Keys)',
    'RFC 9111 §5.2.2.1 (Cache-Control max-age)',
    'jose createRemoteJWKSet: cooldownDuration (default 30 s), cacheMaxAge (default 10 min)',
  ],
  caughtBy: ['jwks-no-refresh'],
});
