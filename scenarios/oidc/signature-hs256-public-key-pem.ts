import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.signature.hs256-public-key-pem',
  title: 'HS256 id_token keyed with the IdP public key (PEM): algorithm confusion',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.hmac-public-key',
      params: {
        form: 'pem',
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature', 'tokens'],
  why: "The attacker signs with HMAC-SHA256 using the IdP's public RSA key (which anyone can fetch) as the secret. An SP that lets the header choose the algorithm and hands its RSA key to HMAC verification accepts it. A correct SP never accepts HS* for an asymmetric IdP.",
  refs: [
    'RFC 8725 §2.1 and §3.1 (JWT BCP)',
    'CVE-2015-9235 (jsonwebtoken: HS* with the RSA public key)',
    'CVE-2016-10555 (jwt-simple algorithm confusion)',
    'OIDC Core §10.1',
  ],
  caughtBy: ['hs-confusion'],
});
