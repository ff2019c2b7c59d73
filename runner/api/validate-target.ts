import { inflateRawSync } from 'node:zlib';
import type { TargetConfig } from '../../config/schema.ts';
import type { IdpContext } from '../../idp/context.ts';
import { IdpError } from '../../idp/errors.ts';
import type { TraceEntry } from '../../idp/trace.ts';
import { describeError } from '../../lib/errors.ts';
import { prettyXml } from '../../lib/xml.ts';
import { createHttpDriver } from '../drivers/http.ts';
import type { HttpStep } from '../types.ts';
import type { ValidationAnswer } from './types.ts';

const VALIDATE_TIMEOUT_MS = 10_000;
const MAX_INFLATED = 1024 * 1024;

/**
 * Opens a connection's login URL with the HTTP driver (no flow: the IdP shows its login
 * page and nobody logs in) and reports what the SP sent: its answer, where it redirected,
 * the decoded login request, and whether the IdP accepted it.
 */
export async function validateConnection(
  context: IdpContext,
  targetId: string,
  target: TargetConfig,
  connectionName: string | undefined,
): Promise<ValidationAnswer> {
  const names = Object.keys(target.connections);
  const name = connectionName ?? names[0]!;
  const connection = target.connections[name];
  if (!connection) {
    throw new IdpError('BAD_REQUEST', 400, `target "${targetId}" has no connection "${name}"`, {
      hint: `Its connections: ${names.join(', ')}.`,
    });
  }
  const seen: TraceEntry[] = [];
  const onEntry = (entry: TraceEntry) => {
    if (entry.provider === connection.provider) seen.push(entry);
  };
  context.trace.on('entry', onEntry);
  const driver = createHttpDriver();
  const session = await driver.newSession({ signal: AbortSignal.timeout(VALIDATE_TIMEOUT_MS) });
  let failure: unknown;
  try {
    await session.open(connection.loginUrl);
  } catch (error) {
    failure = error;
  } finally {
    context.trace.off('entry', onEntry);
    await session.close();
  }
  const steps = session.steps;
  if (failure && steps.length === 0) {
    throw new IdpError(
      'BAD_REQUEST',
      422,
      `could not reach the login URL ${connection.loginUrl} of connection "${name}": ${describeCause(failure)}`,
      { hint: 'Is the SP running, and is the login URL right? Edit the target to fix the URL.' },
    );
  }
  const providerBase = `${context.baseUrl}/${context.config.providers[connection.provider]?.protocol ?? 'saml'}/${encodeURIComponent(connection.provider)}`;
  const request = findLoginRequest(steps, context.baseUrl);
  const idpErrors = seen.filter((e) => e.kind === 'error' || e.error).map((e) => e.error ?? e.summary);
  const reachedProvider = steps.some((s) => s.url.startsWith(`${providerBase}/`) || s.url === providerBase);
  const findings: string[] = [];
  if (failure) findings.push(`the login stopped with an error: ${describeCause(failure)}`);
  if (!reachedProvider) {
    const elsewhere = request?.provider ? ` (it went to provider "${request.provider}")` : '';
    findings.push(
      `the SP did not send the browser to provider "${connection.provider}" at ${providerBase}${elsewhere}`,
    );
  }
  findings.push(...idpErrors.map((e) => `the IdP refused the request: ${e}`));
  if (reachedProvider && !request)
    findings.push('no SAML AuthnRequest or OIDC authorization request was found');
  const first = steps[0];
  const ok = reachedProvider && idpErrors.length === 0 && !failure;
  if (ok) findings.push(`the SP sends logins to provider "${connection.provider}"`);
  return {
    connection: name,
    loginUrl: connection.loginUrl,
    ok,
    findings,
    status: first?.status,
    redirect: first?.location,
    request,
    idpErrors,
    steps,
  };
}

function findLoginRequest(steps: readonly HttpStep[], harnessUrl: string): ValidationAnswer['request'] {
  for (const step of steps) {
    if (!step.url.startsWith(harnessUrl)) continue;
    const url = new URL(step.url);
    const provider = /^\/(?:saml|oidc)\/([^/]+)/.exec(url.pathname)?.[1];
    const fromQuery = url.searchParams.get('SAMLRequest');
    if (fromQuery) {
      return {
        kind: 'AuthnRequest',
        binding: 'HTTP-Redirect',
        decoded: decodeSaml(fromQuery, true),
        provider,
      };
    }
    const fromForm = step.form?.SAMLRequest;
    if (fromForm) {
      return { kind: 'AuthnRequest', binding: 'HTTP-POST', decoded: decodeSaml(fromForm, false), provider };
    }
    if (url.searchParams.has('client_id') && url.searchParams.has('response_type')) {
      const params = Object.fromEntries(url.searchParams.entries());
      return {
        kind: 'authorization request',
        binding: 'query',
        decoded: JSON.stringify(params, null, 2),
        provider,
      };
    }
  }
  return undefined;
}

function decodeSaml(value: string, deflated: boolean): string {
  try {
    const bytes = Buffer.from(value, 'base64');
    const xml = deflated
      ? inflateRawSync(bytes, { maxOutputLength: MAX_INFLATED }).toString('utf8')
      : bytes.toString('utf8');
    return prettyXml(xml);
  } catch (error) {
    return `(could not decode the message: ${describeError(error)})\n${value}`;
  }
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  if ((error as Error)?.name === 'TimeoutError' || (error as Error)?.name === 'AbortError') {
    return `no answer within ${VALIDATE_TIMEOUT_MS / 1000} s`;
  }
  return describeError(error);
}
