import { z } from 'zod';
import { inDateRange } from './dates';

// Messages are translation keys (areas/calendar.ts). This file is bundled for the browser
// too, so it imports neither drizzle nor rrule: the rule itself is checked in the action.

export const MEETING_TYPES = ['in_person', 'online', 'hybrid'] as const;
export const PUBLICITY_VALUES = ['public', 'closed'] as const;
export const SERIES_PRESETS = [
  'quarterly',
  'monthly_first_weekday_except_july',
  'monthly_same_day',
  'biweekly',
  'weekly',
  'custom',
] as const;
export const EDIT_SCOPES = ['this', 'following', 'all'] as const;
export const REPLIES = ['attending', 'not_attending'] as const;
/** Longest span a series may be materialised for at once. */
export const MAX_SERIES_YEARS = 3;

const required = 'calendar.errors.required';
const text = (max: number) =>
  z.string({ required_error: required }).trim().min(1, required).max(max, 'calendar.errors.tooLong');
const optionalText = (max: number) => z.string().trim().max(max, 'calendar.errors.tooLong').optional();
const isoDate = /* @__PURE__ */ (() =>
  z
    .string({ required_error: required })
    .date('calendar.errors.badDate')
    .refine(inDateRange, 'calendar.errors.badDate'))();
const time = /* @__PURE__ */ (() =>
  z.string({ required_error: required }).regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'calendar.errors.badTime'))();
const onlineUrl = /* @__PURE__ */ (() =>
  z
    .string()
    .trim()
    .max(1000, 'calendar.errors.tooLong')
    .regex(/^https?:\/\/\S+$/, 'calendar.errors.badUrl')
    .optional())();
const lockVersion = /* @__PURE__ */ (() => z.number({ required_error: required }).int().min(1).max(2_147_483_647))();

const placeFields = /* @__PURE__ */ (() => ({
  meetingType: z.enum(MEETING_TYPES, { required_error: required, invalid_type_error: required }),
  address: optionalText(300),
  room: optionalText(200),
  onlineUrl,
}))();

type Raw = Record<string, unknown>;
type Add = (path: string, message: string) => void;

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const str = (raw: Raw, key: string) => (typeof raw[key] === 'string' ? (raw[key] as string).trim() : '');
const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** An online or hybrid meeting needs its link, an in-person or hybrid one its address. */
function placeChecks(raw: Raw, add: Add) {
  const type = str(raw, 'meetingType');
  if ((type === 'online' || type === 'hybrid') && !str(raw, 'onlineUrl'))
    add('onlineUrl', 'calendar.errors.onlineUrlRequired');
  if ((type === 'in_person' || type === 'hybrid') && !str(raw, 'address'))
    add('address', 'calendar.errors.addressRequired');
}

function meetingChecks(raw: Raw, add: Add) {
  const start = str(raw, 'startTime');
  const end = str(raw, 'endTime');
  if (TIME.test(start) && TIME.test(end) && minutesOf(end) <= minutesOf(start))
    add('endTime', 'calendar.errors.endBeforeStart');
  placeChecks(raw, add);
}

function seriesChecks(raw: Raw, add: Add) {
  if (str(raw, 'preset') === 'custom' && !str(raw, 'customRule')) add('customRule', 'calendar.errors.ruleRequired');
  const first = str(raw, 'firstDate');
  const until = str(raw, 'until');
  if (DATE.test(first) && DATE.test(until)) {
    const [y, m, d] = first.split('-');
    if (until < first) add('until', 'calendar.errors.untilBeforeFirst');
    else if (until > `${Number(y) + MAX_SERIES_YEARS}-${m}-${d}`) add('until', 'calendar.errors.untilTooFar');
  }
  placeChecks(raw, add);
}

function seriesEditChecks(raw: Raw, add: Add) {
  seriesChecks(raw, add);
  const scope = str(raw, 'scope');
  if ((scope === 'this' || scope === 'following') && !str(raw, 'targetId'))
    add('targetId', 'calendar.errors.targetRequired');
}

const refineWith = (checks: (raw: Raw, add: Add) => void) => (value: object, ctx: z.RefinementCtx) =>
  checks(value as Raw, (path, message) => ctx.addIssue({ code: 'custom', path: [path], message }));

const CHECKS = { meeting: meetingChecks, series: seriesChecks, seriesEdit: seriesEditChecks } as const;

/**
 * Cross-field errors found in the raw form payload. zod runs refinements only when every
 * field parsed, so an action adds these on failure to return every error at once.
 */
export function crossFieldErrors(
  kind: keyof typeof CHECKS,
  payload: Raw,
  existing: Record<string, unknown> | null | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  CHECKS[kind](payload, (path, message) => {
    if (!existing?.[path]) out[path] = [...(out[path] ?? []), message];
  });
  return out;
}

/** A single meeting: one local date, start and end time on that day. */
export const meetingSchema = /* @__PURE__ */ (() =>
  z
    .object({
      intent: z.literal('createMeeting'),
      title: text(200),
      titleSv: optionalText(200),
      titleEn: optionalText(200),
      date: isoDate,
      startTime: time,
      endTime: time,
      publicity: z.enum(PUBLICITY_VALUES).default('public'),
      ...placeFields,
    })
    .superRefine(refineWith(meetingChecks)))();

const seriesFields = /* @__PURE__ */ (() => ({
  title: text(200),
  preset: z.enum(SERIES_PRESETS, { required_error: required, invalid_type_error: required }),
  customRule: optionalText(500),
  firstDate: isoDate,
  startTime: time,
  durationMinutes: z
    .number({ required_error: required, invalid_type_error: 'calendar.errors.badDuration' })
    .int('calendar.errors.badDuration')
    .min(5, 'calendar.errors.badDuration')
    .max(720, 'calendar.errors.badDuration'),
  until: isoDate,
  publicity: z.enum(PUBLICITY_VALUES).default('public'),
  ...placeFields,
}))();

/** A new series; `intent` tells a preview (nothing saved) from the real thing. */
export const seriesSchema = /* @__PURE__ */ (() =>
  z
    .object({ intent: z.enum(['previewSeries', 'createSeries']), ...seriesFields })
    .superRefine(refineWith(seriesChecks)))();

/** Editing a series: the scope decides what changes; `confirm` is absent on the first (preview) step. */
export const seriesEditSchema = /* @__PURE__ */ (() =>
  z
    .object({
      intent: z.literal('editSeries'),
      scope: z.enum(EDIT_SCOPES, {
        required_error: 'calendar.errors.scopeRequired',
        invalid_type_error: 'calendar.errors.scopeRequired',
      }),
      targetId: z.string().uuid('calendar.errors.targetRequired').optional(),
      confirm: z.literal('yes').optional(),
      lockVersion,
      ...seriesFields,
    })
    .superRefine(refineWith(seriesEditChecks)))();

/** One occurrence moved or given its own place. */
export const occurrenceSchema = /* @__PURE__ */ (() =>
  z
    .object({
      intent: z.literal('updateMeeting'),
      lockVersion,
      title: text(200),
      titleSv: optionalText(200),
      titleEn: optionalText(200),
      date: isoDate,
      startTime: time,
      endTime: time,
      publicity: z.enum(PUBLICITY_VALUES).default('public'),
      ...placeFields,
    })
    .superRefine(refineWith(meetingChecks)))();

/** Cancelling a meeting, or marking it held; both carry the lock_version read. */
export const cancelSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.enum(['cancelMeeting', 'markHeld']),
    lockVersion,
    reason: optionalText(500),
  }))();

export const replySchema = /* @__PURE__ */ (() =>
  z.object({
    reply: z.enum(REPLIES, {
      required_error: 'calendar.errors.replyRequired',
      invalid_type_error: 'calendar.errors.replyRequired',
    }),
  }))();

/** The app's own reply buttons name the meeting. */
export const appReplySchema = /* @__PURE__ */ (() =>
  replySchema.extend({ meetingId: z.string().uuid('calendar.errors.required') }))();

/** `?view=month&month=YYYY-MM`: a valid month or null. */
export function parseMonthParam(value: string | null): string | null {
  if (!value || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return null;
  const year = Number(value.slice(0, 4));
  return year >= 2000 && year <= 2100 ? value : null;
}
