import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.users.pagination',
  title: 'startIndex and count page through a filtered list',
  kind: 'provisioning',
  steps: [{ do: 'paginate', users: 5, count: 2 }],
  tags: ['scim', 'users', 'filter'],
  why: 'IdPs read users page by page (Okta asks count=100, then the next startIndex). An SP that ignores paging answers the same page forever or drops users from imports.',
  refs: ['RFC 7644 §3.4.2.4'],
  caughtBy: ['scim-pagination'],
});
