import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.attributes.groups-multi-valued',
  title: 'Multi-valued groups attribute',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.attribute',
      params: {
        name: 'groups',
        values: ['engineering', 'admins', 'berlin-office'],
      },
    },
  ],
  expect: 'accept',
  tags: ['attributes', 'roles'],
  why: 'Groups arrive as one Attribute with several AttributeValue elements, the mapped group not first. A correct SP reads every value (admins maps to the admin role); one that reads only the first value loses roles.',
  refs: ['SAML 2.0 Core §2.7.3.1.1 (AttributeValue may repeat)'],
});
