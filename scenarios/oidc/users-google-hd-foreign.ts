import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.users.google-hd-foreign',
  title: 'Google id_token from another Workspace domain (hd)',
  protocol: 'oidc',
  requires: {
    tag: 'hosted-domain',
  },
  faults: [
    {
      fault: 'oidc.claims.set',
      params: {
        claims: {
          hd: 'other-company.example',
        },
      },
    },
  ],
  expect: 'reject',
  tags: ['users', 'hosted-domain'],
  why: "The account belongs to another company's Workspace. A correct SP compares hd with the configured domain and refuses.",
  refs: ['Google Identity: OpenID Connect (hd claim)'],
  caughtBy: ['hosted-domain'],
});
