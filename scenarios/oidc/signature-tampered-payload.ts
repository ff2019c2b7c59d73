import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.signature.tampered-payload',
  title: 'id_token payload changed after signing (original signature kept)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.tamper',
      params: {
        set: {
          groups: ['admins', 'global-admins'],
        },
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature', 'tokens'],
  why: 'Someone added groups to a signed id_token and kept its signature, hoping the SP reads claims without verifying them. A correct SP verifies the signature over the exact bytes it received and refuses the token.',
  refs: ['OIDC Core §3.1.3.7 (ID Token Validation) step 6', 'RFC 7515 §5.2 (JWS validation)'],
  caughtBy: ['id-token-signature'],
});
