import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.token.no-id-token',
  title: 'Token response without an id_token (plain OAuth 2.0)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.token-response.remove',
      params: {
        fields: ['id_token'],
      },
    },
  ],
  expect: 'reject',
  tags: ['tokens', 'token-endpoint'],
  why: 'The token response carries an access token but no id_token. An access token says nothing about who logged in to this client; a correct OIDC SP refuses. An SP that falls back to "call userinfo with the access token and log in whoever it names" can be fed a token issued to another app (the classic OAuth-as-authentication flaw).',
  refs: [
    'OIDC Core §3.1.3.3 (id_token in the token response)',
    'oauth.net: "OAuth 2.0 is not an authentication protocol"',
  ],
  caughtBy: ['id-token-required'],
});
