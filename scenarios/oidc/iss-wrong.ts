import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.iss.wrong',
  title: 'id_token iss names another issuer',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.issuer',
    },
  ],
  expect: 'reject',
  tags: ['issuer', 'tokens'],
  why: 'The id_token comes from another issuer than the one this connection trusts (another tenant, another IdP). A correct SP compares iss exactly with the configured issuer and refuses.',
  refs: ['OIDC Core §3.1.3.7 (ID Token Validation) step 2'],
  caughtBy: ['oidc-issuer'],
});
