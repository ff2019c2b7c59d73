import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.auth-response-iss.wrong',
  title: 'Authorization response iss (RFC 9207) names another issuer',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.authorization-response.iss',
    },
  ],
  expect: 'reject',
  tags: ['mix-up', 'authorization-response', 'issuer'],
  why: 'The iss parameter of the authorization response says the code comes from another issuer: the mix-up attack, where a code from one IdP is sent to another. A correct SP compares it with the issuer it started the login with and refuses before redeeming the code.',
  refs: ['RFC 9207 §2.4 (Validating the Issuer Identifier)', 'RFC 9700 §4.4 (Mix-Up Attacks)'],
  caughtBy: ['auth-response-iss'],
});
