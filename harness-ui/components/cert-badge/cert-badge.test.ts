import { describe, expect, it } from 'vitest';
import { certificateExpiry } from './expiry.ts';

const now = Date.parse('2026-06-15T12:00:00Z');

describe('certificateExpiry', () => {
  it('names an expired certificate and how long ago', () => {
    expect(certificateExpiry('2024-01-01T00:00:00Z', '2026-06-12T12:00:00Z', now)).toEqual({
      state: 'expired',
      label: 'expired 3 days ago',
    });
  });

  it('warns when the end is near, and counts days otherwise', () => {
    expect(certificateExpiry('2026-01-01T00:00:00Z', '2026-06-16T13:00:00Z', now)).toEqual({
      state: 'expiring',
      label: 'expires in 1 day',
    });
    expect(certificateExpiry('2026-01-01T00:00:00Z', '2027-06-15T12:00:00Z', now).label).toBe(
      'expires in 365 days',
    );
  });

  it('says when a certificate is not valid yet', () => {
    expect(certificateExpiry('2026-06-20T12:00:00Z', '2030-01-01T00:00:00Z', now)).toEqual({
      state: 'not-yet-valid',
      label: 'not valid for 5 more days',
    });
  });
});
