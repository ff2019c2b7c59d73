import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.audience',
  stage: 'id-token',
  summary:
    'Changes the id_token aud: another client, none, an extra untrusted audience, or a one-element array',
  params: z.object({
    mode: z
      .enum(['wrong', 'missing', 'extra', 'array'])
      .default('wrong')
      .describe(
        'wrong: aud names only the other audience; missing: no aud; extra: this client and the other audience; array: this client as a one-element array',
      ),
    audience: z.string().min(1).default('another-client').describe('The other audience (wrong, extra)'),
  }),
  apply: (token, { mode, audience }, context) => {
    const { aud, ...payload } = token.payload;
    const client = context.clientId ?? (Array.isArray(aud) ? aud[0] : aud);
    switch (mode) {
      case 'wrong':
        return { ...token, payload: { ...payload, aud: audience } };
      case 'missing':
        return { ...token, payload };
      case 'extra':
        return { ...token, payload: { ...payload, aud: [client, audience] } };
      case 'array':
        return { ...token, payload: { ...payload, aud: [client] } };
    }
  },
});
