import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.aud.extra-untrusted',
  title: 'id_token aud with an extra untrusted audience',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.audience',
      params: {
        mode: 'extra',
        audience: 'untrusted-client',
      },
    },
  ],
  expect: 'reject',
  tags: ['audience', 'tokens'],
  why: 'aud lists this client and another one this SP does not trust. OIDC Core says the client MUST reject an id_token whose aud contains audiences it does not trust; accepting it lets a token issued to several parties be used here.',
  refs: [
    'OIDC Core §3.1.3.7 (ID Token Validation) step 3 ("... or if it contains additional audiences not trusted by the Client")',
  ],
  caughtBy: ['oidc-audience'],
});
