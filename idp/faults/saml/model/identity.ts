import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { isEmailAttribute, mapAssertions, requireAssertions } from '../edit-model.ts';

/** The IdP asserts someone else: the NameID and every email attribute name another user. */
export default defineSamlFault({
  name: 'saml.identity',
  stage: 'model',
  summary: "Asserts another user's identity: NameID and email attributes",
  params: z.object({
    email: z.string().includes('@').default('alice@example.com').describe('Email to assert'),
    nameId: z.string().min(1).optional().describe('NameID value to assert; default: the email'),
    keepNameId: z
      .boolean()
      .default(false)
      .describe("Change only the email attributes and keep the user's own NameID"),
  }),
  apply: (model, { email, nameId, keepNameId }) => {
    requireAssertions(model, 'saml.identity');
    return mapAssertions(model, (a) => ({
      ...a,
      subject: {
        ...a.subject,
        nameId:
          a.subject.nameId && !keepNameId
            ? { ...a.subject.nameId, value: nameId ?? email }
            : a.subject.nameId,
      },
      attributes: a.attributes.map((attr) =>
        isEmailAttribute(attr.name) ? { ...attr, values: [email] } : attr,
      ),
    }));
  },
});
