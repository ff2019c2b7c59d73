import type { ConfigInput } from '../../config/schema.ts';

/** The zoo's directory: alice is the subject of every login, bob a second known account. */
export const zooUsers = {
  alice: {
    email: 'alice@example.com',
    givenName: 'Alice',
    familyName: 'Example',
    displayName: 'Alice Example',
    groups: ['staff'],
  },
  bob: {
    email: 'bob@example.com',
    givenName: 'Bob',
    familyName: 'Example',
    displayName: 'Bob Example',
    groups: ['staff'],
  },
} satisfies ConfigInput['users'];
