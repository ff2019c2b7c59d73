import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { without } from '../shared.ts';

/** What a successful authorization response carries besides state and iss. */
const grants = ['code', 'id_token', 'access_token', 'token_type', 'expires_in', 'session_state'];

export default defineOidcFault({
  name: 'oidc.authorization-response.error',
  stage: 'authorization-response',
  summary: 'Answers the authorization request with an error (access_denied, ...)',
  params: z.object({
    error: z.string().min(1).default('access_denied').describe('The error code'),
    description: z
      .string()
      .default('The user or the administrator has denied the request.')
      .describe('error_description ("" leaves it out)'),
    keepCode: z
      .boolean()
      .default(false)
      .describe('Keep the code (and tokens) beside the error; off: an error response as the spec has it'),
  }),
  apply: (value, { error, description, keepCode }) => {
    const base = keepCode ? value.params : without(value.params, grants);
    return {
      ...value,
      params: { ...base, error, ...(description ? { error_description: description } : {}) },
    };
  },
});
