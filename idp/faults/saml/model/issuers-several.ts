import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { editWhere } from '../edit-model.ts';

/**
 * A second Issuer element after the IdP's own: the schema allows one, and a parser that
 * reads the last one (or every component reading a different one) trusts the other.
 */
export default defineSamlFault({
  name: 'saml.issuers-several',
  stage: 'model',
  summary: 'Adds a second Issuer element (another entityID) to the Response and/or Assertion',
  params: z.object({
    value: z
      .string()
      .min(1)
      .default('https://unknown-idp.invalid/saml/metadata')
      .describe('The entityID of the extra Issuer'),
    first: z.boolean().default(false).describe('Write the extra Issuer before the IdP own instead of after'),
    where: z.enum(['both', 'response', 'assertion']).default('assertion').describe('Which element changes'),
  }),
  apply: (model, { value, first, where }) => {
    const twice = <T extends { issuer: string | undefined; moreIssuers?: string[] | undefined }>(e: T): T => {
      if (e.issuer === undefined) return { ...e, issuer: value };
      return first
        ? { ...e, issuer: value, moreIssuers: [e.issuer, ...(e.moreIssuers ?? [])] }
        : { ...e, moreIssuers: [...(e.moreIssuers ?? []), value] };
    };
    return editWhere(model, where, { response: twice, assertion: twice });
  },
});
