import { z } from 'zod';

// Issue 14.4. Messages are translation keys; actions translate them. Drizzle-free (bundled for the browser).

export const PERSONAL_DATA_CLASS_VALUES = ['none', 'personal', 'special', 'criminal'] as const;
export const APPEAL_CHOICES = ['default', 'notice', 'none'] as const;

/** The council's display period and appeal notice (a form of its own on the council edit page). */
export const displayPeriodSchema = /* @__PURE__ */ (() => z.object({
  intent: z.literal('display'),
  lockVersion: z.number().int().min(0).max(2_147_483_647),
  displayNoticeDays: z
    .number({ required_error: 'lifecycle.settings.noticeRange', invalid_type_error: 'lifecycle.settings.noticeRange' })
    .int('lifecycle.settings.noticeRange')
    .min(0, 'lifecycle.settings.endsBeforeStart')
    .max(365, 'lifecycle.settings.noticeRange'),
  /** Empty: on the web permanently. Zero or less would end the period before it starts. */
  displayWebMonths: z
    .number({ invalid_type_error: 'lifecycle.settings.monthsRange' })
    .int('lifecycle.settings.monthsRange')
    .min(1, 'lifecycle.settings.endsBeforeStart')
    .max(1200, 'lifecycle.settings.monthsRange')
    .optional(),
  appealNoticeFi: z.string().trim().max(4000, 'roster.errors.tooLong').optional(),
  appealNoticeSv: z.string().trim().max(4000, 'roster.errors.tooLong').optional(),
  appealNoticeEn: z.string().trim().max(4000, 'roster.errors.tooLong').optional(),
  appealDefaultNone: z.boolean().default(false),
}))();

/** Titles that say nothing about the matter: a withheld item's title must still say what it is about. */
const PLACEHOLDER_TITLES = [
  'salassa pidettävä asia',
  'salassa pidettävä',
  'salainen',
  'salainen asia',
  'luottamuksellinen',
  'luottamuksellinen asia',
  'ei julkinen',
  'asia',
  'muu asia',
  'henkilöasia',
  'sekretessbelagt ärende',
  'sekretessbelagd',
  'hemlig',
  'ärende',
  'confidential',
  'confidential matter',
  'secret',
  'matter',
  'item',
  'tbd',
];

/** True when a withheld item's title is a placeholder (too short or a generic word): the editor warns, never blocks. */
export function isPlaceholderTitle(title: string): boolean {
  const t = title
    .trim()
    .toLowerCase()
    .replace(/[.!…:;\-–—\s]+$/u, '')
    .replace(/^[\s\-–—]+/u, '');
  if (t.length < 10) return true;
  return PLACEHOLDER_TITLES.includes(t);
}
