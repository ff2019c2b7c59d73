import { prettyXml } from '../../lib/xml.ts';
import type { IdpContext } from '../context.ts';
import { cutText, type TraceDirection, type TraceSignature } from '../trace.ts';

export interface SamlTraceInput {
  providerId: string;
  flowId: string | undefined;
  direction: TraceDirection;
  binding: string | undefined;
  /** AuthnRequest, Response, LogoutRequest, LogoutResponse, error ... */
  kind: string;
  summary: string;
  xml?: string | undefined;
  raw?: string | undefined;
  relayState?: string | undefined;
  method?: string | undefined;
  url?: string | undefined;
  error?: string | undefined;
  signature?: TraceSignature | undefined;
}

/** Records one SAML message, decoded, in the trace. */
export function traceSaml(context: IdpContext, input: SamlTraceInput): void {
  // Cut before the lazy decoder captures it: the trace keeps what the closure holds.
  const xml = input.xml === undefined ? undefined : cutText(input.xml, context.config.trace.maxEntryBytes);
  context.trace.record({
    provider: input.providerId,
    flowId: input.flowId,
    protocol: 'saml',
    direction: input.direction,
    binding: input.binding,
    kind: input.kind,
    summary: input.summary,
    decoded: xml === undefined ? undefined : () => prettyXml(xml),
    decodedBytes: xml?.length,
    raw: input.raw,
    relayState: input.relayState,
    method: input.method,
    url: input.url,
    error: input.error,
    signature: input.signature,
  });
}
