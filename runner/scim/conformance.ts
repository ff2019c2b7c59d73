import type { ScimExchange } from '../../idp/scim/client.ts';
import type { ScimOutcome } from '../../idp/scim/provisioner.ts';
import { scimSchemas } from '../../idp/scim/types.ts';
import type { StepResult } from '../types.ts';
import type { ScimRun } from './steps.ts';

type Json = Record<string, unknown>;

/** What a check found: nothing wrong (pass), the problems (fail), or why it does not apply (skipped). */
interface CheckContext {
  run: ScimRun;
  exchanges: ScimExchange[];
  problems: string[];
  /** Ids of users and groups the check made, deleted afterwards. */
  made: Array<{ kind: 'Users' | 'Groups'; id: string }>;
  skip?: string;
  /** Names made by this check start with this. */
  prefix: string;
}

type Check = (c: CheckContext) => Promise<void>;

const patch = (...Operations: Array<Json>) => ({ schemas: [scimSchemas.patchOp], Operations });

async function call(
  c: CheckContext,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<ScimOutcome> {
  return c.run.provisioner.request(
    { method, path, body, headers: { 'content-type': 'application/scim+json', ...(headers ?? {}) } },
    c.exchanges,
  );
}

function expect(c: CheckContext, ok: boolean, problem: string): boolean {
  if (!ok) c.problems.push(problem);
  return ok;
}

function expectStatus(c: CheckContext, outcome: ScimOutcome, status: number, what: string): boolean {
  return expect(
    c,
    outcome.status === status,
    `${what}: HTTP ${outcome.status}${outcome.problem ? ` (${outcome.problem})` : ''}, expected ${status}`,
  );
}

/** An RFC 7644 §3.12 error body: the Error schema, status as a string, and the scimType asked for. */
function expectError(
  c: CheckContext,
  outcome: ScimOutcome,
  status: number,
  scimTypes: string[] | undefined,
  what: string,
): void {
  if (!expectStatus(c, outcome, status, what)) return;
  const body = outcome.body as { schemas?: unknown; status?: unknown; scimType?: unknown } | undefined;
  if (!expect(c, body !== undefined, `${what}: no SCIM error body`)) return;
  expect(
    c,
    Array.isArray(body!.schemas) && body!.schemas.includes(scimSchemas.error),
    `${what}: the error body's schemas lack ${scimSchemas.error}`,
  );
  expect(
    c,
    body!.status === String(status),
    `${what}: the error body's status is ${JSON.stringify(body!.status)}, expected the string "${status}"`,
  );
  if (scimTypes) {
    expect(
      c,
      scimTypes.includes(String(body!.scimType)),
      `${what}: scimType ${JSON.stringify(body!.scimType)}, expected ${scimTypes.join(' or ')}`,
    );
  }
}

/** A user made for a check, deleted afterwards. */
async function makeUser(c: CheckContext, name: string, extra: Json = {}): Promise<Json | undefined> {
  const [local, domain] = c.run.job.template!.email.split('@');
  const userName = `${local}.${c.prefix}-${name}@${domain}`;
  const outcome = await call(c, 'POST', '/Users', {
    schemas: [scimSchemas.user],
    userName,
    externalId: `${c.prefix}-${name}`,
    name: { givenName: 'Conformance', familyName: name },
    displayName: `Conformance ${name}`,
    emails: [{ value: userName, type: 'work', primary: true }],
    active: true,
    ...extra,
  });
  const body = outcome.body as Json | undefined;
  if (
    !expect(
      c,
      outcome.status === 201 && typeof body?.id === 'string',
      `POST /Users (${name}): ${outcome.summary}`,
    )
  )
    return undefined;
  c.made.push({ kind: 'Users', id: body!.id as string });
  return body;
}

async function makeGroup(c: CheckContext, name: string, members: string[]): Promise<Json | undefined> {
  const outcome = await call(c, 'POST', '/Groups', {
    schemas: [scimSchemas.group],
    displayName: `${c.prefix}-${name}`,
    members: members.map((value) => ({ value })),
  });
  const body = outcome.body as Json | undefined;
  if (!expect(c, outcome.status === 201 && typeof body?.id === 'string', `POST /Groups: ${outcome.summary}`))
    return undefined;
  c.made.push({ kind: 'Groups', id: body!.id as string });
  return body;
}

/** The ids a filter finds among this check's users (scoped by the check's prefix). */
async function filterIds(c: CheckContext, filter: string): Promise<string[] | undefined> {
  const scoped = `(${filter}) and externalId sw ${JSON.stringify(c.prefix)}`;
  const outcome = await call(c, 'GET', `/Users?filter=${encodeURIComponent(scoped)}`);
  if (!expectStatus(c, outcome, 200, `filter ${filter}`)) return undefined;
  const body = outcome.body as { Resources?: Array<{ id?: unknown }> } | undefined;
  return (body?.Resources ?? []).map((r) => String(r.id));
}

async function filterCheck(
  c: CheckContext,
  filter: (names: Record<string, Json>) => string,
  expected: string[],
): Promise<void> {
  const users: Record<string, Json> = {};
  for (const name of ['alpha', 'beta', 'gamma']) {
    const made = await makeUser(c, name, name === 'gamma' ? { nickName: 'G' } : {});
    if (!made) return;
    users[name] = made;
  }
  const expression = filter(users);
  const ids = await filterIds(c, expression);
  if (!ids) return;
  const want = expected.map((n) => users[n]!.id as string).sort();
  expect(
    c,
    JSON.stringify([...ids].sort()) === JSON.stringify(want),
    `filter ${expression}: found ${ids.length} (${ids.map((id) => nameOf(users, id)).join(', ') || 'none'}), expected ${expected.join(', ') || 'none'}`,
  );
}

function nameOf(users: Record<string, Json>, id: string): string {
  return Object.entries(users).find(([, u]) => u.id === id)?.[0] ?? id;
}

function userNameOf(user: Json): string {
  return String(user.userName);
}

/** The checks by name; scenarios/scim/conformance names them. */
export const conformanceRegistry: Record<string, Check> = {
  async 'service-provider-config'(c) {
    const outcome = await call(c, 'GET', '/ServiceProviderConfig');
    if (!expectStatus(c, outcome, 200, 'GET /ServiceProviderConfig')) return;
    const body = (outcome.body ?? {}) as Json;
    expect(
      c,
      Array.isArray(body.schemas) && body.schemas.includes(scimSchemas.serviceProviderConfig),
      'schemas lacks the ServiceProviderConfig URN',
    );
    for (const feature of ['patch', 'bulk', 'filter', 'changePassword', 'sort', 'etag']) {
      const value = body[feature] as { supported?: unknown } | undefined;
      expect(c, typeof value?.supported === 'boolean', `${feature}.supported is not a boolean`);
    }
    expect(c, Array.isArray(body.authenticationSchemes), 'authenticationSchemes is not a list');
  },
  async 'resource-types'(c) {
    const outcome = await call(c, 'GET', '/ResourceTypes');
    if (!expectStatus(c, outcome, 200, 'GET /ResourceTypes')) return;
    const list =
      (outcome.body as { Resources?: Json[] } | undefined)?.Resources ??
      (Array.isArray(outcome.body) ? (outcome.body as Json[]) : []);
    const user = list.find((r) => r.name === 'User');
    expect(
      c,
      user?.endpoint === '/Users' && user?.schema === scimSchemas.user,
      `no User resource type with endpoint /Users and schema ${scimSchemas.user}`,
    );
    const group = list.find((r) => r.name === 'Group');
    expect(
      c,
      group === undefined || group.endpoint === '/Groups',
      'the Group resource type does not live at /Groups',
    );
  },
  async schemas(c) {
    const outcome = await call(c, 'GET', '/Schemas');
    if (!expectStatus(c, outcome, 200, 'GET /Schemas')) return;
    const list = (outcome.body as { Resources?: Json[] } | undefined)?.Resources ?? [];
    const user = list.find((s) => s.id === scimSchemas.user);
    const attributes = (user?.attributes as Array<{ name?: unknown }> | undefined) ?? [];
    expect(
      c,
      attributes.some((a) => a.name === 'userName'),
      'the User schema is missing, or defines no userName',
    );
    const one = await call(c, 'GET', `/Schemas/${scimSchemas.user}`);
    if (expectStatus(c, one, 200, `GET /Schemas/${scimSchemas.user}`)) {
      expect(
        c,
        (one.body as Json | undefined)?.id === scimSchemas.user,
        'GET /Schemas/<User URN> answers another schema',
      );
    }
  },
  async 'content-type'(c) {
    const outcome = await call(c, 'GET', '/Users?count=1');
    const type = c.exchanges.at(-1)?.responseHeaders?.['content-type'] ?? '';
    expect(
      c,
      /^application\/scim\+json/i.test(type),
      `GET /Users answers ${type || 'no Content-Type'}, not application/scim+json`,
    );
    expectStatus(c, outcome, 200, 'GET /Users');
  },
  async 'auth-required'(c) {
    const outcome = await c.run.provisioner.request({ method: 'GET', path: '/Users?count=1' }, c.exchanges, {
      auth: { kind: 'none' },
    });
    expectStatus(c, outcome, 401, 'GET /Users without a token');
  },
  async 'create-user'(c) {
    const made = await makeUser(c, 'create');
    if (!made) return;
    const meta = (made.meta ?? {}) as Json;
    expect(c, meta.resourceType === 'User', 'meta.resourceType is not "User"');
    expect(c, typeof meta.created === 'string', 'meta.created is missing');
    const location = c.exchanges.at(-1)?.responseHeaders?.location;
    expect(
      c,
      typeof location === 'string' && location === meta.location,
      `the Location header (${String(location)}) is not meta.location (${String(meta.location)})`,
    );
    expect(
      c,
      Array.isArray(made.schemas) && made.schemas.includes(scimSchemas.user),
      'the answer lacks the User schema URN',
    );
  },
  async 'get-user'(c) {
    const made = await makeUser(c, 'get');
    if (!made) return;
    const outcome = await call(c, 'GET', `/Users/${made.id}`);
    if (!expectStatus(c, outcome, 200, 'GET /Users/<id>')) return;
    const body = outcome.body as Json;
    expect(
      c,
      body.id === made.id && body.userName === made.userName,
      'the answer is not the user that was created',
    );
  },
  async 'get-unknown'(c) {
    expectError(
      c,
      await call(c, 'GET', `/Users/${c.prefix}-no-such-user`),
      404,
      undefined,
      'GET of an unknown id',
    );
  },
  async 'missing-username'(c) {
    const outcome = await call(c, 'POST', '/Users', {
      schemas: [scimSchemas.user],
      displayName: 'No userName',
    });
    if (outcome.ok) {
      const id = (outcome.body as Json | undefined)?.id;
      if (typeof id === 'string') c.made.push({ kind: 'Users', id });
    }
    expectError(c, outcome, 400, ['invalidValue', 'invalidSyntax'], 'POST without userName');
  },
  async uniqueness(c) {
    const made = await makeUser(c, 'unique');
    if (!made) return;
    const outcome = await call(c, 'POST', '/Users', { schemas: [scimSchemas.user], userName: made.userName });
    if (outcome.ok) c.made.push({ kind: 'Users', id: String((outcome.body as Json).id) });
    expectError(c, outcome, 409, ['uniqueness'], 'POST with a taken userName');
  },
  'filter-eq': (c) => filterCheck(c, (u) => `userName eq ${JSON.stringify(userNameOf(u.beta!))}`, ['beta']),
  'filter-ne': (c) =>
    filterCheck(c, (u) => `userName ne ${JSON.stringify(userNameOf(u.beta!))}`, ['alpha', 'gamma']),
  'filter-co': (c) => filterCheck(c, () => `userName co ${JSON.stringify(`${c.prefix}-gam`)}`, ['gamma']),
  'filter-sw': (c) =>
    filterCheck(c, (u) => `userName sw ${JSON.stringify(userNameOf(u.alpha!).split('-alpha')[0] + '-al')}`, [
      'alpha',
    ]),
  'filter-ew': (c) => filterCheck(c, () => `externalId ew "-beta"`, ['beta']),
  'filter-pr': (c) => filterCheck(c, () => 'nickName pr', ['gamma']),
  async 'filter-gt'(c) {
    await filterCheck(c, () => 'meta.lastModified gt "2000-01-01T00:00:00Z"', ['alpha', 'beta', 'gamma']);
  },
  'filter-logical': (c) =>
    filterCheck(
      c,
      (u) =>
        `(userName eq ${JSON.stringify(userNameOf(u.alpha!))} or userName eq ${JSON.stringify(userNameOf(u.beta!))}) and not (externalId ew "-beta")`,
      ['alpha'],
    ),
  'filter-value-path': (c) =>
    filterCheck(c, () => `emails[type eq "work" and value co ${JSON.stringify(`${c.prefix}-gamma`)}]`, [
      'gamma',
    ]),
  'filter-case': (c) =>
    filterCheck(c, (u) => `userName eq ${JSON.stringify(userNameOf(u.beta!).toUpperCase())}`, ['beta']),
  async 'filter-invalid'(c) {
    expectError(
      c,
      await call(c, 'GET', `/Users?filter=${encodeURIComponent('userName zz "x"')}`),
      400,
      ['invalidFilter'],
      'a filter with an unknown operator',
    );
  },
  async pagination(c) {
    for (const name of ['p1', 'p2', 'p3', 'p4', 'p5']) if (!(await makeUser(c, name))) return;
    const filter = encodeURIComponent(`externalId sw ${JSON.stringify(c.prefix)}`);
    const seen = new Set<string>();
    for (const start of [1, 3, 5]) {
      const outcome = await call(c, 'GET', `/Users?filter=${filter}&startIndex=${start}&count=2`);
      if (!expectStatus(c, outcome, 200, `page at ${start}`)) return;
      const page = outcome.body as {
        totalResults?: unknown;
        itemsPerPage?: unknown;
        startIndex?: unknown;
        Resources?: Json[];
      };
      expect(
        c,
        page.totalResults === 5,
        `page at ${start}: totalResults ${String(page.totalResults)}, expected 5`,
      );
      expect(c, page.startIndex === start, `page at ${start}: startIndex ${String(page.startIndex)}`);
      expect(
        c,
        (page.Resources?.length ?? 0) === (start === 5 ? 1 : 2),
        `page at ${start}: ${page.Resources?.length ?? 0} resources`,
      );
      expect(
        c,
        page.itemsPerPage === page.Resources?.length,
        `page at ${start}: itemsPerPage ${String(page.itemsPerPage)} is not the number of resources`,
      );
      for (const r of page.Resources ?? []) seen.add(String(r.id));
    }
    expect(c, seen.size === 5, `three pages held ${seen.size} distinct users of 5`);
  },
  async 'attributes-param'(c) {
    const made = await makeUser(c, 'attrs');
    if (!made) return;
    const outcome = await call(c, 'GET', `/Users/${made.id}?attributes=userName`);
    if (!expectStatus(c, outcome, 200, 'GET ?attributes=userName')) return;
    const body = outcome.body as Json;
    expect(c, body.id === made.id && body.userName === made.userName, 'id or userName missing');
    expect(
      c,
      body.emails === undefined && body.name === undefined,
      'attributes=userName still returned emails or name',
    );
  },
  async 'patch-add'(c) {
    await patchCheck(
      c,
      [{ op: 'add', path: 'nickName', value: 'Added' }],
      (u) => u.nickName === 'Added',
      'nickName is not "Added"',
    );
  },
  async 'patch-replace'(c) {
    await patchCheck(
      c,
      [{ op: 'replace', path: 'name.givenName', value: 'Replaced' }],
      (u) => (u.name as Json | undefined)?.givenName === 'Replaced',
      'name.givenName is not "Replaced"',
    );
  },
  async 'patch-replace-no-path'(c) {
    await patchCheck(
      c,
      [{ op: 'replace', value: { displayName: 'No Path', active: false } }],
      (u) => u.displayName === 'No Path' && u.active === false,
      'displayName and active were not replaced',
    );
  },
  async 'patch-remove'(c) {
    await patchCheck(
      c,
      [{ op: 'remove', path: 'nickName' }],
      (u) => u.nickName === undefined,
      'nickName is still there',
      { nickName: 'Gone' },
    );
  },
  async 'patch-value-filter'(c) {
    await patchCheck(
      c,
      [{ op: 'replace', path: 'emails[type eq "work"].value', value: `${c.prefix}-changed@example.com` }],
      (u) =>
        ((u.emails as Json[] | undefined) ?? []).some((e) => e.value === `${c.prefix}-changed@example.com`),
      'the work email was not replaced',
    );
  },
  async 'patch-remove-member'(c) {
    const a = await makeUser(c, 'm1');
    const b = await makeUser(c, 'm2');
    if (!a || !b) return;
    const group = await makeGroup(c, 'members', [a.id as string, b.id as string]);
    if (!group) return;
    const outcome = await call(
      c,
      'PATCH',
      `/Groups/${group.id}`,
      patch({ op: 'remove', path: `members[value eq ${JSON.stringify(a.id)}]` }),
    );
    if (!expect(c, outcome.ok, `PATCH remove member: ${outcome.summary}`)) return;
    const after = await call(c, 'GET', `/Groups/${group.id}`);
    const members = ((after.body as { members?: Json[] } | undefined)?.members ?? []).map((m) => m.value);
    expect(
      c,
      !members.includes(a.id) && members.includes(b.id),
      `members after the remove: ${JSON.stringify(members)}`,
    );
  },
  async 'patch-invalid-path'(c) {
    const made = await makeUser(c, 'badpath');
    if (!made) return;
    const outcome = await call(
      c,
      'PATCH',
      `/Users/${made.id}`,
      patch({ op: 'replace', path: 'emails[type eq "work"].nonsense', value: 'x' }),
    );
    expectError(
      c,
      outcome,
      400,
      ['invalidPath', 'noTarget', 'invalidValue'],
      'PATCH replace on an attribute that does not exist',
    );
  },
  async 'put-replace'(c) {
    const made = await makeUser(c, 'put');
    if (!made) return;
    const outcome = await call(c, 'PUT', `/Users/${made.id}`, {
      ...made,
      displayName: 'Put Replaced',
      meta: undefined,
    });
    if (!expectStatus(c, outcome, 200, 'PUT /Users/<id>')) return;
    const after = await call(c, 'GET', `/Users/${made.id}`);
    expect(
      c,
      (after.body as Json | undefined)?.displayName === 'Put Replaced',
      'displayName was not replaced',
    );
  },
  async 'delete-user'(c) {
    const made = await makeUser(c, 'delete');
    if (!made) return;
    if (!expectStatus(c, await call(c, 'DELETE', `/Users/${made.id}`), 204, 'DELETE /Users/<id>')) return;
    c.made = c.made.filter((m) => m.id !== made.id);
    expectStatus(c, await call(c, 'GET', `/Users/${made.id}`), 404, 'GET after DELETE');
  },
  async etag(c) {
    const config = await call(c, 'GET', '/ServiceProviderConfig');
    if ((config.body as { etag?: { supported?: unknown } } | undefined)?.etag?.supported !== true) {
      c.skip = '/ServiceProviderConfig does not advertise etag support';
      return;
    }
    const made = await makeUser(c, 'etag');
    if (!made) return;
    const got = await call(c, 'GET', `/Users/${made.id}`);
    const tag = c.exchanges.at(-1)?.responseHeaders?.etag;
    const version = ((got.body as Json | undefined)?.meta as Json | undefined)?.version;
    if (
      !expect(
        c,
        typeof tag === 'string' && tag === version,
        `ETag header ${String(tag)} is not meta.version ${String(version)}`,
      )
    )
      return;
    expectStatus(
      c,
      await call(c, 'GET', `/Users/${made.id}`, undefined, { 'if-none-match': tag! }),
      304,
      'GET with If-None-Match of the current version',
    );
    const stale = await call(
      c,
      'PATCH',
      `/Users/${made.id}`,
      patch({ op: 'replace', path: 'displayName', value: 'Stale' }),
      { 'if-match': 'W/"stale-version"' },
    );
    expectError(c, stale, 412, undefined, 'PATCH with a stale If-Match');
  },
};

async function patchCheck(
  c: CheckContext,
  operations: Json[],
  holds: (user: Json) => boolean,
  problem: string,
  extra: Json = {},
): Promise<void> {
  const made = await makeUser(c, 'patch', extra);
  if (!made) return;
  const outcome = await call(c, 'PATCH', `/Users/${made.id}`, patch(...operations));
  if (!expect(c, outcome.ok, `PATCH ${JSON.stringify(operations)}: ${outcome.summary}`)) return;
  const after = await call(c, 'GET', `/Users/${made.id}`);
  if (expectStatus(c, after, 200, 'GET after PATCH')) expect(c, holds(after.body as Json), problem);
}

/**
 * Runs one conformance check against the job's SCIM endpoint with plain RFC requests
 * (the dialect is not used: this is the yardstick), then deletes what it made.
 */
export async function runConformanceCheck(name: string, run: ScimRun): Promise<StepResult> {
  const check = Object.hasOwn(conformanceRegistry, name) ? conformanceRegistry[name] : undefined;
  const title = `conformance: ${name}`;
  if (!check) {
    return {
      action: 'scim',
      title,
      expect: 'accept',
      verdict: 'error',
      observed: `unknown check "${name}"; known: ${Object.keys(conformanceRegistry).join(', ')}`,
    };
  }
  const c: CheckContext = { run, exchanges: [], problems: [], made: [], prefix: `conf${run.token}` };
  try {
    await check(c);
  } finally {
    for (const made of c.made.reverse()) {
      await run.provisioner
        .request({ method: 'DELETE', path: `/${made.kind}/${made.id}` })
        .catch(() => undefined);
    }
  }
  if (c.skip)
    return {
      action: 'scim',
      title,
      expect: 'accept',
      verdict: 'skipped',
      observed: c.skip,
      exchanges: c.exchanges,
    };
  const ok = c.problems.length === 0;
  return {
    action: 'scim',
    title,
    expect: 'accept',
    verdict: ok ? 'pass' : 'fail',
    observed: ok ? `${c.exchanges.length} exchange(s), as RFC 7644 says` : c.problems.join('; '),
    exchanges: c.exchanges,
  };
}
