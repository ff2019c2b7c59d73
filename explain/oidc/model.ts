import type { ExplainContext } from '../context/settings.ts';
import type { Findings } from '../findings.ts';

/** What earlier messages of the capture said, for the ones that answer them. */
export interface OidcSeen {
  /** The last authorization request: the nonce and state an answer must carry back. */
  request?:
    | {
        nonce?: string | undefined;
        state?: string | undefined;
        clientId?: string | undefined;
        redirectUri?: string | undefined;
        responseType?: string | undefined;
        scope?: string | undefined;
      }
    | undefined;
  /** The code of the last authorization response (c_hash). */
  code?: string | undefined;
  /** The access token issued with the id_token (at_hash). */
  accessToken?: string | undefined;
  /** Where the id_token came from: the token endpoint, or the front channel (implicit/hybrid). */
  idTokenFrom?: 'token-endpoint' | 'front-channel' | undefined;
}

export interface OidcCheckInput {
  context: ExplainContext;
  findings: Findings;
  /** The capture time, ms since the epoch. */
  now: number;
  skewMs: number;
  seen: OidcSeen;
}
