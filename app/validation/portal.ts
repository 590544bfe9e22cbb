import { z } from 'zod';

export const feedbackSchema = /* @__PURE__ */ (() =>
  z.object({
    name: z.string().trim().max(200).optional(),
    email: z.string().trim().toLowerCase().email('portal.feedback.emailInvalid').max(320).optional(),
    pageUrl: z.string().trim().max(500).optional(),
    message: z
      .string({ required_error: 'portal.feedback.required' })
      .trim()
      .min(1, 'portal.feedback.required')
      .max(5000, 'portal.feedback.tooLong'),
    // A field people never see: bots fill it in.
    website: z.string().max(0).optional(),
  }))();
