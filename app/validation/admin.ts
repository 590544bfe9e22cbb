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

/** The forms of /admin/users/$userId: grant a council role, a region admin role, installation admin; revoke one grant. */
export const ROLE_INTENTS = { council: 'grant-council', region: 'grant-region', admin: 'grant-admin', revoke: 'revoke' } as const;

export const grantCouncilSchema = /* @__PURE__ */ (() => z.object({
  intent: z.literal(ROLE_INTENTS.council),
  councilId: z.string({ required_error: 'auth.fields.required' }).uuid(),
  role: z.enum(INVITE_ROLES, { required_error: 'auth.fields.required', invalid_type_error: 'auth.fields.required' }),
}))();
export const grantRegionSchema = /* @__PURE__ */ (() => z.object({
  intent: z.literal(ROLE_INTENTS.region),
  regionId: z.string({ required_error: 'auth.fields.required' }).uuid(),
}))();
export const grantAdminSchema = /* @__PURE__ */ (() => z.object({ intent: z.literal(ROLE_INTENTS.admin) }))();
export const revokeSchema = /* @__PURE__ */ (() => z.object({ intent: z.literal(ROLE_INTENTS.revoke), grantId: z.string().uuid() }))();
export const roleChangeSchema = /* @__PURE__ */ (() => z.discriminatedUnion('intent', [grantCouncilSchema, grantRegionSchema, grantAdminSchema, revokeSchema]))();
