import { z } from 'zod';

// Forms of Finnish record practice (issue 14): extract distribution, matters, conflict declarations.
// Messages are translation keys; actions translate them.

const uuid = /* @__PURE__ */ (() => z.string().uuid('records.errors.badId'))();
const lockVersion = /* @__PURE__ */ (() =>
  z.coerce.number({ invalid_type_error: 'records.errors.badId' }).int().min(1).max(2_147_483_647))();
const optional = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : undefined));

export const distributionSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('intent', [
    z.object({
      intent: z.literal('add-recipient'),
      name: z
        .string()
        .trim()
        .min(1, 'practice.extract.errors.name')
        .max(200, 'practice.extract.errors.name')
        .default(''),
      email: z
        .string()
        .trim()
        .max(254, 'practice.extract.errors.email')
        .email('practice.extract.errors.email')
        .default(''),
    }),
    z.object({ intent: z.literal('remove-recipient'), recipientId: uuid }),
    z.object({
      intent: z.literal('send-extract'),
      /** How many sendings the page showed: the optimistic lock against sending twice. */
      sentBefore: z.coerce
        .number({ invalid_type_error: 'records.errors.badId' })
        .int()
        .min(0)
        .max(1_000_000)
        .default(0),
    }),
  ]))();

/** Link an agenda item or a statement to an existing matter, a new one, or none. */
export const matterLinkSchema = /* @__PURE__ */ (() =>
  z
    .object({
      intent: z.literal('link-matter'),
      itemId: uuid.optional(),
      statementId: uuid.optional(),
      matterId: z.union([uuid, z.literal('')]).optional(),
      newTitle: optional(300, 'practice.matters.errors.title'),
      newDiaryNumber: optional(100, 'practice.matters.errors.diary'),
      expectedMatterId: z.union([uuid, z.literal('')]).default(''),
    })
    .refine((v) => Boolean(v.itemId) !== Boolean(v.statementId), {
      message: 'records.errors.badId',
      path: ['itemId'],
    }))();

export const declareConflictSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('declare-conflict'),
    itemId: uuid,
    reason: optional(2000, 'practice.conflicts.errors.reason'),
  }))();

export const decideConflictSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.enum(['confirm-conflict', 'reject-conflict']),
    declarationId: uuid,
    declarationLockVersion: lockVersion,
    /** The minutes draft's lock version (a confirmation records a recusal in it). */
    lockVersion: lockVersion.optional(),
    versionId: uuid.optional(),
    note: optional(2000, 'practice.conflicts.errors.reason'),
  }))();
