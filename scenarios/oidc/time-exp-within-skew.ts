import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.time.exp-within-skew',
  title: 'id_token expired 30 seconds ago (within clock skew)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.expired',
      params: {
        secondsAgo: 30,
      },
    },
  ],
  expect: 'accept',
  tags: ['time', 'tokens'],
  why: "The IdP's clock runs a little ahead of the SP's. OIDC Core and RFC 7519 allow a small leeway for clock skew; a correct SP (about a minute of tolerance) still logs the user in rather than failing logins whenever clocks drift.",
  refs: ['RFC 7519 §4.1.4 (small leeway)', 'OIDC Core §3.1.3.7 (ID Token Validation) step 9'],
});
