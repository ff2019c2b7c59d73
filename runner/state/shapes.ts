import { z } from 'zod';
import { targetSchema } from '../../config/schema.ts';

/**
 * What a stored record must look like to be used. Checked on every read of a state file
 * or row: a record that fails is set aside with a notice naming the file, instead of
 * surfacing later as a 500 or a puzzling verdict.
 */
const summary = z.looseObject({
  total: z.number(),
  passed: z.number(),
  failed: z.number(),
  errored: z.number(),
  skipped: z.number(),
});

export const resultShape = z.looseObject({
  key: z.string().min(1),
  scenarioId: z.string(),
  verdict: z.enum(['pass', 'fail', 'error', 'skipped']),
});

export const runShape = z.looseObject({
  id: z.string().regex(/^[\w.-]+$/),
  status: z.enum(['running', 'finished', 'interrupted']),
  startedAt: z.string().min(1),
  finishedAt: z.string().optional(),
  pid: z.number().int(),
  options: z.looseObject({ targets: z.array(z.string()), driver: z.string() }),
  summary,
  results: z.array(resultShape),
  reporterErrors: z.array(z.string()).default([]),
  /** Runs saved before calibration existed have none. */
  calibrations: z.array(z.looseObject({ targetId: z.string(), ok: z.boolean() })).default([]),
});

export const savedTargetShape = z.strictObject({
  target: targetSchema,
  savedAt: z.string(),
  sp: z
    .looseObject({
      provider: z.string().min(1),
      name: z.string().min(1),
      source: z.enum(['url', 'upload', 'paste', 'manual']),
      metadataXml: z.string().optional(),
      settings: z.looseObject({ entityId: z.string(), acsUrls: z.array(z.string()) }).optional(),
      metadataUrl: z.string().optional(),
    })
    .optional(),
});

export const reproductionShape = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  savedAt: z.string(),
  scenario: z.record(z.string(), z.unknown()),
  target: z.string().optional(),
  driver: z.enum(['http', 'browser']).optional(),
});

/** One line naming what is wrong with a value, for notices. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`)
    .join('; ');
}
