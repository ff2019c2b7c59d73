import { z } from 'zod';
import type { JsonSchema } from './schema-fields.ts';

/** The schemas come from zod through z.toJSONSchema, as GET /api/faults sends them. */
export const schema = z.toJSONSchema(
  z.object({
    audience: z.string().describe('The audience to assert'),
    shiftSeconds: z.number().int().min(-86400).default(-3600),
    keyKind: z.enum(['expired', 'rogue', 'weak']),
    include: z.boolean().default(false),
    extra: z.array(z.string()).optional(),
    claims: z.record(z.string(), z.unknown()).optional(),
    acs: z.url().optional(),
  }),
  { io: 'input' },
) as JsonSchema;
