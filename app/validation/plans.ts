import { z } from 'zod';
import { inDateRange } from './dates';

// Messages are translation keys (areas/plans.ts); actions translate them for the visitor.

export const ACTION_STATUS_VALUES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export const STATEMENT_TYPE_VALUES = ['statement', 'position', 'initiative'] as const;
export const STATEMENT_STATUS_VALUES = ['draft', 'sent', 'answered', 'closed'] as const;
export const INFLUENCE_OUTCOME_VALUES = ['pending', 'taken_into_account', 'partly', 'not_taken_into_account'] as const;
export const MAX_STATEMENT_STEPS = 50;

/**
 * Handling steps typed one per line, a date first: "2026-03-01 Käsitelty aluehallituksessa" or
 * "1.3.2026 Käsitelty aluehallituksessa". Returns the steps, or the first bad line's number.
 */
export function parseStepLines(
  text: string,
): { steps: Array<{ happenedOn: string; description: string }> } | { badLine: number } {
  const steps: Array<{ happenedOn: string; description: string }> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const iso = /^(\d{4})-(\d{2})-(\d{2})\s+(.+)$/.exec(line);
    const fi = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(.+)$/.exec(line);
    const [y, m, d, rest] = iso ? [iso[1], iso[2], iso[3], iso[4]] : fi ? [fi[3], fi[2], fi[1], fi[4]] : [];
    const date = y && m && d ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : '';
    const valid =
      date !== '' &&
      !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) &&
      new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
    const description = (rest ?? '').replace(/^[-–:]\s*/, '').trim();
    if (!valid || description === '' || description.length > 1000 || Number(y) < 2000 || Number(y) > 2100)
      return { badLine: i + 1 };
    steps.push({ happenedOn: date, description });
  }
  return { steps };
}
export const SECRETARIAT_OWNER = 'secretariat';

const required = 'plans.errors.required';
const text = (max: number) =>
  z.string({ required_error: required }).trim().min(1, required).max(max, 'plans.errors.tooLong');
const optionalText = (max: number) => z.string().trim().max(max, 'plans.errors.tooLong').optional();
const uuid = /* @__PURE__ */ (() => z.string({ required_error: required }).uuid('plans.errors.invalid'))();
const lockVersion = /* @__PURE__ */ (() => z.number({ required_error: required }).int().min(1).max(2_147_483_647))();
const isoDate = /* @__PURE__ */ (() => z.string().date('plans.errors.date').refine(inDateRange, 'plans.errors.date'))();

export const yearSchema = /* @__PURE__ */ (() =>
  z
    .number({ required_error: required, invalid_type_error: 'plans.errors.year' })
    .int('plans.errors.year')
    .min(2000, 'plans.errors.year')
    .max(2100, 'plans.errors.year'))();

/** A URL year segment: four digits within the range the database allows. */
export function parseYearParam(value: string | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const parsed = yearSchema.safeParse(Number(value));
  return parsed.success ? parsed.data : null;
}

export const createPlanSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('create'),
    year: yearSchema,
    title: text(200),
    introduction: optionalText(5000),
  }))();

export const planMetaSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('plan'),
    lockVersion,
    title: text(200),
    introduction: optionalText(5000),
    // Versions in the council's other languages (issue #14).
    titleSv: optionalText(200),
    titleEn: optionalText(200),
    introductionSv: optionalText(5000),
    introductionEn: optionalText(5000),
  }))();

export const goalSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('goal'),
    goalId: uuid.optional(),
    lockVersion: lockVersion.optional(),
    title: text(300),
    description: optionalText(3000),
    titleSv: optionalText(300),
    titleEn: optionalText(300),
  }))();

export const actionSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('action'),
    goalId: uuid,
    actionId: uuid.optional(),
    lockVersion: lockVersion.optional(),
    title: text(300),
    description: optionalText(3000),
    titleSv: optionalText(300),
    titleEn: optionalText(300),
    owner: z.union([z.literal(SECRETARIAT_OWNER), uuid]).default(SECRETARIAT_OWNER),
    schedule: optionalText(200),
    dueDate: isoDate.optional(),
    status: z.enum(ACTION_STATUS_VALUES, { errorMap: () => ({ message: 'plans.errors.invalid' }) }).default('planned'),
    outcome: optionalText(3000),
  }))();

export const deleteSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.enum(['deleteGoal', 'deleteAction', 'unlink']),
    id: uuid,
  }))();

export const linkSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('link'),
    actionId: uuid,
    itemId: z.string({ required_error: 'plans.errors.itemRequired' }).uuid('plans.errors.itemRequired'),
  }))();

export const approvePlanSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('approve'),
    lockVersion,
    itemId: uuid.optional(),
  }))();

export const publishSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('publish'),
    lockVersion,
  }))();

export const generateReportSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('generate'),
  }))();

export const regenerateReportSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('regenerate'),
    lockVersion,
  }))();

export const reportTextSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('save'),
    lockVersion,
    title: text(200),
    body: z.string().max(100_000, 'plans.errors.tooLong').optional(),
    // Versions in the council's other languages (issue #14).
    titleSv: optionalText(200),
    titleEn: optionalText(200),
    bodySv: z.string().max(100_000, 'plans.errors.tooLong').optional(),
    bodyEn: z.string().max(100_000, 'plans.errors.tooLong').optional(),
  }))();

export const approveReportSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('approve'),
    lockVersion,
    itemId: uuid.optional(),
    confirmYearNotEnded: z.boolean().optional(),
  }))();

const statementFields = /* @__PURE__ */ (() =>
  z.object({
    id: uuid.optional(),
    lockVersion: z.number().int().min(1).max(2_147_483_647).optional(),
    type: z.enum(STATEMENT_TYPE_VALUES, { errorMap: () => ({ message: 'plans.errors.invalid' }) }),
    status: z.enum(STATEMENT_STATUS_VALUES, { errorMap: () => ({ message: 'plans.errors.invalid' }) }).default('draft'),
    issuedOn: isoDate.optional(),
    recipient: text(300),
    title: text(300),
    body: optionalText(50_000),
    titleSv: optionalText(300),
    titleEn: optionalText(300),
    bodySv: optionalText(50_000),
    bodyEn: optionalText(50_000),
    approvedItemId: uuid.optional(),
    response: optionalText(50_000),
    responseDate: isoDate.optional(),
    published: z.boolean().optional(),
    caseNumber: optionalText(100),
    caseUrl: z
      .string()
      .trim()
      .max(1000, 'plans.errors.tooLong')
      .regex(/^https?:\/\/[^\s]+$/, 'plans.statements.errors.caseUrl')
      .optional(),
    responseDueOn: isoDate.optional(),
    outcome: z
      .enum(INFLUENCE_OUTCOME_VALUES, { errorMap: () => ({ message: 'plans.errors.invalid' }) })
      .default('pending'),
    steps: z
      .string()
      .max(20_000, 'plans.errors.tooLong')
      .optional()
      .transform((text, ctx) => {
        const parsed = parseStepLines(text ?? '');
        if ('badLine' in parsed) {
          ctx.addIssue({
            code: 'custom',
            message: 'plans.statements.errors.stepLine',
            params: { line: parsed.badLine },
          });
          return z.NEVER;
        }
        if (parsed.steps.length > MAX_STATEMENT_STEPS) {
          ctx.addIssue({ code: 'custom', message: 'plans.statements.errors.tooManySteps' });
          return z.NEVER;
        }
        return parsed.steps;
      }),
  }))();

// Cross-field rules live in a second, lenient schema joined by intersection: zod skips a
// refinement when its own object has errors, and every error must come back at once.
const statementRules = /* @__PURE__ */ (() =>
  z
    .object({
      status: z.unknown(),
      issuedOn: z.unknown(),
      response: z.unknown(),
      responseDate: z.unknown(),
      responseDueOn: z.unknown(),
      published: z.unknown(),
    })
    .transform((raw) => {
      const str = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x : undefined);
      return {
        status: str(raw.status),
        issuedOn: str(raw.issuedOn),
        response: str(raw.response),
        responseDate: str(raw.responseDate),
        responseDueOn: str(raw.responseDueOn),
        published: raw.published === true || raw.published === 'on',
      };
    })
    .superRefine((v, ctx) => {
      const status = v.status ?? 'draft';
      if (status !== 'draft' && !v.issuedOn)
        ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: 'plans.statements.errors.issuedOnRequired' });
      if ((status === 'answered' || v.responseDate) && !v.response?.trim()) {
        ctx.addIssue({ code: 'custom', path: ['response'], message: 'plans.statements.errors.responseRequired' });
      }
      if (v.responseDate && v.issuedOn && v.responseDate < v.issuedOn) {
        ctx.addIssue({
          code: 'custom',
          path: ['responseDate'],
          message: 'plans.statements.errors.responseBeforeIssue',
        });
      }
      if (v.published && status === 'draft')
        ctx.addIssue({ code: 'custom', path: ['published'], message: 'plans.statements.errors.draftNotPublic' });
      if (v.responseDueOn && v.issuedOn && v.responseDueOn < v.issuedOn) {
        ctx.addIssue({ code: 'custom', path: ['responseDueOn'], message: 'plans.statements.errors.dueBeforeIssue' });
      }
    })
    // Contributes no values: the intersection would otherwise compare them with the typed side's.
    .transform(() => ({})))();

export const statementSchema = /* @__PURE__ */ (() => z.intersection(statementFields, statementRules))();

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const month = /* @__PURE__ */ (() =>
  z
    .number({ required_error: required, invalid_type_error: 'plans.cycle.errors.month' })
    .int()
    .min(1, 'plans.cycle.errors.month')
    .max(12, 'plans.cycle.errors.month'))();
const day = /* @__PURE__ */ (() =>
  z
    .number({ required_error: required, invalid_type_error: 'plans.cycle.errors.day' })
    .int()
    .min(1, 'plans.cycle.errors.day')
    .max(31, 'plans.cycle.errors.day'))();

const milestoneFields = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('milestone'),
    id: uuid.optional(),
    /** Required with `id`: the version the form read. */
    lockVersion: lockVersion.optional(),
    titleFi: text(200),
    titleSv: optionalText(200),
    titleEn: optionalText(200),
    startMonth: month,
    startDay: day,
    endMonth: month.optional(),
    endDay: day.optional(),
    remindDaysBefore: z
      .number({ invalid_type_error: 'plans.cycle.errors.remind' })
      .int('plans.cycle.errors.remind')
      .min(0, 'plans.cycle.errors.remind')
      .max(90, 'plans.cycle.errors.remind')
      .optional(),
    regionWide: z.boolean().optional(),
  }))();

const milestoneRules = /* @__PURE__ */ (() =>
  z
    .object({ startMonth: z.unknown(), startDay: z.unknown(), endMonth: z.unknown(), endDay: z.unknown() })
    .transform((raw) => {
      const num = (x: unknown) => {
        const n = typeof x === 'string' && /^\s*\d+\s*$/.test(x) ? Number(x) : x;
        return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
      };
      return {
        startMonth: num(raw.startMonth),
        startDay: num(raw.startDay),
        endMonth: num(raw.endMonth),
        endDay: num(raw.endDay),
      };
    })
    .superRefine((v, ctx) => {
      const fits = (m: number | undefined, d: number | undefined) =>
        m === undefined || d === undefined || m < 1 || m > 12 || d <= (MONTH_DAYS[m - 1] ?? 31);
      if (!fits(v.startMonth, v.startDay))
        ctx.addIssue({ code: 'custom', path: ['startDay'], message: 'plans.cycle.errors.day' });
      if ((v.endMonth === undefined) !== (v.endDay === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [v.endMonth === undefined ? 'endMonth' : 'endDay'],
          message: 'plans.cycle.errors.endIncomplete',
        });
      }
      if (!fits(v.endMonth, v.endDay))
        ctx.addIssue({ code: 'custom', path: ['endDay'], message: 'plans.cycle.errors.day' });
    })
    .transform(() => ({})))();

export const milestoneSchema = /* @__PURE__ */ (() => z.intersection(milestoneFields, milestoneRules))();

export const deleteMilestoneSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal('deleteMilestone'),
    id: uuid,
  }))();
