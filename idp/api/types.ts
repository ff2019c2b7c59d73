import type { ProviderInfo } from '../context.ts';
import type { ProvisioningAnswer, ProvisioningState } from '../scim/desk.ts';
import type { TraceEntry } from '../trace.ts';

/** The answers of the IdP part of the API, as the UI reads them. */

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    hint?: string | undefined;
    detail?: Record<string, unknown> | undefined;
  };
}

export interface AboutAnswer {
  name: 'sso-harness';
  version: string;
  baseUrl: string;
}

/** One provider of `GET /api/providers`: what it is, its URLs, and who may log in through it. */
export interface ProviderListing extends ProviderInfo {
  /** Directory users who may log in through this provider (`providers` absent or naming it), in config order. */
  users: UserSummary[];
}

export type ProvidersAnswer = ProviderListing[];

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  /** Providers the user may log in through; absent means all. */
  providers: string[] | undefined;
  disabled: boolean;
}

export type UsersAnswer = UserSummary[];

export type TraceAnswer = TraceEntry[];

export interface TraceExport {
  schema: 'sso-harness/trace@1';
  exportedAt: string;
  baseUrl: string;
  entries: TraceEntry[];
}

/** `GET /api/scim/providers`: every provider with a scim block. */
export type ProvisioningProvidersAnswer = ProvisioningState[];
export type { ProvisioningAnswer, ProvisioningState };
