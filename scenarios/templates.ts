import { type RoleName, roleNames, type Scenario } from './schema.ts';

/**
 * Placeholders in scenario data, filled per target from its cast of roles:
 * `{{subject.email}}`, `{{victim.email}}`, `{{stranger.nameId}}`, `{{otherSubject.email}}`
 * (any user field: email, nameId, externalId, id, displayName, localPart, domain), and
 * `{{target.clockSkewSeconds}}`, the clock skew the target declares (seconds).
 * `{{connection}}` / `{{otherConnection}}`, the names of the connection under test and of
 * another connection of the same target. A filter may follow: `{{subject.email | upper}}`
 * (`upper`, `lower`, or `capitalize`: the first letter of the email's local part and domain).
 */
const placeholder = /\{\{\s*([A-Za-z]+)(?:\.([A-Za-z]+))?\s*(?:\|\s*([a-z]+)\s*)?\}\}/g;

const filters: Record<string, (value: string) => string> = {
  upper: (v) => v.toUpperCase(),
  lower: (v) => v.toLowerCase(),
  capitalize: (v) =>
    v.replace(/(^|@)([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase()),
};

/** The template name of each role: `other-subject` is `otherSubject` in templates. */
export const roleTemplateNames: Record<RoleName, string> = {
  subject: 'subject',
  victim: 'victim',
  stranger: 'stranger',
  'other-subject': 'otherSubject',
};

/** Flat values for `renderTemplates`: "victim.email" -> "bob@example.com", "connection" -> "okta". */
export type TemplateValues = ReadonlyMap<string, string>;

/**
 * Replaces every placeholder in the strings of a JSON value (objects and arrays deeply).
 * Throws naming the placeholder when it has no value (the plan skips such scenarios first).
 */
export function renderTemplates<T>(value: T, values: TemplateValues): T {
  if (typeof value === 'string') {
    return value.replace(placeholder, (whole, head: string, field?: string, filter?: string) => {
      const key = field ? `${head}.${field}` : head;
      const found = values.get(key);
      if (found === undefined) throw new Error(`the placeholder ${whole} has no value on this target`);
      if (filter === undefined) return found;
      if (!Object.hasOwn(filters, filter)) {
        throw new Error(
          `the placeholder ${whole} has an unknown filter "${filter}"; known: ${Object.keys(filters).join(', ')}`,
        );
      }
      return filters[filter]!(found);
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v) => renderTemplates(v, values)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderTemplates(v, values)])) as T;
  }
  return value;
}

/** Whether a string names a role (`notAs: 'victim'`) rather than an email. */
export function isRoleName(value: string): value is RoleName {
  return (roleNames as readonly string[]).includes(value);
}

/**
 * The roles and connections a scenario needs a target to cast: from `role`, role names in
 * its expectation, and placeholders in its faults' parameters.
 */
export function rolesNeeded(scenario: Scenario): { roles: Set<RoleName>; otherConnection: boolean } {
  const roles = new Set<RoleName>([scenario.role ?? 'subject']);
  let otherConnection = scenario.requires?.otherConnection === true;
  const expectation = scenario.expect;
  if (typeof expectation === 'object') {
    const named =
      'notAs' in expectation ? expectation.notAs : 'acceptAs' in expectation ? expectation.acceptAs : '';
    if (isRoleName(named)) roles.add(named);
  }
  const byTemplate = new Map(
    Object.entries(roleTemplateNames).map(([role, name]) => [name, role as RoleName]),
  );
  for (const match of JSON.stringify([scenario.faults, scenario.expect]).matchAll(placeholder)) {
    const role = byTemplate.get(match[1]!);
    if (role) roles.add(role);
    if (match[1] === 'otherConnection') otherConnection = true;
  }
  if (roles.has('other-subject')) otherConnection = true;
  return { roles, otherConnection };
}

/** The user fields a placeholder may name. */
export const templateUserFields = [
  'email',
  'nameId',
  'externalId',
  'id',
  'displayName',
  'givenName',
  'familyName',
  'localPart',
  'domain',
] as const;

/** Template values for a user of a role: its fields, with `localPart` and `domain` of its email. */
export function userTemplateValues(
  role: string,
  user: { email: string; nameId: string; id: string; displayName: string } & Partial<
    Record<'externalId' | 'givenName' | 'familyName', string | undefined>
  >,
): [string, string][] {
  const at = user.email.lastIndexOf('@');
  const fields: Record<string, string | undefined> = {
    email: user.email,
    nameId: user.nameId,
    externalId: user.externalId,
    id: user.id,
    displayName: user.displayName,
    givenName: user.givenName,
    familyName: user.familyName,
    localPart: at > 0 ? user.email.slice(0, at) : user.email,
    domain: at > 0 ? user.email.slice(at + 1) : '',
  };
  return Object.entries(fields)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([field, value]) => [`${role}.${field}`, value]);
}

/** Values that stand in for any target's cast, to validate a scenario's faults as data. */
export function sampleTemplateValues(): TemplateValues {
  const entries: [string, string][] = [
    ['connection', 'connection-under-test'],
    ['otherConnection', 'other-connection'],
    ['target.clockSkewSeconds', '180'],
  ];
  for (const name of Object.values(roleTemplateNames)) {
    const email = `${name.toLowerCase()}@roles.example`;
    entries.push(
      ...userTemplateValues(name, {
        email,
        nameId: email,
        id: name,
        displayName: name,
        externalId: `${name}-id`,
        givenName: name,
        familyName: 'Example',
      }),
    );
  }
  return new Map(entries);
}
