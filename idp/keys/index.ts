export type { CertificateSpec, CertificateSummary } from './certificate.ts';
export {
  certificateBody,
  certificateFingerprint,
  certificatePem,
  createCertificate,
  summarizeCertificate,
} from './certificate.ts';
export type { KeyErrorCode } from './errors.ts';
export { KeyError } from './errors.ts';
export type { KeyFactoryOptions, KeyMaterial } from './factory.ts';
export { jwkThumbprint, KeyFactory } from './factory.ts';
export type { KeyKind, KeyKindName, KeyPairName } from './kinds.ts';
export { isKeyKindName, keyKindNames, keyKinds } from './kinds.ts';
