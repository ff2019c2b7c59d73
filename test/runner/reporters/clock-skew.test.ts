import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../../runner/reporters/html.ts';
import { toJsonReport } from '../../../runner/reporters/json.ts';
import { toJunit } from '../../../runner/reporters/junit.ts';
import { listReporter } from '../../../runner/reporters/list.ts';
import { type RunRecord, summarize } from '../../../runner/types.ts';
import { timingResult } from '../../support/timing-results.ts';

const late = (seconds: number, expect: 'accept' | 'reject') => ({
  field: 'Conditions NotOnOrAfter',
  direction: 'past' as const,
  seconds,
  expect,
  declaredSkewSeconds: 60,
});
const results = [
  timingResult('saml.time.conditions-not-on-or-after.late-30s', late(30, 'accept'), 'pass'),
  timingResult('saml.time.conditions-not-on-or-after.late-2m', late(120, 'reject'), 'pass'),
];
const record: RunRecord = {
  id: 'run-1',
  status: 'finished',
  startedAt: '2026-01-01T00:00:00Z',
  pid: 1,
  options: { targets: ['app'], driver: 'http', workers: 1 },
  summary: summarize(results, 10),
  calibrations: [],
  results,
  reporterErrors: [],
};
const said = 'accepts up to 30 s late, refuses 2 min (declared 1 min)';

describe('every reporter shows the effective clock-skew allowance', () => {
  it('list: a block after the summary table', () => {
    let out = '';
    listReporter((text) => {
      out += text;
    }).onEnd!(record);
    expect(out).toContain(
      `Clock skew app allows (from the timing scenarios):\n  Conditions NotOnOrAfter: ${said}`,
    );
  });

  it('JSON: clockSkew[], and each timing result keeps its measure', () => {
    const report = JSON.parse(JSON.stringify(toJsonReport(record)));
    expect(report.clockSkew).toEqual([
      expect.objectContaining({ target: 'app', field: 'Conditions NotOnOrAfter', summary: said }),
    ]);
    expect(report.results[0].timing).toMatchObject({ seconds: 30, declaredSkewSeconds: 60 });
  });

  it('JUnit: properties of the target testsuite', () => {
    const xml = toJunit(record);
    expect(xml).toContain('<property name="clockSkew.declaredSeconds" value="60"/>');
    expect(xml).toContain(`<property name="clockSkew.saml.Conditions NotOnOrAfter" value="${said}"/>`);
  });

  it('HTML: a table above the results', () => {
    const page = renderHtmlReport(record);
    expect(page).toContain('Clock skew the SP allows');
    expect(page).toContain(`<td>SAML Conditions NotOnOrAfter</td><td class="">${said}</td>`);
  });
});
