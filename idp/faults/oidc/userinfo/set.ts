import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { jsonObject, without } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.userinfo.set',
  stage: 'userinfo',
  summary: 'Changes the userinfo answer: another sub (another user’s data), another email, other claims',
  params: z.object({
    set: jsonObject.default({ sub: 'another-subject' }).describe('Claims to set, by name'),
    remove: z.array(z.string()).default([]).describe('Claims to leave out'),
  }),
  apply: (body, { set, remove }) => without({ ...body, ...set }, remove),
});
