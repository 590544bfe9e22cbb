import { z } from 'zod';
import { inDateRange } from './dates';

export const INVITE_ROLES = ['secretary', 'chair', 'vice_chair', 'member', 'deputy'] as const;

export const inviteSchema = /* @__PURE__ */ (() =>
  z
    .object({
      email: z
        .string({ required_error: 'auth.fields.required' })
        .trim()
        .toLowerCase()
        .email('auth.fields.emailInvalid')
        .max(320),
      councilId: z.string().uuid().optional(),
      role: z.enum(INVITE_ROLES).optional(),
    })
    .refine((v) => !v.role || v.councilId, { path: ['councilId'], message: 'admin.invite.councilRequired' }))();

export const auditFilterSchema = /* @__PURE__ */ (() =>
  z.object({
    action: z
      .string()
      .trim()
      .regex(/^[a-z_.]{1,60}$/)
      .optional()
      .catch(undefined),
    entityType: z
      .string()
      .trim()
      .regex(/^[a-z_]{1,40}$/)
      .optional()
      .catch(undefined),
    from: z.string().date().refine(inDateRange).optional().catch(undefined),
    to: z.string().date().refine(inDateRange).optional().catch(undefined),
    before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  }))();
