import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.auth.wrong-token',
  title: 'A wrong bearer token gets 401',
  kind: 'provisioning',
  steps: [
    { do: 'wrong-token', token: 'wrong' },
    { do: 'wrong-token', token: 'none' },
  ],
  tags: ['scim', 'auth'],
  why: 'The SCIM endpoint creates and deletes accounts: only the IdP holding the token may use it.',
  refs: ['RFC 7644 §2', 'RFC 6750 §3.1'],
  caughtBy: ['scim-auth'],
});
