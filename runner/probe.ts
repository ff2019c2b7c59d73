import type { ProbeConfig } from '../config/schema.ts';
import type { DirectoryUser } from '../idp/directory/user.ts';
import type { ProbeResponse } from './drivers/types.ts';
import type { ProbeObservation } from './types.ts';

/** Replaces {{user.email}}, {{user.nameId}}, {{user.externalId}}, {{user.id}}, {{user.displayName}}. */
export function renderUserTemplate(text: string, user: DirectoryUser): string {
  return text.replace(/\{\{\s*user\.(\w+)\s*\}\}/g, (whole, field: string) => {
    const value = (user as unknown as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : whole;
  });
}

/**
 * Reads the probe's answer: is there a session (status, final URL, selector), and is it
 * the expected user's (the `contains` text rendered for that user)?
 */
export function observeProbe(
  probe: ProbeConfig,
  response: ProbeResponse,
  expectedUser: DirectoryUser,
  forbiddenIdentity?: string,
): ProbeObservation {
  const statusOk =
    probe.status !== undefined
      ? response.status === probe.status
      : response.status >= 200 && response.status < 300;
  const finalUrlOk = probe.finalUrl ? new RegExp(probe.finalUrl).test(response.finalUrl) : true;
  const selectorOk = probe.selector && response.selectorFound !== undefined ? response.selectorFound : true;
  const session = statusOk && finalUrlOk && selectorOk;
  const body = response.body.toLowerCase();
  const expectedText = probe.contains
    ? renderUserTemplate(probe.contains, expectedUser).toLowerCase()
    : undefined;
  return {
    url: response.url,
    status: response.status,
    finalUrl: response.finalUrl,
    bodyExcerpt: response.body.slice(0, 2048),
    session,
    asExpectedUser: session && (expectedText === undefined || body.includes(expectedText)),
    asForbiddenIdentity:
      forbiddenIdentity === undefined ? undefined : session && body.includes(forbiddenIdentity.toLowerCase()),
  };
}

/** Words for what the probe saw. */
export function describeObservation(observation: ProbeObservation, expectedUser: DirectoryUser): string {
  const where = `probe ${observation.status} at ${observation.finalUrl}`;
  if (!observation.session) return `no session (${where})`;
  if (observation.asForbiddenIdentity) return `logged in as the forbidden identity (${where})`;
  if (observation.asExpectedUser) return `logged in as ${expectedUser.email} (${where})`;
  return `logged in, but not as ${expectedUser.email} (${where})`;
}
