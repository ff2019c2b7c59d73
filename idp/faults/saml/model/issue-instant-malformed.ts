import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { editWhere, withRawAttributes } from '../edit-model.ts';

/**
 * An IssueInstant that is not a UTC xs:dateTime, or none at all. The default is the
 * IdP's clock in a local-time layout without a zone, which some date parsers read as
 * the server's local time instead of refusing it.
 */
export default defineSamlFault({
  name: 'saml.issue-instant-malformed',
  stage: 'model',
  summary: 'Writes an IssueInstant that is not a UTC xs:dateTime, or leaves it out',
  params: z.object({
    value: z
      .string()
      .optional()
      .describe('The text to write (default: the IdP clock as "YYYY-MM-DD hh:mm:ss", no T and no zone)'),
    remove: z.boolean().default(false).describe('Leave the IssueInstant attribute out instead'),
    where: z.enum(['both', 'response', 'assertion']).default('both').describe('Which IssueInstant changes'),
  }),
  apply: (model, { value, remove, where }) => {
    const local = (instant: string) => instant.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
    const raw = (instant: string) => ({ IssueInstant: remove ? null : (value ?? local(instant)) });
    return editWhere(model, where, {
      response: (m) => withRawAttributes(m, raw(m.issueInstant)),
      assertion: (a) => withRawAttributes(a, raw(a.issueInstant)),
    });
  },
});
