import { describe, expect, it } from 'vitest';
import attributeDuplicated from '../../../../idp/faults/saml/model/attribute-duplicated.ts';
import elementMissing from '../../../../idp/faults/saml/model/element-missing.ts';
import issueInstantMalformed from '../../../../idp/faults/saml/model/issue-instant-malformed.ts';
import issuerFormat from '../../../../idp/faults/saml/model/issuer-format.ts';
import issuersSeveral from '../../../../idp/faults/saml/model/issuers-several.ts';
import timePrecision, { withPrecision } from '../../../../idp/faults/saml/model/time-precision.ts';
import version from '../../../../idp/faults/saml/model/version.ts';
import type { AnyFault } from '../../../../idp/faults/types.ts';
import { responseXml } from '../../../../idp/saml/response/xml.ts';
import { bobModel, stageContext } from './signed-response.ts';

const xmlWith = async (fault: AnyFault, params: Record<string, unknown> = {}) =>
  responseXml(await fault.apply(bobModel(), fault.params.parse(params), stageContext()));

describe('SAML structure faults, as XML', () => {
  it('writes another Version, or an IssueInstant that is not a UTC xs:dateTime, or none', async () => {
    expect((await xmlWith(version)).match(/ Version="1\.1"/g)).toHaveLength(2);
    const local = await xmlWith(issueInstantMalformed, { where: 'response' });
    expect(local).toMatch(/<samlp:Response[^>]* IssueInstant="\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"/);
    expect(local).toMatch(/<saml:Assertion[^>]* IssueInstant="[^"]+Z"/);
    const none = await xmlWith(issueInstantMalformed, { remove: true });
    expect(none).not.toContain('IssueInstant=');
  });

  it('leaves out the Status, or every assertion while Success stays', async () => {
    expect(await xmlWith(elementMissing, { element: 'Status' })).not.toContain('samlp:Status');
    const empty = await xmlWith(elementMissing, { element: 'Assertion' });
    expect(empty).toContain('status:Success');
    expect(empty).not.toContain('saml:Assertion');
  });

  it('writes a second Issuer after the first, and an Issuer without Format', async () => {
    const two = await xmlWith(issuersSeveral);
    expect(two.match(/<saml:Issuer/g)).toHaveLength(3);
    expect(two).toMatch(/<saml:Issuer[^>]*>[^<]*<\/saml:Issuer><saml:Issuer[^>]*>https:\/\/unknown-idp/);
    const bare = await xmlWith(issuerFormat);
    expect(bare).toContain('<saml:Issuer>');
    expect(bare).not.toContain('nameid-format:entity');
  });

  it('repeats an attribute Name in a second element with other values', async () => {
    const xml = await xmlWith(attributeDuplicated, { name: 'email', values: ['eve@example.com'] });
    expect(xml.match(/<saml:Attribute Name="email"/g)).toHaveLength(2);
    expect(xml.indexOf('bob@example.com')).toBeLessThan(xml.indexOf('eve@example.com'));
  });

  it('writes instants with any fractional precision, each still the same instant to the millisecond', async () => {
    expect(withPrecision('2026-05-01T10:00:00.123Z', 0)).toBe('2026-05-01T10:00:00Z');
    expect(withPrecision('2026-05-01T10:00:00.123Z', 7)).toBe('2026-05-01T10:00:00.1230000Z');
    expect(withPrecision('2026-05-01T10:00:00Z', 3)).toBe('2026-05-01T10:00:00.000Z');
    const xml = await xmlWith(timePrecision, { digits: 9 });
    const instants = [...xml.matchAll(/"(\d{4}-\d\d-\d\dT[\d:.]+Z)"/g)].map((m) => m[1]!);
    expect(instants.length).toBeGreaterThan(6);
    for (const value of instants) expect(value).toMatch(/\.\d{9}Z$/);
  });
});
