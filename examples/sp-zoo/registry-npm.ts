import authjs, { hardening as authjsHardening } from './authjs/index.ts';
import type { Hardening } from './hardening.ts';
import oauth4webapi, { hardening as oauth4webapiHardening } from './oauth4webapi/index.ts';
import passportSaml, { hardening as passportSamlHardening } from './passport-saml/index.ts';
import samlify, { hardening as samlifyHardening } from './samlify/index.ts';
import type { ZooSp } from './types.ts';

/** The zoo SPs whose libraries come from npm (devDependencies), by id. */
export const npmZoo: Record<string, ZooSp> = {
  samlify,
  'passport-saml': passportSaml,
  authjs,
  oauth4webapi,
};

/** Each npm zoo SP's hardening options, by the SP's id. */
export const npmHardening: Record<string, Hardening> = {
  samlify: samlifyHardening,
  'passport-saml': passportSamlHardening,
  authjs: authjsHardening,
  oauth4webapi: oauth4webapiHardening,
};
