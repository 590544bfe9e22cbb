import { z } from 'zod';

/** The public subscription form (council pages). Messages are translation keys. */
export const subscribeSchema = /* @__PURE__ */ (() =>
  z.object({
    email: z
      .string({ required_error: 'notify.form.emailRequired' })
      .trim()
      .toLowerCase()
      .min(1, 'notify.form.emailRequired')
      .max(320, 'notify.form.emailInvalid')
      .email('notify.form.emailInvalid'),
    language: z.enum(['fi', 'sv', 'en'], { errorMap: () => ({ message: 'notify.form.languageInvalid' }) }),
    // A field people never see: bots fill it in.
    website: z.string().max(0).optional(),
  }))();

/** A member's notification settings: a ticked box turns the messages on. */
export const notificationSettingsSchema = /* @__PURE__ */ (() =>
  z.object({
    publications: z.boolean().default(false),
    meeting_reminders: z.boolean().default(false),
    milestone_reminders: z.boolean().default(false),
  }))();
