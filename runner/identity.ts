import { type HTMLElement, parse } from 'node-html-parser';
import type { ProbeConfig } from '../config/schema.ts';
import type { DirectoryUser } from '../idp/directory/user.ts';

/** The probe's identity template when a target sets none. */
export const defaultIdentityTemplate = '{{user.email}}';

/**
 * Replaces `{{user.<field>}}` placeholders: email, nameId, externalId, id, displayName,
 * givenName, familyName, and the email's `localPart` and `domain`. An unknown field or one
 * the user lacks stays as written, so a mistyped template never matches by accident.
 *
 * @example renderUserTemplate('"email":"{{user.email}}"', alice) // '"email":"alice@example.com"'
 */
export function renderUserTemplate(text: string, user: DirectoryUser): string {
  const at = user.email.lastIndexOf('@');
  const derived: Record<string, string> = {
    localPart: at > 0 ? user.email.slice(0, at) : user.email,
    domain: at > 0 ? user.email.slice(at + 1) : '',
  };
  return text.replace(/\{\{\s*user\.(\w+)\s*\}\}/g, (whole, field: string) => {
    const value = Object.hasOwn(derived, field)
      ? derived[field]
      : (user as unknown as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : whole;
  });
}

/** A page as the outcome table reads it: the raw answer plus what a reader sees. */
export interface ReadablePage {
  body: string;
  contentType: string | undefined;
}

/** Whether an answer is an HTML page (by its content type, or its first bytes when it has none). */
export function isHtml(page: ReadablePage): boolean {
  if (page.contentType) return /html/i.test(page.contentType);
  return /^\s*</.test(page.body);
}

let lastParsed: { body: string; root: HTMLElement } | undefined;

/**
 * The page parsed, without its scripts and styles. The last page is kept: a probe's page
 * is read for the identity and again for the step's text, and a parse costs more than both.
 * Callers only read the tree.
 */
function htmlRoot(page: ReadablePage): HTMLElement {
  if (lastParsed?.body === page.body) return lastParsed.root;
  // The HTML parser reads a doctype as text; a reader never sees one.
  const root = parse(page.body.replace(/^\s*<!doctype[^>]*>/i, ''));
  for (const hidden of root.querySelectorAll('script, style, noscript, template')) hidden.remove();
  lastParsed = { body: page.body, root };
  return root;
}

/** The text a reader sees: an HTML page's text (scripts and styles dropped), any other body as it is. */
export function pageText(page: ReadablePage): string {
  return isHtml(page) ? htmlRoot(page).structuredText : page.body;
}

/** Whether a CSS selector matches an element of an HTML page (false for other bodies). */
export function selectorMatches(page: ReadablePage, selector: string): boolean {
  if (!isHtml(page)) return false;
  return htmlRoot(page).querySelector(selector) !== null;
}

// Characters that continue an identity token (emails, user names, IDs). A "." continues it
// only between two token characters, so "alice@example.com." at a sentence's end still matches.
const tokenChar = /[A-Za-z0-9_%+\-@]/;

function continuesToken(text: string, index: number, step: 1 | -1): boolean {
  const c = text[index];
  if (c === undefined) return false;
  if (tokenChar.test(c)) return true;
  return c === '.' && tokenChar.test(text[index + step] ?? '');
}

/**
 * Whether `needle` occurs in `text` exactly (case-sensitive) on token boundaries:
 * "bob@example.com" is not found in "notbob@example.com" nor in "bob@example.com.evil".
 */
export function showsExactly(text: string, needle: string): boolean {
  if (!needle) return false;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const startsToken = !tokenChar.test(needle[0]!) || !continuesToken(text, at - 1, -1);
    const endsToken = !tokenChar.test(needle.at(-1)!) || !continuesToken(text, at + needle.length, 1);
    if (startsToken && endsToken) return true;
  }
  return false;
}

/** Resolves a JSON pointer (RFC 6901) in a parsed JSON value; undefined when a step is missing. */
export function resolveJsonPointer(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let current = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * The identity the page shows where `probe.identity` points (regex capture group, JSON
 * pointer, or CSS selector's text), trimmed; undefined when it shows none there.
 * Throws for an invalid regular expression (a config error, named in the message).
 */
export function extractIdentity(
  identity: NonNullable<ProbeConfig['identity']>,
  page: ReadablePage,
): string | undefined {
  let found: unknown;
  if ('regex' in identity) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(identity.regex);
    } catch (error) {
      throw new Error(
        `probe.identity.regex ${JSON.stringify(identity.regex)} is not a valid regular expression: ${(error as Error).message}`,
      );
    }
    found = pattern.exec(pageText(page))?.[1];
  } else if ('jsonPointer' in identity) {
    try {
      found = resolveJsonPointer(JSON.parse(page.body), identity.jsonPointer);
    } catch {
      found = undefined;
    }
  } else if (isHtml(page)) {
    found = htmlRoot(page).querySelector(identity.selector)?.text;
  }
  if (typeof found === 'number') found = String(found);
  return typeof found === 'string' && found.trim() !== '' ? found.trim() : undefined;
}
