import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.auth-response-iss.missing',
  title: 'Authorization response without iss although the IdP promises it',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.authorization-response.iss',
      params: {
        mode: 'missing',
      },
    },
  ],
  expect: 'reject',
  tags: ['mix-up', 'authorization-response', 'issuer'],
  why: "The IdP's discovery document says authorization_response_iss_parameter_supported, yet this response has no iss. RFC 9207 says the client must then refuse it, since an attacker in a mix-up strips it.",
  refs: ['RFC 9207 §2.4 ("... MUST reject authorization responses without the iss parameter")'],
  caughtBy: ['auth-response-iss'],
});
