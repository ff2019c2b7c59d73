import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { without } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.discovery.remove',
  stage: 'discovery',
  summary: 'Leaves fields out of the discovery document (jwks_uri, userinfo_endpoint, ...)',
  params: z.object({
    fields: z.array(z.string().min(1)).min(1).default(['jwks_uri']).describe('Fields to leave out'),
  }),
  apply: (doc, { fields }) => without(doc, fields),
});
