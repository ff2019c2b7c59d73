import authjs from './authjs/index.ts';
import authlib from './authlib/index.ts';
import oauth4webapi from './oauth4webapi/index.ts';
import omniauthOidc from './omniauth-oidc/index.ts';
import passportSaml from './passport-saml/index.ts';
import pysaml2 from './pysaml2/index.ts';
import python3Saml from './python3-saml/index.ts';
import rubySaml from './ruby-saml/index.ts';
import samlify from './samlify/index.ts';
import type { ZooSp } from './types.ts';

/**
 * Every zoo SP, by id: the Debian half (its packages from examples/sp-zoo/install.sh) and the
 * npm half (devDependencies). Adding a library is one line here.
 */
export const zoo: Readonly<Record<string, ZooSp>> = Object.fromEntries(
  [pysaml2, python3Saml, rubySaml, authlib, omniauthOidc, samlify, passportSaml, authjs, oauth4webapi].map(
    (sp) => [sp.id, sp] as const,
  ),
);

/**
 * The zoo SPs with these ids, in the order asked.
 *
 * @throws Error naming the unknown ids and listing the known ones.
 */
export function zooSps(ids: readonly string[]): ZooSp[] {
  const unknown = ids.filter((id) => !Object.hasOwn(zoo, id));
  if (unknown.length)
    throw new Error(`unknown zoo SP ${unknown.join(', ')}; known: ${Object.keys(zoo).join(', ')}`);
  return ids.map((id) => zoo[id]!);
}
