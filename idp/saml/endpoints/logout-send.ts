import type { Context } from 'koa';
import type { KeyKindName } from '../../keys/kinds.ts';
import type { MessageParam } from '../bindings/incoming.ts';
import { autoPostPage, redirectUrl } from '../bindings/outgoing.ts';
import { bindings } from '../constants.ts';
import type { SamlProvider } from '../provider.ts';
import { signElement } from '../sign-xml.ts';
import type { SloEndpoint } from '../sps/types.ts';

/**
 * Sends a LogoutRequest or LogoutResponse to an SP's SingleLogoutService, signed (unless
 * a flow's fault says not): an enveloped signature over HTTP-POST, the query signature
 * over HTTP-Redirect.
 */
export async function sendLogoutMessage(
  provider: SamlProvider,
  ctx: Context,
  input: {
    slo: SloEndpoint;
    param: MessageParam;
    kind: 'LogoutRequest' | 'LogoutResponse';
    id: string;
    xml: string;
    relayState: string | undefined;
    flowId: string | undefined;
    summary: string;
    /** The key kind that signs; undefined sends the message unsigned (a flow's fault). */
    keyKind: KeyKindName | undefined;
  },
): Promise<void> {
  const key = input.keyKind ? await provider.context.keys.get(provider.id, input.keyKind) : undefined;
  const { signatureAlgorithm, digestAlgorithm } = provider.config;
  ctx.set('Cache-Control', 'no-store');
  if (input.slo.binding === bindings.redirect) {
    const url = redirectUrl({
      endpoint: input.slo.url,
      param: input.param,
      xml: input.xml,
      relayState: input.relayState,
      signing: key ? { privateKey: key.privateKey, algorithm: signatureAlgorithm } : undefined,
    });
    provider.trace(ctx, {
      flowId: input.flowId,
      direction: 'out',
      binding: 'HTTP-Redirect',
      method: 'GET',
      url: input.slo.url,
      kind: input.kind,
      summary: input.summary,
      xml: input.xml,
      raw: new URL(url).searchParams.get(input.param) ?? undefined,
      relayState: input.relayState,
      signature: key
        ? { signed: ['query string'], alg: signatureAlgorithm, keyKind: key.kind }
        : { signed: [] },
    });
    ctx.redirect(url);
    return;
  }
  const signed = key
    ? signElement(
        input.xml,
        { localName: input.kind, id: input.id },
        {
          privateKey: key.privateKey,
          keyInfoCertificate: key.certificatePem,
          signatureAlgorithm,
          digestAlgorithm,
        },
      )
    : input.xml;
  const raw = Buffer.from(signed, 'utf8').toString('base64');
  provider.trace(ctx, {
    flowId: input.flowId,
    direction: 'out',
    binding: 'HTTP-POST',
    method: 'POST',
    url: input.slo.url,
    kind: input.kind,
    summary: input.summary,
    xml: signed,
    raw,
    relayState: input.relayState,
    signature: key ? { signed: [input.kind], alg: signatureAlgorithm, keyKind: key.kind } : { signed: [] },
  });
  ctx.type = 'html';
  ctx.body = autoPostPage({
    action: input.slo.url,
    fields: { [input.param]: raw, RelayState: input.relayState },
    title: 'Signing you out',
  });
}
