import type { Router } from '@koa/router';
import type { IdpContext, MountedProvider } from '../context.ts';
import { IdpError } from '../errors.ts';
import { isKeyKindName, keyKindNames, keyKinds } from '../keys/kinds.ts';
import type { ProviderListing } from './types.ts';
import { userSummary } from './users.ts';

/**
 * `GET /api/providers` (each provider's URLs, certificates and the users who may log in
 * through it) and the certificate downloads.
 */
export function providerRoutes(
  router: Router,
  context: IdpContext,
  providers: Map<string, MountedProvider>,
): void {
  router.get('/providers', async (ctx) => {
    ctx.body = await Promise.all(
      [...providers.values()].map(
        async (p): Promise<ProviderListing> => ({
          ...(await p.info()),
          users: context.directory.usersFor(p.id).map(userSummary),
        }),
      ),
    );
  });

  router.get('/providers/:id/certificate/:kind', async (ctx) => {
    const provider = findProvider(providers, ctx.params.id!);
    const kind = ctx.params.kind!.replace(/\.pem$/, '');
    const withCertificate = keyKindNames.filter((k) => 'certificate' in keyKinds[k]);
    if (!isKeyKindName(kind) || !withCertificate.includes(kind)) {
      throw new IdpError('NOT_FOUND', 404, `there is no certificate of kind "${kind}"`, {
        hint: `Kinds with a certificate: ${withCertificate.join(', ')}.`,
      });
    }
    const material = await context.keys.get(provider.id, kind);
    ctx.type = 'application/x-pem-file';
    ctx.attachment(`${provider.id}-${kind}.pem`);
    ctx.body = material.certificatePem;
  });
}

export function findProvider(providers: Map<string, MountedProvider>, id: string): MountedProvider {
  const provider = providers.get(id);
  if (!provider) {
    throw new IdpError('UNKNOWN_PROVIDER', 404, `there is no provider "${id}"`, {
      hint: `Known providers: ${[...providers.keys()].join(', ') || '(none)'}.`,
    });
  }
  return provider;
}
