import authlib from './authlib/index.ts';
import omniauthOidc from './omniauth-oidc/index.ts';
import pysaml2 from './pysaml2/index.ts';
import python3Saml from './python3-saml/index.ts';
import rubySaml from './ruby-saml/index.ts';
import type { ZooSp } from './types.ts';

/** The Debian half of the SP zoo, by id (install with examples/sp-zoo/install.sh). */
export const debianZoo: Record<string, ZooSp> = {
  [pysaml2.id]: pysaml2,
  [python3Saml.id]: python3Saml,
  [rubySaml.id]: rubySaml,
  [authlib.id]: authlib,
  [omniauthOidc.id]: omniauthOidc,
};
