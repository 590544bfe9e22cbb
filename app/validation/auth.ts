import { z } from 'zod';
import { checkPasswordStrength } from '~/auth/password-rules';

// Messages are translation keys; actions translate them for the visitor's language.
const email = /* @__PURE__ */ (() =>
  z
    .string({ required_error: 'auth.fields.required' })
    .trim()
    .min(1, 'auth.fields.required')
    .max(320, 'auth.fields.emailInvalid')
    .email('auth.fields.emailInvalid'))();

export const loginSchema = /* @__PURE__ */ (() =>
  z.object({
    email,
    password: z.string({ required_error: 'auth.fields.required' }).min(1, 'auth.fields.required').max(1024),
    redirectTo: z.string().optional(),
  }))();

const newPassword = /* @__PURE__ */ (() =>
  z.string({ required_error: 'auth.fields.required' }).superRefine((value, ctx) => {
    const problem = checkPasswordStrength(value);
    if (problem === 'too_short') ctx.addIssue({ code: 'custom', message: 'auth.fields.passwordTooShort' });
    if (problem === 'too_long') ctx.addIssue({ code: 'custom', message: 'auth.fields.passwordTooLong' });
    if (problem === 'too_common') ctx.addIssue({ code: 'custom', message: 'auth.fields.passwordTooCommon' });
  }))();

export const setPasswordSchema = /* @__PURE__ */ (() =>
  z
    .object({
      password: newPassword,
      confirm: z.string({ required_error: 'auth.fields.required' }),
    })
    .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth.fields.passwordMismatch' }))();

export const acceptInvitationSchema = /* @__PURE__ */ (() =>
  z
    .object({
      displayName: z.string({ required_error: 'auth.fields.required' }).trim().min(1, 'auth.fields.required').max(120),
      password: newPassword,
      confirm: z.string({ required_error: 'auth.fields.required' }),
    })
    .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth.fields.passwordMismatch' }))();

export const resetRequestSchema = /* @__PURE__ */ (() => z.object({ email }))();
