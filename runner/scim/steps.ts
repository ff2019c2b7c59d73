import type { DirectoryUser } from '../../idp/directory/user.ts';
import { noHooks } from '../../idp/flows.ts';
import type { ScimClient } from '../../idp/scim/client.ts';
import type { ScimOutcome, ScimProvisioner } from '../../idp/scim/provisioner.ts';
import type { IdpServer } from '../../idp/server.ts';
import type { ScimStep } from '../../scenarios/scim/schema.ts';
import type { Driver, DriverSession } from '../drivers/types.ts';
import { renderUserTemplate } from '../identity.ts';
import { identityTemplate, judgeProbe } from '../outcome.ts';
import type { HttpStep, StepResult } from '../types.ts';
import type { ScimJob } from './plan.ts';
import { freshUser, renamedUser, runToken } from './users.ts';

/** The state of one SCIM job while its steps run. */
export interface ScimRun {
  job: ScimJob;
  /** Random token of this run: part of every name it makes. */
  token: string;
  harness: IdpServer;
  driver: Driver;
  signal: AbortSignal;
  client: ScimClient;
  provisioner: ScimProvisioner;
  /** The scenario's users by role, as the IdP holds them now. */
  users: Map<string, DirectoryUser>;
  /** Group keys to the displayName the IdP gives them. */
  groups: Map<string, string>;
  /** Each user's browser session (its last login). */
  sessions: Map<string, DriverSession>;
  flowIds: string[];
  /** Every HTTP exchange of the login and probe steps. */
  http: HttpStep[];
}

/** The step as words, for the expectation line. */
export function describeStep(step: ScimStep): string {
  switch (step.do) {
    case 'login':
      return `login as ${step.user}: ${step.expect === 'accept' ? 'logged in' : 'refused'}`;
    case 'probe':
      return `probe ${step.user}: ${{ accept: 'session', reject: 'no session', role: 'role shown', 'no-role': 'role not shown' }[step.expect]}`;
    case 'check-user':
      return `GET ${step.user}: ${step.expect.status}${step.expect.active === undefined ? '' : `, active ${step.expect.active}`}`;
    case 'count-users':
      return `userName filter finds ${step.expect}`;
    case 'create-duplicate':
      return 'duplicate create: 409 uniqueness';
    case 'wrong-token':
      return `${step.token} token: 401`;
    default:
      return `${step.do}${'user' in step ? ` ${step.user}` : ''}${'group' in step ? ` ${step.group}` : ''}: accepted`;
  }
}

/** Runs one step and judges it. Throws only for harness problems and unusable SCIM answers. */
export async function runStep(run: ScimRun, step: ScimStep): Promise<StepResult> {
  const { provisioner } = run;
  switch (step.do) {
    case 'assign':
      return pushed(`assign ${step.user}`, await provisioner.assign(user(run, step.user)));
    case 'update': {
      const renamed = renamedUser(user(run, step.user));
      run.users.set(step.user, renamed);
      return pushed(`update ${step.user} (new email and name)`, await provisioner.update(renamed));
    }
    case 'deactivate':
      return pushed(`deactivate ${step.user}`, await provisioner.setActive(user(run, step.user), false));
    case 'reactivate':
      return pushed(`reactivate ${step.user}`, await provisioner.setActive(user(run, step.user), true));
    case 'unassign':
      return pushed(
        `unassign ${step.user} (${provisioner.dialect.unassign})`,
        await provisioner.unassign(user(run, step.user)),
      );
    case 'delete':
      return pushed(`delete ${step.user}`, await provisioner.delete(user(run, step.user)));
    case 'push-group':
      return pushed(
        `push group ${step.group}`,
        await provisioner.pushGroup(step.group, groupName(run, step.group)),
      );
    case 'rename-group': {
      const name = step.to === 'role' ? roleGroup(run).displayName : `${step.group}-${runToken()}`;
      return pushed(`rename group ${step.group} to ${name}`, await provisioner.renameGroup(step.group, name));
    }
    case 'add-member':
      return pushed(
        `add ${step.user} to ${step.group}`,
        await provisioner.addMember(step.group, user(run, step.user)),
      );
    case 'remove-member':
      return pushed(
        `remove ${step.user} from ${step.group}`,
        await provisioner.removeMember(step.group, user(run, step.user)),
      );
    case 'login':
      return login(run, step.user, step.expect);
    case 'probe':
      return probe(run, step.user, step.expect);
    case 'check-user':
      return checkUser(run, step);
    case 'count-users':
      return countUsers(run, step.user, step.upperCase, step.expect);
    case 'create-duplicate':
      return createDuplicate(run, step.user, step.upperCase);
    case 'create-with-unknown-attribute':
      return createWithUnknown(run, step.user);
    case 'wrong-token':
      return wrongToken(run, step.token);
    case 'paginate':
      return paginate(run, step.users, step.count);
    case 'burst':
      return burst(run, step.requests);
    case 'disable-provider':
      return disableProvider(run);
  }
}

function user(run: ScimRun, role: string): DirectoryUser {
  let found = run.users.get(role);
  if (!found) {
    found = freshUser(run.job.template!, role, run.token);
    run.users.set(role, found);
  }
  return found;
}

function roleGroup(run: ScimRun): { displayName: string; probeContains: string } {
  const group = run.job.connection?.scim?.roleGroup;
  if (!group) throw new Error(`connection "${run.job.connectionName}" names no scim.roleGroup`);
  return group;
}

function groupName(run: ScimRun, key: string): string {
  let name = run.groups.get(key);
  if (!name) {
    name = key === 'role' ? roleGroup(run).displayName : `${key}-${run.token}`;
    run.groups.set(key, name);
  }
  return name;
}

function scimResult(
  title: string,
  ok: boolean,
  observed: string,
  expect: 'accept' | 'reject' = 'accept',
): StepResult {
  return { action: 'scim', title, expect, verdict: ok ? 'pass' : 'fail', observed };
}

/** A push the SP must take (2xx). */
function pushed(title: string, outcome: ScimOutcome): StepResult {
  return {
    ...scimResult(
      title,
      outcome.ok,
      outcome.ok
        ? outcome.summary
        : `${outcome.summary}${outcome.problem && !outcome.summary.includes(outcome.problem) ? `: ${outcome.problem}` : ''}`,
    ),
    exchanges: outcome.exchanges,
  };
}

async function login(run: ScimRun, role: string, expect: 'accept' | 'reject'): Promise<StepResult> {
  const { job, harness } = run;
  const asserted = { ...user(run, role), groups: run.provisioner.groupsOf(user(run, role).id) };
  const flow = harness.context.flows.create(
    {
      scenarioId: job.scenario.id,
      title: job.scenario.title,
      providerId: job.providerId,
      user: asserted,
      faults: [],
    },
    noHooks,
  );
  run.flowIds.push(flow.id);
  await run.sessions.get(role)?.close();
  const session = await run.driver.newSession({ signal: run.signal });
  run.sessions.set(role, session);
  await session.bindFlow(harness.url, flow.id);
  await session.open(job.connection!.loginUrl);
  const delivered = harness.context.trace.list({ flowId: flow.id }).some((e) => e.direction === 'out');
  const result = await probed(run, session, asserted, expect, `login as ${role}`, 'login');
  collect(run, session);
  if (!delivered && expect === 'accept') {
    return {
      ...result,
      verdict: 'error',
      observed: `the login never reached the IdP with this scenario's flow (the SP at ${job.connection!.loginUrl} did not redirect to provider "${job.providerId}")`,
    };
  }
  return result;
}

async function probe(
  run: ScimRun,
  role: string,
  expect: 'accept' | 'reject' | 'role' | 'no-role',
): Promise<StepResult> {
  const session = run.sessions.get(role);
  const title = `probe ${role}`;
  if (!session) {
    return {
      action: 'probe',
      title,
      expect: 'accept',
      verdict: 'error',
      observed: `${role} never logged in, so there is no session to probe`,
    };
  }
  const result = await probed(run, session, user(run, role), expect, title, 'probe');
  collect(run, session);
  return result;
}

/** Asks the target's probe in a session and judges what it shows. */
async function probed(
  run: ScimRun,
  session: DriverSession,
  asserted: DirectoryUser,
  expect: 'accept' | 'reject' | 'role' | 'no-role',
  title: string,
  action: 'login' | 'probe',
): Promise<StepResult> {
  const probeConfig = run.job.target.probe;
  const response = await session.probe(probeConfig.url);
  const observation = judgeProbe({
    probe: probeConfig,
    response,
    candidates: [{ role: 'expected', shows: renderUserTemplate(identityTemplate(probeConfig), asserted) }],
    harnessOrigins: [new URL(run.harness.url).origin],
  });
  let observed = observation.session
    ? `logged in as ${observation.identity}`
    : `no session: ${observation.reason}`;
  let verdict: StepResult['verdict'];
  if (expect === 'accept') verdict = observation.asExpectedUser ? 'pass' : 'fail';
  else if (expect === 'reject') verdict = observation.session ? 'fail' : 'pass';
  else {
    const text = roleGroup(run).probeContains;
    const shows = observation.asExpectedUser && response.body.includes(text);
    verdict = observation.asExpectedUser && (expect === 'role') === shows ? 'pass' : 'fail';
    observed = `${observed}; the probe ${shows ? 'shows' : 'does not show'} ${text}`;
  }
  return {
    action,
    title,
    expect: expect === 'reject' ? 'reject' : 'accept',
    verdict,
    observed,
    probe: observation,
  };
}

function collect(run: ScimRun, session: DriverSession): void {
  for (const step of session.steps) if (!run.http.includes(step)) run.http.push(step);
}

async function checkUser(run: ScimRun, step: Extract<ScimStep, { do: 'check-user' }>): Promise<StepResult> {
  const current = user(run, step.user);
  const record = run.provisioner.pushed(current);
  const outcome = await run.provisioner.request({ method: 'GET', path: `/Users/${record.scimId}` });
  const title = `GET /Users of ${step.user}`;
  const problems: string[] = [];
  if (outcome.status !== step.expect.status)
    problems.push(`HTTP ${outcome.status}, expected ${step.expect.status}`);
  const body = (outcome.body ?? {}) as {
    active?: unknown;
    emails?: Array<{ value?: unknown; primary?: unknown }>;
  };
  if (outcome.ok && step.expect.active !== undefined && body.active !== step.expect.active) {
    problems.push(`active is ${JSON.stringify(body.active)}, expected ${step.expect.active}`);
  }
  if (outcome.ok && step.expect.currentEmail) {
    const emails = Array.isArray(body.emails) ? body.emails : [];
    const primary = emails.find((e) => e.primary === true) ?? emails[0];
    if (String(primary?.value ?? '').toLowerCase() !== current.email.toLowerCase()) {
      problems.push(`the primary email is ${JSON.stringify(primary?.value)}, expected ${current.email}`);
    }
  }
  for (const [key, wanted] of [
    [step.expect.memberOf, true],
    [step.expect.notMemberOf, false],
  ] as const) {
    if (!key) continue;
    const group = run.provisioner.groups.get(key);
    const answer = await run.provisioner.request(
      { method: 'GET', path: `/Groups/${group?.scimId}` },
      outcome.exchanges,
    );
    const members = (
      (answer.body as { members?: Array<{ value?: unknown }> } | undefined)?.members ?? []
    ).map((m) => m.value);
    if (!answer.ok) problems.push(`GET /Groups/${group?.scimId}: ${answer.problem}`);
    else if (members.includes(record.scimId) !== wanted) {
      problems.push(
        `the SP's group ${group?.displayName} ${wanted ? 'does not list' : 'still lists'} ${step.user} as a member`,
      );
    }
  }
  const ok = problems.length === 0;
  return {
    ...scimResult(
      title,
      ok,
      ok
        ? `${outcome.summary}${body.active === undefined ? '' : `, active ${String(body.active)}`}`
        : problems.join('; '),
    ),
    exchanges: outcome.exchanges,
  };
}

async function countUsers(
  run: ScimRun,
  role: string,
  upperCase: boolean,
  expected: number,
): Promise<StepResult> {
  const current = user(run, role);
  const userName = upperCase ? current.email.toUpperCase() : current.email;
  const outcome = await run.provisioner.request({
    method: 'GET',
    path: `/Users?filter=${encodeURIComponent(`userName eq ${JSON.stringify(userName)}`)}`,
  });
  const total = (outcome.body as { totalResults?: unknown } | undefined)?.totalResults;
  const ok = outcome.ok && total === expected;
  return {
    ...scimResult(
      `filter userName eq "${userName}"`,
      ok,
      outcome.ok
        ? `${total === undefined ? 'no totalResults' : `${String(total)} user(s) found`}, expected ${expected}`
        : (outcome.problem ?? outcome.summary),
    ),
    exchanges: outcome.exchanges,
  };
}

async function createDuplicate(run: ScimRun, role: string, upperCase: boolean): Promise<StepResult> {
  const current = user(run, role);
  const model = run.provisioner.modelOf(current);
  const body = run.provisioner.dialect.createUser({
    ...model,
    userName: upperCase ? model.userName.toUpperCase() : model.userName,
  });
  const outcome = await run.provisioner.request({ method: 'POST', path: '/Users', body });
  const scimType = (outcome.body as { scimType?: unknown } | undefined)?.scimType;
  const ok = outcome.status === 409 && scimType === 'uniqueness';
  const observed = outcome.ok
    ? `the SP created a second user (HTTP ${outcome.status})`
    : outcome.status === 409
      ? `409 with scimType ${JSON.stringify(scimType)}`
      : (outcome.problem ?? outcome.summary);
  return {
    ...scimResult(
      `create ${upperCase ? 'an upper-case ' : 'a '}duplicate of ${role}`,
      ok,
      observed,
      'reject',
    ),
    exchanges: outcome.exchanges,
  };
}

async function createWithUnknown(run: ScimRun, role: string): Promise<StepResult> {
  const current = user(run, role);
  const model = run.provisioner.modelOf(current);
  const body = {
    ...run.provisioner.dialect.createUser(model),
    ssoHarnessUnknownAttribute: 'an attribute no schema defines',
  };
  const outcome = await run.provisioner.request({ method: 'POST', path: '/Users', body });
  const id = (outcome.body as { id?: unknown } | undefined)?.id;
  if (outcome.ok && typeof id === 'string') {
    run.provisioner.users.set(current.id, {
      key: current.id,
      user: current,
      model,
      scimId: id,
      state: 'active',
    });
  }
  return {
    ...scimResult(
      `create ${role} with an unknown attribute`,
      outcome.ok,
      outcome.ok ? outcome.summary : (outcome.problem ?? outcome.summary),
    ),
    exchanges: outcome.exchanges,
  };
}

async function wrongToken(run: ScimRun, kind: 'wrong' | 'none'): Promise<StepResult> {
  const auth =
    kind === 'none'
      ? ({ kind: 'none' } as const)
      : ({ kind: 'bearer', token: `wrong-${runToken()}` } as const);
  const outcome = await run.provisioner.request({ method: 'GET', path: '/Users?count=1' }, [], { auth });
  return {
    ...scimResult(
      `GET /Users with ${kind === 'none' ? 'no' : 'a wrong'} token`,
      outcome.status === 401,
      `HTTP ${outcome.status}${outcome.ok ? ': the SP answered without a valid token' : ''}`,
      'reject',
    ),
    exchanges: outcome.exchanges,
  };
}

async function paginate(run: ScimRun, count: number, pageSize: number): Promise<StepResult> {
  const exchanges: ScimOutcome['exchanges'] = [];
  const prefix = `page${run.token}`;
  const created = new Set<string>();
  for (let i = 0; i < count; i++) {
    const member = user(run, `${prefix}-${i}`);
    const outcome = await run.provisioner.assign(member);
    exchanges.push(...outcome.exchanges);
    if (!outcome.ok)
      return {
        ...scimResult('create users to page through', false, outcome.problem ?? outcome.summary),
        exchanges,
      };
    created.add(run.provisioner.pushed(member).scimId!);
  }
  const [local, domain] = run.job.template!.email.split('@');
  const filter = `userName sw ${JSON.stringify(`${local}.${prefix}-`)} and userName ew ${JSON.stringify(`@${domain}`)}`;
  const seen: string[] = [];
  const problems: string[] = [];
  for (let start = 1; start <= count && problems.length === 0; start += pageSize) {
    const outcome = await run.provisioner.request(
      {
        method: 'GET',
        path: `/Users?filter=${encodeURIComponent(filter)}&startIndex=${start}&count=${pageSize}`,
      },
      exchanges,
    );
    const page = outcome.body as
      | { totalResults?: unknown; startIndex?: unknown; Resources?: Array<{ id?: unknown }> }
      | undefined;
    if (!outcome.ok) problems.push(`page at ${start}: ${outcome.problem}`);
    else if (page?.totalResults !== count)
      problems.push(`totalResults ${String(page?.totalResults)}, expected ${count}`);
    else if ((page.Resources?.length ?? 0) > pageSize)
      problems.push(`page at ${start} has ${page.Resources?.length} users, count was ${pageSize}`);
    else if (page.startIndex !== start)
      problems.push(`page asked at startIndex ${start} says startIndex ${String(page.startIndex)}`);
    else for (const r of page.Resources ?? []) seen.push(String(r.id));
  }
  if (problems.length === 0) {
    const unique = new Set(seen);
    if (unique.size !== seen.length) problems.push('a user appears on two pages');
    else if ([...created].some((id) => !unique.has(id)))
      problems.push(`the pages hold ${unique.size} of the ${count} users`);
  }
  const ok = problems.length === 0;
  return {
    ...scimResult(
      `page through ${count} users, ${pageSize} at a time`,
      ok,
      ok ? `${count} users in ${Math.ceil(count / pageSize)} pages, each once` : problems.join('; '),
    ),
    exchanges,
  };
}

async function burst(run: ScimRun, requests: number): Promise<StepResult> {
  const filter = encodeURIComponent(`userName eq ${JSON.stringify(`nobody.${run.token}@example.invalid`)}`);
  const outcomes = await Promise.all(
    Array.from({ length: requests }, () =>
      run.provisioner.request({ method: 'GET', path: `/Users?filter=${filter}` }),
    ),
  );
  const retried = outcomes.filter((o) => o.exchanges.length > 1);
  const throttled = outcomes.flatMap((o) => o.exchanges).filter((e) => e.status === 429);
  const withoutRetryAfter = throttled.filter((e) => e.responseHeaders?.['retry-after'] === undefined);
  const failed = outcomes.filter((o) => !o.ok);
  const ok = failed.length === 0;
  const observed = `${requests} requests: ${requests - failed.length} answered 2xx${retried.length ? `, ${retried.length} after a retry (${throttled.length} answers of 429${withoutRetryAfter.length ? `, ${withoutRetryAfter.length} without Retry-After` : ', each with Retry-After'})` : ', none throttled'}${failed.length ? `; ${failed.length} never succeeded: ${failed[0]!.summary}` : ''}`;
  return {
    ...scimResult(`burst of ${requests} requests`, ok, observed),
    exchanges: [...retried, ...failed].flatMap((o) => o.exchanges).slice(0, 50),
  };
}

async function disableProvider(run: ScimRun): Promise<StepResult> {
  const outcomes: ScimOutcome[] = [];
  for (const record of run.provisioner.users.values()) {
    if (record.state === 'deleted' || record.state === 'inactive') continue;
    outcomes.push(await run.provisioner.unassign(record.user));
  }
  const failed = outcomes.filter((o) => !o.ok);
  return {
    ...scimResult(
      `provider "${run.job.providerId}" switched off: unassign everyone it provisioned`,
      failed.length === 0,
      failed.length === 0
        ? `${outcomes.length} user(s) unassigned (${run.provisioner.dialect.unassign})`
        : failed.map((o) => o.summary).join('; '),
    ),
    exchanges: outcomes.flatMap((o) => o.exchanges),
  };
}
