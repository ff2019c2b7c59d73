import { defineScimScenario } from '../define.ts';

const rfc7643 = 'https://www.rfc-editor.org/rfc/rfc7643';
const rfc7644 = 'https://www.rfc-editor.org/rfc/rfc7644';

/**
 * SCIM conformance: one check of the SP's server per scenario, like the validators Entra
 * and Okta offer. Each names a check of runner/scim/conformance.ts.
 */
const check = (id: string, title: string, why: string, refs: string[], tags: string[] = []) =>
  defineScimScenario({
    id: `scim.conformance.${id}`,
    title,
    kind: 'conformance',
    check: id,
    why,
    refs,
    tags: ['scim', 'conformance', ...tags],
  });

export const conformanceChecks = [
  check(
    'service-provider-config',
    '/ServiceProviderConfig describes the service',
    'IdPs read it to know whether PATCH, filters, ETags and sorting may be used.',
    [`${rfc7643}#section-5`, `${rfc7644}#section-4`],
    ['discovery'],
  ),
  check(
    'resource-types',
    '/ResourceTypes lists User (and Group) with endpoint and schema',
    'Clients find each resource endpoint and its schema extensions here.',
    [`${rfc7643}#section-6`, `${rfc7644}#section-4`],
    ['discovery'],
  ),
  check(
    'schemas',
    '/Schemas serves the User schema, also by its URN',
    'Attribute mappings in Entra and Okta are built from the schema.',
    [`${rfc7643}#section-7`, `${rfc7644}#section-4`],
    ['discovery'],
  ),
  check(
    'content-type',
    'Answers are application/scim+json',
    'RFC 7644 §8.1 names the media type; strict clients check it.',
    [`${rfc7644}#section-8.1`],
  ),
  check(
    'auth-required',
    'No token: 401',
    'The endpoint manages accounts: an anonymous request must be refused.',
    [`${rfc7644}#section-2`],
  ),
  check(
    'create-user',
    'POST /Users: 201, Location, id and meta',
    'The IdP keeps the id from the answer and follows meta.location.',
    [`${rfc7644}#section-3.3`],
  ),
  check('get-user', 'GET /Users/<id> returns the resource', 'The basic read every IdP does after a create.', [
    `${rfc7644}#section-3.4.1`,
  ]),
  check(
    'get-unknown',
    'GET of an unknown id: 404 with a SCIM error body',
    'Error bodies carry schemas, status (a string) and detail.',
    [`${rfc7644}#section-3.12`],
    ['errors'],
  ),
  check(
    'missing-username',
    'POST without userName: 400 invalidValue',
    "A required attribute missing is the client's mistake, said in a SCIM error.",
    [`${rfc7644}#section-3.12`, `${rfc7643}#section-4.1.1`],
    ['errors'],
  ),
  check(
    'uniqueness',
    'POST with a taken userName: 409 uniqueness',
    'The IdP reads scimType "uniqueness" to link instead of create.',
    [`${rfc7644}#section-3.3`, `${rfc7644}#section-3.12`],
    ['errors'],
  ),
  check(
    'filter-eq',
    'filter: eq',
    'The lookup every IdP does before a create.',
    [`${rfc7644}#section-3.4.2.2`],
    ['filter'],
  ),
  check(
    'filter-ne',
    'filter: ne',
    'Comparison operators of RFC 7644 §3.4.2.2.',
    [`${rfc7644}#section-3.4.2.2`],
    ['filter'],
  ),
  check(
    'filter-co',
    'filter: co',
    'Comparison operators of RFC 7644 §3.4.2.2.',
    [`${rfc7644}#section-3.4.2.2`],
    ['filter'],
  ),
  check(
    'filter-sw',
    'filter: sw',
    'Comparison operators of RFC 7644 §3.4.2.2.',
    [`${rfc7644}#section-3.4.2.2`],
    ['filter'],
  ),
  check(
    'filter-ew',
    'filter: ew',
    'Comparison operators of RFC 7644 §3.4.2.2.',
    [`${rfc7644}#section-3.4.2.2`],
    ['filter'],
  ),
  check(
    'filter-pr',
    'filter: pr',
    'Comparison operators of RFC 7644 §3.4.2.2.',
    [`${rfc7644}#section-3.4.2.2`],
    ['filter'],
  ),
  check(
    'filter-gt',
    'filter: gt on meta.lastModified',
    'Incremental imports ask for what changed since a date.',
    [`${rfc7644}#section-3.4.2.2`],
    ['filter'],
  ),
  check(
    'filter-logical',
    'filter: and, or, not with grouping',
    'Logical operators and precedence of RFC 7644 §3.4.2.2.',
    [`${rfc7644}#section-3.4.2.2`],
    ['filter'],
  ),
  check(
    'filter-value-path',
    'filter: emails[type eq "work" and value co "…"]',
    'Value paths filter within a multi-valued attribute.',
    [`${rfc7644}#section-3.4.2.2`],
    ['filter'],
  ),
  check(
    'filter-case',
    'filter: userName compares case-insensitively',
    'userName is caseExact=false.',
    [`${rfc7643}#section-2.4`, `${rfc7644}#section-3.4.2.2`],
    ['filter'],
  ),
  check(
    'filter-invalid',
    'A malformed filter: 400 invalidFilter',
    'The client is told its filter is wrong, not served everything.',
    [`${rfc7644}#section-3.4.2.2`, `${rfc7644}#section-3.12`],
    ['filter', 'errors'],
  ),
  check(
    'pagination',
    'startIndex and count',
    'Paging of RFC 7644 §3.4.2.4: totalResults, itemsPerPage, startIndex.',
    [`${rfc7644}#section-3.4.2.4`],
    ['filter'],
  ),
  check(
    'attributes-param',
    'attributes= returns only what was asked (and id)',
    'Clients narrow answers with attributes=.',
    [`${rfc7644}#section-3.4.2.5`],
  ),
  check(
    'patch-add',
    'PATCH add with a path',
    'RFC 7644 §3.5.2.1.',
    [`${rfc7644}#section-3.5.2.1`],
    ['patch'],
  ),
  check(
    'patch-replace',
    'PATCH replace with a sub-attribute path',
    'RFC 7644 §3.5.2.3.',
    [`${rfc7644}#section-3.5.2.3`],
    ['patch'],
  ),
  check(
    'patch-replace-no-path',
    'PATCH replace without a path (value object)',
    'Okta sends its (de)activation this way.',
    [`${rfc7644}#section-3.5.2.3`],
    ['patch'],
  ),
  check(
    'patch-remove',
    'PATCH remove with a path',
    'RFC 7644 §3.5.2.2.',
    [`${rfc7644}#section-3.5.2.2`],
    ['patch'],
  ),
  check(
    'patch-value-filter',
    'PATCH replace emails[type eq "work"].value',
    'Entra updates an email this way.',
    [`${rfc7644}#section-3.5.2.3`],
    ['patch'],
  ),
  check(
    'patch-remove-member',
    'PATCH remove members[value eq "<id>"] keeps the other members',
    'Removing one member must not empty the group.',
    [`${rfc7644}#section-3.5.2.2`],
    ['patch', 'groups'],
  ),
  check(
    'patch-invalid-path',
    'PATCH on an attribute that does not exist: 400',
    'invalidPath or noTarget, not a silent success.',
    [`${rfc7644}#section-3.5.2`, `${rfc7644}#section-3.12`],
    ['patch', 'errors'],
  ),
  check('put-replace', 'PUT replaces the resource', 'Okta and OneLogin update users with PUT.', [
    `${rfc7644}#section-3.5.1`,
  ]),
  check('delete-user', 'DELETE: 204, then 404', 'RFC 7644 §3.6.', [`${rfc7644}#section-3.6`]),
  check(
    'etag',
    'ETags when advertised: ETag = meta.version, If-None-Match 304, stale If-Match 412',
    'RFC 7644 §3.14, checked only when /ServiceProviderConfig says etag supported.',
    [`${rfc7644}#section-3.14`],
  ),
];
