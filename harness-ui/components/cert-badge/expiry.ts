const DAY = 24 * 3600 * 1000;

export interface Expiry {
  state: 'expired' | 'not-yet-valid' | 'expiring' | 'valid';
  label: string;
}

/** How a certificate's validity reads today: expired, not yet valid, expires in N days. */
export function certificateExpiry(
  notBefore: string,
  notAfter: string,
  now = Date.now(),
  soonDays = 30,
): Expiry {
  const from = Date.parse(notBefore);
  const to = Date.parse(notAfter);
  if (to < now) {
    const days = Math.floor((now - to) / DAY);
    return { state: 'expired', label: days === 0 ? 'expired today' : `expired ${plural(days, 'day')} ago` };
  }
  if (from > now)
    return {
      state: 'not-yet-valid',
      label: `not valid for ${plural(Math.ceil((from - now) / DAY), 'more day')}`,
    };
  const days = Math.floor((to - now) / DAY);
  if (days <= soonDays)
    return { state: 'expiring', label: days === 0 ? 'expires today' : `expires in ${plural(days, 'day')}` };
  return { state: 'valid', label: `expires in ${plural(days, 'day')}` };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}
