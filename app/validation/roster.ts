import { z } from 'zod';
import type { CouncilKind, CouncilOrigin } from '~db/schema/councils';
import type { MembershipRole } from '~db/schema/rosters';
import { inDateRange } from './dates';

// Messages are translation keys; actions translate them for the visitor's language.
const required = 'roster.errors.required';
const text = (max = 300) =>
  z.string({ required_error: required }).trim().min(1, required).max(max, 'roster.errors.tooLong');
const optionalText = (max = 300) => z.string().trim().max(max, 'roster.errors.tooLong').optional();
const isoDate = /* @__PURE__ */ (() => z.string({ required_error: required }).date('roster.errors.badDate').refine(inDateRange, 'roster.errors.badDate'))();
// A missing id (an empty select) is "required" too, not zod's untranslated default "Required".
const uuid = /* @__PURE__ */ (() => z.string({ required_error: required }).uuid(required))();

// Literal copies of the schema's enums (this file is also bundled for the browser, which must
// not pull in drizzle); `satisfies` and the Exact checks below keep them in step with the schema.
export const COUNCIL_KINDS = [
  'advisory_council',
  'partnership_table',
  'influence_body',
  'ngo_council',
  'cooperation_group',
  'forum',
  'executive_committee',
  'working_group',
  'other',
] as const satisfies readonly CouncilKind[];
export const COUNCIL_ORIGINS = ['ngo_led', 'county_established'] as const satisfies readonly CouncilOrigin[];
export const PUBLICITIES = ['public', 'members_only'] as const;
export const ROLES = [
  'chair',
  'vice_chair',
  'secretary',
  'member',
  'deputy',
  'elected_official',
  'county_representative',
  'municipality_representative',
  'invited_expert',
] as const satisfies readonly MembershipRole[];
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsComplete: Exact<(typeof COUNCIL_KINDS)[number], CouncilKind> = true;
const rolesComplete: Exact<(typeof ROLES)[number], MembershipRole> = true;
void kindsComplete;
void rolesComplete;
export const OFFICER_ROLES = ['chair', 'vice_chair', 'secretary'] as const;
export const EXTRA_ROLES = [
  'elected_official',
  'county_representative',
  'municipality_representative',
  'invited_expert',
] as const;
export const END_REASONS = ['resigned', 'replaced', 'died', 'other'] as const;
export const AFFILIATIONS = ['professional', 'volunteer'] as const;
const LANGUAGES = ['fi', 'sv', 'en'] as const;

const councilFields = /* @__PURE__ */ (() => ({
  nameFi: text(200),
  nameSv: optionalText(200),
  nameEn: optionalText(200),
  kind: z.enum(COUNCIL_KINDS, { required_error: required, invalid_type_error: required }),
  origin: z.enum(COUNCIL_ORIGINS, { required_error: required, invalid_type_error: required }),
  parentId: uuid.optional(),
  publicityDefault: z.enum(PUBLICITIES).default('public'),
  languages: z.array(z.enum(LANGUAGES)).min(1, 'roster.errors.languageRequired').default(['fi']),
  descriptionFi: optionalText(4000),
  descriptionSv: optionalText(4000),
  descriptionEn: optionalText(4000),
  meetingFeeNote: optionalText(500),
  meetingFeeNoteSv: optionalText(500),
  meetingFeeNoteEn: optionalText(500),
  secretariatContact: optionalText(500),
  appointingBody: optionalText(200),
  appointingBodySv: optionalText(200),
  appointingBodyEn: optionalText(200),
  appointingDecisionDate: isoDate.optional(),
  appointingDecisionUrl: z
    .string()
    .trim()
    .url('roster.errors.badUrl')
    .regex(/^https?:\/\//, 'roster.errors.badUrl')
    .max(1000)
    .optional(),
}))();

/** A Swedish or English fee note or appointing body only for a council that uses that language (issue #14). */
const refineContentLanguages = (v: { languages: string[] } & Record<string, unknown>, ctx: z.RefinementCtx) => {
  for (const field of ['meetingFeeNoteSv', 'meetingFeeNoteEn', 'appointingBodySv', 'appointingBodyEn']) {
    const value = v[field];
    const lang = field.endsWith('Sv') ? 'sv' : 'en';
    if (typeof value === 'string' && value.trim() !== '' && !v.languages.includes(lang)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `content.refusedLanguage.${lang}` });
    }
  }
};

const subBodyNeedsParent = (v: { kind: string; parentId?: string }) =>
  !(v.kind === 'executive_committee' || v.kind === 'working_group') || Boolean(v.parentId);

export const councilCreateSchema = /* @__PURE__ */ (() =>
  z
    .object({
      ...councilFields,
      regionId: uuid,
      slug: z
        .string({ required_error: required })
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'roster.errors.badSlug')
        .max(80, 'roster.errors.tooLong'),
    })
    .refine(subBodyNeedsParent, { path: ['parentId'], message: 'roster.errors.parentRequired' })
    .superRefine(refineContentLanguages))();

export const councilEditSchema = /* @__PURE__ */ (() =>
  z
    .object({ ...councilFields, lockVersion: z.number().int().min(0).max(2_147_483_647) })
    .refine(subBodyNeedsParent, { path: ['parentId'], message: 'roster.errors.parentRequired' })
    .superRefine(refineContentLanguages))();

export type CouncilInput = z.output<typeof councilEditSchema>;

export const termSchema = /* @__PURE__ */ (() =>
  z
    .object({
      name: text(120),
      startDate: isoDate,
      endDate: isoDate.optional(),
      endNote: optionalText(300),
      copyFromTermId: uuid.optional(),
      copyPeople: z.boolean().optional(),
    })
    .refine((v) => !v.endDate || v.endDate >= v.startDate, {
      path: ['endDate'],
      message: 'roster.errors.endBeforeStart',
    })
    .refine((v) => !v.copyPeople || v.copyFromTermId, {
      path: ['copyPeople'],
      message: 'roster.errors.copyNeedsTerm',
    }))();

export const termEditSchema = /* @__PURE__ */ (() =>
  z
    .object({
      name: text(120),
      startDate: isoDate,
      endDate: isoDate.optional(),
      endNote: optionalText(300),
      lockVersion: z.number().int().min(0).max(2_147_483_647),
    })
    .refine((v) => !v.endDate || v.endDate >= v.startDate, {
      path: ['endDate'],
      message: 'roster.errors.endBeforeStart',
    }))();

const seats = /* @__PURE__ */ (() =>
  z
    .number({ required_error: required, invalid_type_error: 'roster.errors.badNumber' })
    .int('roster.errors.badNumber')
    .min(0, 'roster.errors.badNumber')
    .max(100, 'roster.errors.badNumber'))();

export const seatPlanSchema = /* @__PURE__ */ (() =>
  z.object({
    categories: z
      .array(
        z.object({
          id: uuid.optional(),
          /** The version the form read, required for an existing category. */
          lockVersion: z.number().int().min(0).max(2_147_483_647).optional(),
          nameFi: text(200),
          nameSv: optionalText(200),
          nameEn: optionalText(200),
          memberSeats: seats,
          deputySeats: seats,
          remove: z.boolean().optional(),
        }),
      )
      .default([]),
    /** One new category name per line, added after the others with the default seat counts. */
    newCategories: optionalText(20_000),
    newMemberSeats: seats.default(1),
    newDeputySeats: seats.default(1),
    extra: z
      .array(z.object({ role: z.enum(EXTRA_ROLES), memberSeats: seats.default(0), deputySeats: seats.default(0) }))
      .default([]),
  }))();
export type SeatPlanInput = z.output<typeof seatPlanSchema>;

/** A new person's details; the duplicate check runs in the model. */
export const personFields = /* @__PURE__ */ (() => ({
  givenName: text(100),
  familyName: text(100),
  email: z.string().trim().toLowerCase().email('roster.errors.badEmail').max(320).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[+0-9 ()-]{5,30}$/, 'roster.errors.badPhone')
    .optional(),
  organisation: optionalText(200),
  confirmDuplicate: z.boolean().optional(),
}))();

export const personSchema = /* @__PURE__ */ (() => z.object(personFields))();

export const personEditSchema = /* @__PURE__ */ (() =>
  z.object({ ...personFields, personId: uuid, lockVersion: z.number().int().min(0).max(2_147_483_647) }))();

export const assignSchema = /* @__PURE__ */ (() =>
  z
    .object({
      termId: uuid,
      /** An existing person, or else the new-person fields below. */
      personId: uuid.optional(),
      givenName: optionalText(100),
      familyName: optionalText(100),
      email: personFields.email,
      confirmDuplicate: z.boolean().optional(),
      role: z.enum(ROLES, { required_error: required, invalid_type_error: required }),
      categoryId: uuid.optional(),
      seatNumber: z
        .number({ invalid_type_error: 'roster.errors.badNumber' })
        .int('roster.errors.badNumber')
        .min(1, 'roster.errors.badNumber')
        .max(100, 'roster.errors.badNumber')
        .optional(),
      organisation: optionalText(200),
      affiliation: z.enum(AFFILIATIONS).optional(),
      principalId: uuid.optional(),
      startDate: isoDate,
      endDate: isoDate.optional(),
    })
    .superRefine((v, ctx) => {
      if (!v.personId && (!v.givenName || !v.familyName)) {
        ctx.addIssue({ code: 'custom', path: ['personId'], message: 'roster.errors.personRequired' });
      }
      if (v.endDate && v.endDate < v.startDate)
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'roster.errors.endBeforeStart' });
      if (v.principalId && v.role !== 'deputy')
        ctx.addIssue({ code: 'custom', path: ['principalId'], message: 'roster.errors.principalOnlyForDeputy' });
      if (v.categoryId && v.role !== 'member' && v.role !== 'deputy') {
        ctx.addIssue({ code: 'custom', path: ['categoryId'], message: 'roster.errors.categoryOnlyForMembers' });
      }
    }))();
export type AssignInput = z.output<typeof assignSchema>;

export const endSchema = /* @__PURE__ */ (() =>
  z
    .object({
      membershipId: uuid,
      lockVersion: z.number().int().min(0).max(2_147_483_647),
      endDate: isoDate,
      endReason: z.enum(END_REASONS, {
        required_error: 'roster.errors.reasonRequired',
        invalid_type_error: 'roster.errors.reasonRequired',
      }),
      endNote: optionalText(500),
      /** The successor: an existing person, or a new one by name; none leaves the seat vacant. */
      successorPersonId: uuid.optional(),
      successorGivenName: optionalText(100),
      successorFamilyName: optionalText(100),
      successorEmail: personFields.email,
      successorOrganisation: optionalText(200),
      successorStartDate: isoDate.optional(),
      repointDeputies: z.boolean().optional(),
      confirmDuplicate: z.boolean().optional(),
    })
    .superRefine((v, ctx) => {
      if (v.successorStartDate && v.successorStartDate <= v.endDate) {
        ctx.addIssue({ code: 'custom', path: ['successorStartDate'], message: 'roster.errors.successorAfterEnd' });
      }
      if (!v.successorPersonId && Boolean(v.successorGivenName) !== Boolean(v.successorFamilyName)) {
        ctx.addIssue({
          code: 'custom',
          path: [v.successorGivenName ? 'successorFamilyName' : 'successorGivenName'],
          message: required,
        });
      }
    }))();
export type EndInput = z.output<typeof endSchema>;

export const importSchema = /* @__PURE__ */ (() =>
  z.object({
    csv: z
      .string({ required_error: 'roster.import.errors.empty' })
      .min(1, 'roster.import.errors.empty')
      .max(2_000_000, 'roster.import.errors.tooLarge'),
    termId: uuid,
  }))();

/** ?on=YYYY-MM-DD on the roster page; anything else means today. */
export const onDateParam = /* @__PURE__ */ (() => z.string().date().refine(inDateRange).optional().catch(undefined))();
