import { z } from 'zod';
import { keyKinds } from '../../../keys/kinds.ts';

/** Key kinds that carry an X.509 certificate, so they can sign XML and appear in KeyInfo. */
export const certificateKindNames = Object.entries(keyKinds)
  .filter(([, kind]) => 'certificate' in kind)
  .map(([name]) => name) as [keyof typeof keyKinds, ...(keyof typeof keyKinds)[]];

export const certificateKind = z.enum(certificateKindNames);
