import { z } from 'zod';
import { APPEAL_CHOICES, PERSONAL_DATA_CLASS_VALUES } from './lifecycle';
import { VOTE_OPTIONS } from '~/lib/roll-call';

// Messages are translation keys; actions translate them for the visitor's language.
// Required texts default to '' so that a missing field fails min(1) as "dirty", not "aborted":
// zod then still runs the object-level refinements and every error comes back at once.
const required = 'records.errors.required';
const tooLong = 'records.errors.tooLong';
const requiredText = (max = 300) => z.string().trim().min(1, required).max(max, tooLong).default('');
const optionalText = (max = 300) => z.string().trim().max(max, tooLong).optional();
const uuid = /* @__PURE__ */ (() => z.string({ required_error: required }).uuid('records.errors.badId'))();
const lockVersion = /* @__PURE__ */ (() =>
  z.coerce.number({ invalid_type_error: 'records.errors.badId' }).int().min(1).max(2_147_483_647))();
const count = /* @__PURE__ */ (() =>
  z.coerce
    .number({ invalid_type_error: 'records.errors.badNumber' })
    .int('records.errors.badNumber')
    .min(0, 'records.errors.badNumber')
    .max(10_000, 'records.errors.badNumber')
    .optional())();
// datetime-local values ("2026-05-19T14:05"), read as Europe/Helsinki wall-clock time by the action.
const localDateTime = /* @__PURE__ */ (() =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'records.errors.badTime')
    .optional())();

export const PUBLICITIES = ['public', 'members_only', 'confidential'] as const;
export type Publicity = (typeof PUBLICITIES)[number];
export const OUTCOMES = ['decided', 'noted', 'postponed', 'withdrawn', 'referred'] as const;
export const ATTENDANCE_ROLES = ['member', 'deputy', 'chair', 'secretary', 'expert', 'other'] as const;
export const APPROVAL_METHODS = ['checkers', 'at_meeting', 'next_meeting'] as const;
export const RECORD_DOCS = ['agenda', 'minutes'] as const;

const withReason = <T extends { publicity: Publicity; withheldReason?: string }>(value: T, ctx: z.RefinementCtx) => {
  if (value.publicity === 'confidential' && !value.withheldReason) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['withheldReason'], message: 'records.errors.reasonRequired' });
  }
};

/** Create (no itemId) or update (itemId + lockVersion) one agenda item. */
export const agendaItemSchema = /* @__PURE__ */ (() => z
  .object({
    intent: z.literal('save-item'),
    itemId: uuid.optional(),
    lockVersion: lockVersion.optional(),
    title: requiredText(300),
    body: optionalText(50_000),
    presenter: optionalText(200),
    proposal: optionalText(10_000),
    publicity: z.enum(PUBLICITIES).default('public'),
    withheldReason: optionalText(300),
    // Versions in the council's other languages and the plain-language summary (issue #14).
    titleSv: optionalText(300),
    titleEn: optionalText(300),
    bodySv: optionalText(50_000),
    bodyEn: optionalText(50_000),
    proposalSv: optionalText(10_000),
    proposalEn: optionalText(10_000),
    plainSummaryFi: optionalText(5_000),
    plainSummarySv: optionalText(5_000),
    plainSummaryEn: optionalText(5_000),
    // Issue 14.4: personal data on the web only during the display period; appeal notice per item.
    personalDataClass: z.enum(PERSONAL_DATA_CLASS_VALUES).default('none'),
    appealNotice: z.enum(APPEAL_CHOICES).default('default'),
  })
  .superRefine(withReason))();

/** Move or delete one item; the lock version guards against acting on a stale page. */
export const agendaItemActionSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.enum(['move-up', 'move-down', 'delete-item']),
    itemId: uuid,
    lockVersion,
  }))();

export const agendaSimpleSchema = /* @__PURE__ */ (() => z.object({ intent: z.enum(['apply-template', 'publish']) }))();

/** The metadata of an uploaded attachment; the file itself is checked from its bytes. */
export const attachmentSchema = /* @__PURE__ */ (() => z.object({
  intent: z.literal('upload'),
  itemId: uuid,
  title: optionalText(200),
  publicity: z.enum(PUBLICITIES).default('public'),
  personalDataClass: z.enum(PERSONAL_DATA_CLASS_VALUES).default('none'),
}))();

export const attachmentDeleteSchema = /* @__PURE__ */ (() =>
  z.object({ intent: z.literal('delete-attachment'), attachmentId: uuid }))();

/** One standard item of the council's agenda template. */
export const templateItemSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('save'),
    id: uuid.optional(),
    lockVersion: lockVersion.optional(),
    key: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, required)
      .max(40, tooLong)
      .regex(/^[a-z0-9_]*$/, 'records.errors.badKey')
      .default(''),
    title: requiredText(300),
    body: optionalText(10_000),
    proposal: optionalText(10_000),
  }))();

export const templateActionSchema = /* @__PURE__ */ (() =>
  z.object({ intent: z.enum(['move-up', 'move-down', 'delete']), id: uuid }))();

/** Opening and closing times, place and summary of one minutes version. */
export const minutesMetaSchema = /* @__PURE__ */ (() =>
  z
    .object({
      intent: z.literal('save-meta'),
      lockVersion,
      place: optionalText(300),
      openedAt: localDateTime,
      closedAt: localDateTime,
      summary: optionalText(10_000),
    })
    .superRefine((v, ctx) => {
      if (v.openedAt && v.closedAt && v.closedAt < v.openedAt) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['closedAt'], message: 'records.errors.closeBeforeOpen' });
      }
    }))();

const attendanceRow = /* @__PURE__ */ (() =>
  z
    .object({
      personId: uuid,
      membershipId: uuid.optional(),
      role: z.enum(ATTENDANCE_ROLES).default('member'),
      present: z.boolean().default(false),
      substitutesForId: uuid.optional(),
      arrivedAtItemId: uuid.optional(),
      leftAtItemId: uuid.optional(),
      note: optionalText(300),
    })
    .superRefine((v, ctx) => {
      if (v.substitutesForId && v.role !== 'deputy') {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['substitutesForId'],
          message: 'records.errors.substituteOnlyDeputy',
        });
      }
    }))();

/** The whole attendance list, saved at once. */
export const attendanceSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('save-attendance'),
    lockVersion,
    rows: z.array(attendanceRow).max(500).default([]),
  }))();
export type AttendanceRowInput = z.infer<typeof attendanceRow>;

/** Discussion, decision and votes of one item. */
export const decisionSchema = /* @__PURE__ */ (() => z
  .object({
    intent: z.literal('save-decision'),
    lockVersion,
    itemId: uuid,
    discussion: optionalText(50_000),
    decision: optionalText(20_000),
    decisionSv: optionalText(20_000),
    decisionEn: optionalText(20_000),
    outcome: z.enum(OUTCOMES).default('decided'),
    votesFor: count,
    votesAgainst: count,
    votesAbstain: count,
    postponedToMeetingId: uuid.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.postponedToMeetingId && v.outcome !== 'postponed') {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['postponedToMeetingId'], message: 'records.errors.postponeNeedsOutcome' });
    }
  }))();
export type DecisionInput = z.infer<typeof decisionSchema>;

/** A vote by name on one item: one option per voter. */
export const rollCallSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('save-roll-call'),
    lockVersion,
    itemId: uuid,
    votes: z
      .array(
        z.object({
          personId: uuid,
          option: z.enum(VOTE_OPTIONS, { errorMap: () => ({ message: 'records.rollCall.errors.chooseOption' }) }),
        }),
      )
      .max(500)
      .default([]),
  }))();

export const rollCallClearSchema = /* @__PURE__ */ (() =>
  z.object({ intent: z.literal('clear-roll-call'), lockVersion, itemId: uuid }))();

export const recusalSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('add-recusal'),
    lockVersion,
    itemId: uuid,
    personId: uuid,
    reason: optionalText(300),
  }))();

export const recusalRemoveSchema = /* @__PURE__ */ (() =>
  z.object({ intent: z.literal('remove-recusal'), lockVersion, recusalId: uuid }))();

export const checkersSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('choose-checkers'),
    lockVersion,
    personIds: z
      .array(uuid, { required_error: 'records.errors.checkersRequired' })
      .min(1, 'records.errors.checkersRequired')
      .max(5),
  }))();

export const versionStepSchema = /* @__PURE__ */ (() =>
  z.object({ intent: z.enum(['send-for-checking', 'return-to-draft', 'publish']), lockVersion }))();

export const approveSchema = /* @__PURE__ */ (() =>
  z
    .object({
      intent: z.literal('approve'),
      lockVersion,
      method: z.enum(APPROVAL_METHODS, { required_error: required, invalid_type_error: required }),
      approvedAtItemId: uuid.optional(),
    })
    .superRefine((v, ctx) => {
      if (v.method === 'next_meeting' && !v.approvedAtItemId) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['approvedAtItemId'],
          message: 'records.errors.nextMeetingItemRequired',
        });
      }
    }))();

export const correctionSchema = /* @__PURE__ */ (() =>
  z.object({ intent: z.literal('start-correction'), correctionNote: requiredText(2000) }))();

export const startMinutesSchema = /* @__PURE__ */ (() => z.object({ intent: z.literal('start-minutes') }))();

/** A checker confirms a version. */
export const confirmSchema = /* @__PURE__ */ (() => z.object({ intent: z.literal('confirm'), versionId: uuid }))();

const REFUSAL_KEYS: Record<string, string> = {
  not_found: 'records.errors.notFound',
  conflict: 'records.errors.conflict',
  frozen: 'records.errors.frozen',
  numbered: 'records.errors.numbered',
  cancelled: 'records.errors.cancelled',
  empty: 'records.errors.empty',
  edge: 'records.errors.edge',
  too_large: 'records.errors.tooLarge',
  type_not_allowed: 'records.errors.typeNotAllowed',
  mismatch: 'records.errors.mismatch',
  bad_form: 'records.errors.badForm',
  not_draft: 'records.errors.notDraft',
  not_checking: 'records.errors.notChecking',
  not_approved: 'records.errors.notApproved',
  checkers_missing: 'records.errors.checkersMissing',
  checkers_unconfirmed: 'records.errors.checkersUnconfirmed',
  bad_item: 'records.errors.badItem',
  bad_reference: 'records.errors.badReference',
  not_attendee: 'records.errors.notAttendee',
  not_checker: 'records.errors.notChecker',
  already_confirmed: 'records.errors.alreadyConfirmed',
  open_version: 'records.errors.openVersion',
  exists: 'records.errors.exists',
  duplicate_key: 'records.errors.duplicateKey',
  not_started: 'ws.errors.notStarted',
  deputy_for_present: 'ws.errors.deputyForPresent',
  checker_not_member: 'ws.errors.checkerNotMember',
  time_out_of_range: 'ws.errors.timeOutOfRange',
  roll_call_not_voter: 'records.rollCall.errors.notVoter',
  roll_call_twice: 'records.rollCall.errors.twice',
  roll_call_missing: 'records.rollCall.errors.missing',
  roll_call_not_in_room: 'records.rollCall.errors.notInRoom',
  votes_mismatch: 'records.rollCall.errors.mismatch',
  voted: 'records.rollCall.errors.voted',
  votes_recorded: 'records.rollCall.errors.votesRecorded',
  language_not_used: 'content.refusedForm',
};

/** The translation key explaining a model's refusal code. */
export function refusalKey(status: string): string {
  if (status === 'empty_file') return 'records.errors.emptyFile';
  return REFUSAL_KEYS[status] ?? 'records.errors.notFound';
}

/** `?version=n` picks a version; absent means the latest, anything malformed matches nothing (-1). */
export function versionParam(url: URL): number | undefined {
  const raw = url.searchParams.get('version');
  if (raw === null) return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : -1;
}

/** `?doc=` of the print page: the agenda unless the minutes are asked for. */
export function docParam(url: URL): 'agenda' | 'minutes' {
  return url.searchParams.get('doc') === 'minutes' ? 'minutes' : 'agenda';
}
