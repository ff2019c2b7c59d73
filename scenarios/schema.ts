import { z } from 'zod';
import { personaNames } from '../config/schema.ts';

export const outcomeSchema = z.enum(['accept', 'reject']);

/**
 * The tag of a scenario that reproduces a customer's report (Compose and Explain tag
 * theirs): its `expect` is what the customer saw, and its results read *reproduced*,
 * *not reproduced* or *not judged* instead of pass, fail or error.
 */
export const reproductionTag = 'reproduction';

export const faultRefSchema = z.strictObject({
  fault: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
});

/**
 * The people a scenario involves, which each target casts from its own config
 * (`runner/roles.ts`): the catalog never names a config's users or connections.
 * - `subject`: the connection's own user (its `user`, or the first the provider may log in);
 * - `victim`: another account the SP knows, that wrapping and takeover try to become;
 * - `stranger`: known to the IdP only, made up by the harness afresh for each run;
 * - `other-subject`: the subject of another connection of the same target.
 */
export const roleNames = ['subject', 'victim', 'stranger', 'other-subject'] as const;
export const roleSchema = z.enum(roleNames);

/** Longest wait a scenario may ask for, in seconds: stateful scenarios stay quick in CI. */
export const maxWaitSeconds = 60;

export const stepActions = [
  'login',
  'replay',
  'logout',
  'probe',
  'wait',
  'backchannel-logout',
  'frontchannel-logout',
  'idp-logout',
] as const;

export const stepSchema = z.strictObject({
  /**
   * login: run the flow; replay: post the SP the same response again from a fresh session;
   * logout: log out through the connection's logout URL; probe: only ask the probe;
   * wait: let time pass (`seconds`, or `until` a cache the IdP's answers set has expired), then probe;
   * backchannel-logout: the IdP posts a logout token (OIDC Back-Channel Logout 1.0) for the
   * flow's login to the client's backchannel_logout_uri, with the flow's `logout-token` faults;
   * frontchannel-logout: the IdP sends the browser to the client's frontchannel_logout_uri
   * with `iss` and `sid` (OIDC Front-Channel Logout 1.0), with the flow's `frontchannel-logout` faults;
   * idp-logout: SAML single logout started at the IdP, which sends the SP a LogoutRequest
   * for this browser's IdP session (as when the user signs out of another SP of that
   * session), with the flow's `logout` faults.
   */
  action: z.enum(stepActions),
  /** For `wait`: seconds to wait (at most 60). */
  seconds: z.number().positive().max(maxWaitSeconds).optional(),
  /**
   * For `wait`: wait until the document the SP last fetched is older than the `Cache-Control:
   * max-age` the harness sent with it, plus one second: the OIDC JWKS (the provider's
   * `jwksMaxAgeSeconds`) or the SAML IdP metadata (`metadataMaxAgeSeconds`). `seconds` is
   * then the least wait. Bounded by 60 seconds. (Metadata fetches are traced while a flow
   * whose faults change the metadata holds the provider.)
   */
  until: z.enum(['jwks-max-age', 'metadata-max-age']).optional(),
  /** accept: logged in as the step's user; reject: no session; not-as: not logged in as `notAs`. */
  expect: z.enum(['accept', 'reject', 'not-as']),
  /** For `not-as`: the role (or email) the SP must not show. */
  notAs: z.string().min(1).optional(),
  /** A login step that logs in as another role, in the same browser. */
  role: roleSchema.optional(),
  /** A login step with its own faults instead of the scenario's. */
  faults: z.array(faultRefSchema).optional(),
});

/** Which time a timing scenario moves, which way, and how far (seconds). */
export const timingSchema = z.strictObject({
  /** The time in the spec's words, e.g. "Conditions NotOnOrAfter" or "exp". */
  field: z.string().min(1),
  /** `future`: the time lies ahead of the SP's clock; `past`: it has already passed. */
  direction: z.enum(['future', 'past']),
  seconds: z.number().int().positive(),
});

/**
 * What a correct SP does:
 * - `accept`: logged in as the scenario's user; `{ acceptAs }`: logged in as that email;
 * - `reject`: no session;
 * - `{ notAs }`: must not be logged in as that identity (rejected, or logged in as the
 *   legitimate user, as for signature wrapping);
 * - `{ steps }`: several actions, each with its own expectation (replay, logout);
 * - `{ withinSkew }`: accept or reject, decided by the target's declared clock skew.
 */
export const expectationSchema = z.union([
  outcomeSchema,
  /** Logged in, but as this email (the SP maps the asserted user to another account, e.g. user+sandbox@). */
  z.strictObject({ acceptAs: z.string().min(3) }),
  /** Must not be logged in as this role's account (or this email). */
  z.strictObject({ notAs: z.string().min(1) }),
  z.strictObject({ steps: z.array(stepSchema).min(1) }),
  /**
   * A timing scenario, judged against the clock skew the target declares
   * (`targets.<t>.clockSkewSeconds`): one time (`field`) is `seconds` off, in the SP's
   * future (not valid yet, issued ahead) or past (expired). A correct SP accepts when
   * `seconds` is below the skew and refuses when above; at exactly the skew it is not judged.
   */
  z.strictObject({ withinSkew: timingSchema }),
]);

const inlineUserSchema = z.strictObject({
  email: z.string().includes('@'),
  nameId: z.string().optional(),
  externalId: z.string().optional(),
  givenName: z.string().optional(),
  familyName: z.string().optional(),
  groups: z.array(z.string()).optional(),
  roles: z.array(z.string()).optional(),
  attributes: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  emailVerified: z.boolean().optional(),
});

export const scenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'expected a lowercase id such as saml.audience.wrong'),
  title: z.string().min(1),
  protocol: z.enum(['saml', 'oidc']),
  /** A harness provider id (your own scenarios; the catalog never names one). */
  provider: z.string().optional(),
  /** A connection name of the target (your own scenarios; the catalog uses `requires`). */
  connection: z.string().optional(),
  /** What the connection under test must be like. */
  requires: z
    .strictObject({
      persona: z.enum(personaNames).optional(),
      /** A tag the connection must carry (e.g. "jit", "sandbox", "idp-initiated"). */
      tag: z.string().optional(),
      /** A tag the connection must not carry (e.g. "idp-initiated" for a refusal of IdP-initiated login). */
      notTag: z.string().optional(),
      /** The target must have another connection of the same protocol (for `other-subject`, {{otherConnection}}). */
      otherConnection: z.boolean().optional(),
    })
    .optional(),
  /** Who logs in, as a role (the catalog's way). Default: the subject. */
  role: roleSchema.optional(),
  /** A directory user id, or an inline user that is not in the directory (your own scenarios). */
  user: z.union([z.string(), inlineUserSchema]).optional(),
  flow: z
    .strictObject({
      type: z.enum(['sp-initiated', 'idp-initiated']).default('sp-initiated'),
      /** Browser or HTTP driver only, when the scenario needs one. */
      driver: z.enum(['http', 'browser']).optional(),
      /**
       * How the IdP's response reaches the SP (runner/drivers/types.ts `Delivery`):
       * `cross-site`: as from an IdP on another site (only the SP's SameSite=None cookies
       * go with a POST); `other-browser`: posted from a fresh browser instead, and that
       * browser is probed (login CSRF). Default: in the login's own browser.
       */
      delivery: z.enum(['same-browser', 'cross-site', 'other-browser']).optional(),
    })
    .prefault({}),
  faults: z.array(faultRefSchema).default([]),
  expect: expectationSchema,
  tags: z.array(z.string()).default([]),
  /** The symptom a customer or SP sees, and what a correct SP does. */
  why: z.string().min(1),
  /** Spec sections, CVEs, vendor documents. */
  refs: z.array(z.string()).default([]),
  /**
   * The demo SP switches that make this scenario fail (proof it can fail; examples/demo-sp/lax.ts):
   * a lax switch for a negative scenario; for a positive one an over-strict `strict-` switch or a
   * behaviour real SPs get wrong (e.g. `oidc-state-in-session`). Timing scenarios name the switch
   * that fails them where they are negative; where they are positive, `no-skew-allowance` does.
   */
  caughtBy: z.array(z.string()).optional(),
  timeoutMs: z.number().int().positive().optional(),
});

/** A scenario as written (defaults may be left out). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Expectation = z.output<typeof expectationSchema>;
export type Step = z.output<typeof stepSchema>;
export type Outcome = z.output<typeof outcomeSchema>;
export type Timing = z.output<typeof timingSchema>;
export type InlineUser = z.output<typeof inlineUserSchema>;
export type RoleName = z.output<typeof roleSchema>;
