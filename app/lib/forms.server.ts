import type { Submission, SubmissionResult } from '@conform-to/react';
import type { TFunction } from 'i18next';

/**
 * conform's reply with every message translated: schemas carry translation keys, so the
 * same schema serves all three languages and the tests.
 */
export function translatedReply<T>(
  submission: Submission<T>,
  t: TFunction,
  options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; resetForm?: boolean; hideFields?: string[] },
): SubmissionResult<string[]> {
  const reply = submission.reply({
    formErrors: options?.formErrors,
    fieldErrors: options?.fieldErrors,
    resetForm: options?.resetForm,
    hideFields: options?.hideFields,
  });
  if (!reply.error) return reply;
  const error: Record<string, string[] | null> = {};
  for (const [key, messages] of Object.entries(reply.error)) {
    error[key] = messages ? messages.map((m) => (m.includes('.') && !m.includes(' ') ? t(m) : m)) : null;
  }
  return { ...reply, error };
}
