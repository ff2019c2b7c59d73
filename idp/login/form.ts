import type { Directory } from '../directory/directory.ts';
import { type DirectoryUser, unknownUser } from '../directory/user.ts';

export type LoginChoice =
  | { action: 'login'; user: DirectoryUser }
  | { action: 'cancel' }
  | {
      action: 'refused';
      reason: 'unknown-user' | 'disabled-user' | 'wrong-provider' | 'invalid';
      message: string;
    };

/** Reads the login page's form post and decides who logs in, or why nobody does. */
export function readLoginForm(
  form: URLSearchParams,
  options: { directory: Directory; providerId: string; allowUnknownUsers: boolean },
): LoginChoice {
  if (form.get('action') === 'cancel') return { action: 'cancel' };
  const typed = form.get('email')?.trim();
  let user: DirectoryUser | undefined;
  if (typed) {
    if (!/^[^@\s]+@[^@\s]+$/.test(typed)) {
      return { action: 'refused', reason: 'invalid', message: `"${typed}" is not an email address` };
    }
    user = options.directory.findByEmail(typed);
    if (!user) {
      if (!options.allowUnknownUsers) {
        return {
          action: 'refused',
          reason: 'unknown-user',
          message: `${typed} is not a user of this identity provider`,
        };
      }
      user = unknownUser(typed);
    }
  } else {
    const id = form.get('user');
    user = id ? options.directory.get(id) : undefined;
    if (!user) return { action: 'refused', reason: 'invalid', message: 'choose a user or type an email' };
  }
  if (!user.unknown) {
    const refusal = options.directory.refusal(user, options.providerId);
    if (refusal) return { action: 'refused', reason: refusal.reason, message: refusal.message };
  }
  const extra = parseAttributeLines(form.get('attributes') ?? '');
  if (Object.keys(extra).length > 0) user = { ...user, attributes: { ...user.attributes, ...extra } };
  return { action: 'login', user };
}

/** `name=value` lines; a repeated name becomes a multi-valued attribute. */
export function parseAttributeLines(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf('=');
    if (at <= 0) continue;
    const name = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    if (!name) continue;
    const existing = out[name];
    if (existing === undefined) out[name] = value;
    else out[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
