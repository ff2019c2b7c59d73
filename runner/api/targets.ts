import type { Router } from '@koa/router';
import { type Config, type TargetConfig, targetSchema } from '../../config/schema.ts';
import { parseInput, readJson } from '../../idp/api/json.ts';
import type { IdpContext, MountedProvider } from '../../idp/context.ts';
import { IdpError } from '../../idp/errors.ts';
import { currentCalibration } from '../calibrate.ts';
import type { SavedSpRegistration, SavedTarget, TargetsStore } from '../targets-store.ts';
import { describeSp, idFromEntityId, importSchema } from './sp-description.ts';
import { registerSp, unregisterSp } from './sp-registration.ts';
import type { ImportMetadataAnswer, TargetListing } from './types.ts';
import { validateConnection } from './validate-target.ts';

const targetId = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;

/**
 * Targets: the config's (read-only here) and those saved from the UI (editable, kept in
 * `<stateDir>/targets.json`), SP metadata import, and validation of a login URL.
 */
export function targetRoutes(
  router: Router,
  options: { context: IdpContext; providers: Map<string, MountedProvider>; store: TargetsStore },
): void {
  const { context, providers, store } = options;
  const config = context.config;

  router.get('/targets', async (ctx) => {
    ctx.body = (await listTargets(config, store)).map((t) => withCalibration(context, t));
  });

  router.post('/targets/import-metadata', async (ctx) => {
    const input = parseInput(importSchema, await readJson(ctx), 'metadata import');
    const providerId = input.provider ?? firstSamlProvider(config);
    const described = await describeSp(input);
    const metadata = described.metadata;
    const id = input.id ?? idFromEntityId(metadata.entityId);
    refuseConfigTarget(config, id);
    const target = parseInput(
      targetSchema,
      {
        displayName: input.displayName ?? metadata.entityId,
        connections: {
          [providerId]: {
            provider: providerId,
            sp: id,
            loginUrl: input.loginUrl,
            ...(input.logoutUrl ? { logoutUrl: input.logoutUrl } : {}),
            ...(input.user ? { user: input.user } : {}),
          },
        },
        probe: input.probe,
      },
      'target',
    );
    checkConnections(config, providers, target);
    const previous = await store.get(id);
    const sp: SavedSpRegistration = {
      provider: providerId,
      name: id,
      metadataXml: described.xml,
      settings:
        described.xml === undefined
          ? { entityId: metadata.entityId, acsUrls: metadata.acs.map((a) => a.url) }
          : undefined,
      source: input.source,
      metadataUrl: input.metadataUrl,
    };
    if (previous?.sp && previous.sp.provider !== providerId) unregisterSp(providers, previous.sp);
    await registerSp(providers, sp);
    const saved: SavedTarget = { target, savedAt: new Date().toISOString(), sp };
    await store.put(id, saved);
    const answer: ImportMetadataAnswer = {
      target: listing(id, saved),
      metadata: {
        entityId: metadata.entityId,
        acsUrls: metadata.acs.map((a) => a.url),
        signingCertificates: metadata.signingCertificates.length,
        encryptionCertificates: metadata.encryptionCertificates.length,
        authnRequestsSigned: metadata.authnRequestsSigned,
      },
    };
    ctx.status = previous ? 200 : 201;
    ctx.body = answer;
  });

  router.get('/targets/:id', async (ctx) => {
    ctx.body = withCalibration(context, await findTarget(config, store, ctx.params.id!));
  });

  router.put('/targets/:id', async (ctx) => {
    const id = ctx.params.id!;
    if (!targetId.test(id)) {
      throw new IdpError('BAD_REQUEST', 400, `"${id}" cannot name a target`, {
        hint: 'Use letters, digits, ".", "_" or "-", starting with a letter or digit.',
      });
    }
    refuseConfigTarget(config, id);
    const target = parseInput(targetSchema, await readJson(ctx), `target "${id}"`);
    checkConnections(config, providers, target);
    const previous = await store.get(id);
    const saved: SavedTarget = { target, savedAt: new Date().toISOString(), sp: previous?.sp };
    await store.put(id, saved);
    ctx.status = previous ? 200 : 201;
    ctx.body = listing(id, saved);
  });

  router.delete('/targets/:id', async (ctx) => {
    const id = ctx.params.id!;
    refuseConfigTarget(config, id);
    const saved = await store.get(id);
    if (!saved) throw unknownTarget(id, await listTargets(config, store));
    await store.remove(id);
    if (saved.sp) unregisterSp(providers, saved.sp);
    ctx.status = 204;
  });

  router.post('/targets/:id/validate', async (ctx) => {
    const found = await findTarget(config, store, ctx.params.id!);
    const body = ctx.request.length ? ((await readJson(ctx)) as { connection?: unknown }) : {};
    const connection = typeof body?.connection === 'string' ? body.connection : undefined;
    ctx.body = await validateConnection(context, found.id, found.target, connection);
  });
}

function withCalibration(context: IdpContext, listing: TargetListing): TargetListing {
  const calibration = currentCalibration(context, listing.id, listing.target);
  return calibration ? { ...listing, calibration } : listing;
}

export async function listTargets(config: Config, store: TargetsStore): Promise<TargetListing[]> {
  const fromConfig = Object.entries(config.targets).map(
    ([id, target]): TargetListing => ({ id, source: 'config', target }),
  );
  const saved = (await store.list())
    .filter(([id]) => !config.targets[id])
    .map(([id, record]) => listing(id, record));
  return [...fromConfig, ...saved];
}

/** A target by id, from the config or the saved ones; unknown ids are a 404 listing the known. */
export async function findTarget(config: Config, store: TargetsStore, id: string): Promise<TargetListing> {
  const inConfig = config.targets[id];
  if (inConfig) return { id, source: 'config', target: inConfig };
  const saved = await store.get(id);
  if (saved) return listing(id, saved);
  throw unknownTarget(id, await listTargets(config, store));
}

function listing(id: string, saved: SavedTarget): TargetListing {
  return {
    id,
    source: 'saved',
    target: saved.target,
    savedAt: saved.savedAt,
    sp: saved.sp
      ? {
          provider: saved.sp.provider,
          name: saved.sp.name,
          source: saved.sp.source,
          metadataUrl: saved.sp.metadataUrl,
        }
      : undefined,
  };
}

function unknownTarget(id: string, known: TargetListing[]): IdpError {
  return new IdpError('NOT_FOUND', 404, `there is no target "${id}"`, {
    hint: known.length
      ? `Targets: ${known.map((t) => t.id).join(', ')}.`
      : 'Add one on the Targets page, or under targets in the config file.',
  });
}

function refuseConfigTarget(config: Config, id: string): void {
  if (config.targets[id]) {
    throw new IdpError(
      'BAD_REQUEST',
      409,
      `target "${id}" comes from the config file and cannot be changed here`,
      {
        hint: 'Edit it in the config file, or save your version under another id.',
      },
    );
  }
}

/** Every connection names a provider that exists, with an SP or client it knows of. */
function checkConnections(
  config: Config,
  providers: Map<string, MountedProvider>,
  target: TargetConfig,
): void {
  for (const [name, connection] of Object.entries(target.connections)) {
    if (!providers.has(connection.provider)) {
      throw new IdpError(
        'BAD_REQUEST',
        400,
        `connection "${name}" names provider "${connection.provider}", which does not exist`,
        {
          hint: `Providers: ${Object.keys(config.providers).join(', ') || '(none)'}.`,
        },
      );
    }
  }
}

function firstSamlProvider(config: Config): string {
  const first = Object.entries(config.providers).find(([, p]) => p.protocol === 'saml')?.[0];
  if (!first) {
    throw new IdpError('BAD_REQUEST', 400, 'there is no SAML provider to register the SP with', {
      hint: 'Add a SAML provider to the config.',
    });
  }
  return first;
}
