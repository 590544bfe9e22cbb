import { z } from 'zod';
import { MAX_CLAIM_KM, MAX_FEE_CENTS } from '~db/schema/constants';
import { parseEuros } from '~/lib/fees';

// Messages are translation keys; actions translate them for the visitor's language.
const uuid = /* @__PURE__ */ (() => z.string({ required_error: 'fees.errors.badForm' }).uuid('fees.errors.badForm'))();
const lockVersion = /* @__PURE__ */ (() =>
  z.coerce.number({ invalid_type_error: 'fees.errors.badForm' }).int().min(1).max(2_147_483_647))();
const isoDate = /* @__PURE__ */ (() =>
  z
    .string({ required_error: 'fees.errors.dateRequired' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'fees.errors.badDate')
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      'fees.errors.badDate',
    ))();

/** Euros as typed ("12,50"): cents, not negative, at most 10 000 €. Empty means zero. */
const euros = /* @__PURE__ */ (() =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const cents = parseEuros(v ?? '');
      if (cents === null) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: /^\s*-/.test(v ?? '') ? 'fees.errors.negativeAmount' : 'fees.errors.badAmount',
        });
        return z.NEVER;
      }
      if (cents > MAX_FEE_CENTS) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'fees.errors.amountTooLarge' });
        return z.NEVER;
      }
      return cents;
    }))();

export const FEE_RULE_KINDS = ['none', 'per_meeting'] as const;
export const ACCESSIBILITY_TYPES = ['taxi', 'assistant', 'other'] as const;

/** Create (no id) or update (id + lockVersion) one fee rule. */
export const feeRuleSchema = /* @__PURE__ */ (() =>
  z
    .object({
      intent: z.literal('save-rule'),
      id: uuid.optional(),
      lockVersion: lockVersion.optional(),
      kind: z.enum(FEE_RULE_KINDS, { errorMap: () => ({ message: 'fees.errors.kindRequired' }) }),
      validFrom: isoDate,
      validTo: isoDate.optional(),
      meetingFee: euros,
      chairSupplement: euros,
      secretarySupplement: euros,
      paySecretary: z.boolean().optional(),
      longMeetingAfterHours: z.coerce
        .number({ invalid_type_error: 'fees.errors.badHours' })
        .min(0.5, 'fees.errors.badHours')
        .max(24, 'fees.errors.badHours')
        .optional(),
      longMeetingSupplement: euros,
      kmRate: euros,
    })
    .superRefine((v, ctx) => {
      if (v.validTo && v.validTo < v.validFrom)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['validTo'], message: 'fees.errors.endBeforeStart' });
      if (v.kmRate > 1000)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['kmRate'], message: 'fees.errors.kmRateTooLarge' });
      if (v.longMeetingSupplement > 0 && v.longMeetingAfterHours === undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['longMeetingAfterHours'],
          message: 'fees.errors.hoursRequired',
        });
      }
    }))();
export type FeeRuleForm = z.output<typeof feeRuleSchema>;

/** The secretary approves or rejects a submitted claim; a rejection needs a reason. */
export const claimDecisionSchema = /* @__PURE__ */ (() =>
  z
    .object({
      intent: z.enum(['approve-claim', 'reject-claim']),
      claimId: uuid,
      lockVersion,
      reason: z.string().trim().max(500, 'fees.errors.tooLong').optional(),
    })
    .superRefine((v, ctx) => {
      if (v.intent === 'reject-claim' && !v.reason)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reason'], message: 'fees.errors.reasonRequired' });
    }))();

/** A member's travel claim for one meeting: saved as a draft or submitted for approval. */
export const claimSchema = /* @__PURE__ */ (() =>
  z
    .object({
      intent: z.enum(['save-claim', 'submit-claim']),
      meetingId: uuid,
      lockVersion: lockVersion.optional(),
      travelDate: isoDate,
      km: z.coerce
        .number({ invalid_type_error: 'fees.errors.badKm' })
        .int('fees.errors.badKm')
        .min(0, 'fees.errors.negativeKm')
        .max(MAX_CLAIM_KM, 'fees.errors.tooManyKm')
        .default(0),
      tickets: euros,
      accessibilityCosts: euros,
      accessibilityType: z
        .enum(ACCESSIBILITY_TYPES, { errorMap: () => ({ message: 'fees.errors.badForm' }) })
        .optional(),
      note: z.string().trim().max(1000, 'fees.errors.tooLong').optional(),
    })
    .superRefine((v, ctx) => {
      if (v.accessibilityCosts > 0 && !v.accessibilityType) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['accessibilityType'],
          message: 'fees.errors.accessibilityTypeRequired',
        });
      }
    }))();
export type ClaimForm = z.output<typeof claimSchema>;

/** ?from=&to= of the fee page and the export; both or neither. */
export function parsePeriod(params: URLSearchParams): { from: string; to: string } | 'bad' | null {
  const from = params.get('from');
  const to = params.get('to');
  if (!from && !to) return null;
  const parsed = z.object({ from: isoDate, to: isoDate }).safeParse({ from, to });
  if (!parsed.success || parsed.data.to < parsed.data.from) return 'bad';
  // A payroll period is at most a year (bounds every list and export).
  if (Date.parse(parsed.data.to) - Date.parse(parsed.data.from) > 366 * 86_400_000) return 'bad';
  return parsed.data;
}

const REFUSAL_KEYS = {
  not_found: 'fees.errors.notFound',
  conflict: 'fees.errors.conflict',
  overlap: 'fees.errors.overlap',
  not_submitted: 'fees.errors.notSubmitted',
  decided: 'fees.errors.decided',
  not_attended: 'fees.errors.notAttended',
  no_fees: 'fees.errors.noFees',
  date_outside_meeting: 'fees.errors.dateOutsideMeeting',
} as const;

/** The message key of a refusal from app/models/fees.server.ts. */
export function feeRefusalKey(status: keyof typeof REFUSAL_KEYS): string {
  return REFUSAL_KEYS[status];
}
