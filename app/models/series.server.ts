import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import { getDb, type Executor } from '~db/client.server';
import { meetings, meetingSeries, terms, type Meeting, type MeetingSeries } from '~db/schema';
import {
  buildRule,
  expandSeries,
  helsinkiDate,
  MAX_OCCURRENCES,
  planSeriesEdit,
  RecurrenceError,
  validateRule,
  type Occurrence,
  type RulePreset,
  type SeriesEditChange,
  type SeriesEditPlan,
  type SeriesEditProblemCode,
  type SeriesEditScope,
} from '~/lib/recurrence';
import { formatDate } from '~/lib/dates';
import type { Locale } from '~/lib/i18n';
import { recordAudit, type AuditActor } from '~/models/audit.server';
import { isUuid } from '~/models/councils.server';
import { changesCalendar, newIcsUid, termIdOn, type MeetingPlace } from '~/models/meetings.server';

/** What the series form submits (already validated by seriesSchema). */
export interface SeriesInput extends MeetingPlace {
  title: string;
  preset: RulePreset;
  customRule?: string;
  firstDate: string;
  startTime: string;
  durationMinutes: number;
  /** Materialise meetings up to this local date (inclusive). */
  until: string;
  publicity: Meeting['publicity'];
}

/** A refusal with the form field it belongs to and the code the UI translates. */
export interface SeriesProblem {
  ok: false;
  code: SeriesEditProblemCode | 'conflict' | 'not_found';
  field: 'customRule' | 'until' | 'targetId' | 'lockVersion' | 'firstDate';
  message: string;
}

type Scope = { councilId: string; regionId: string };

function problem(code: SeriesProblem['code'], message: string, preset?: RulePreset): SeriesProblem {
  const field: SeriesProblem['field'] =
    code === 'conflict'
      ? 'lockVersion'
      : code === 'target_not_found' || code === 'target_locked'
        ? 'targetId'
        : code === 'overlap' || code === 'in_past'
          ? 'firstDate'
          : preset === 'custom'
            ? 'customRule'
            : 'until';
  return { ok: false, code, field, message };
}

/** The RRULE body for the form's preset (the custom rule as typed, normalised). */
export function ruleFor(input: Pick<SeriesInput, 'preset' | 'customRule' | 'firstDate'>): string {
  return buildRule(input.preset, { firstDate: input.firstDate, rrule: input.customRule });
}

export type SeriesPreview = { ok: true; rrule: string; occurrences: Occurrence[] } | SeriesProblem;

/**
 * The dates a series would create, without saving anything: refuses a rule that is invalid,
 * produces nothing, or more than MAX_OCCURRENCES meetings before `until`.
 */
export function previewSeries(input: SeriesInput): SeriesPreview {
  const rrule = ruleFor(input);
  const check = validateRule(rrule, input.firstDate, input.until);
  if (!check.ok) return problem(check.code, check.message, input.preset);
  try {
    const occurrences = expandSeries(
      { rrule, firstDate: input.firstDate, localStartTime: input.startTime, durationMinutes: input.durationMinutes },
      input.until,
    );
    if (occurrences.length === 0) return problem('empty', 'no occurrences', input.preset);
    return { ok: true, rrule, occurrences };
  } catch (error) {
    if (error instanceof RecurrenceError) return problem(error.code, error.message, input.preset);
    throw error;
  }
}

function placeOf(input: MeetingPlace) {
  return {
    meetingType: input.meetingType,
    address: input.meetingType === 'online' ? null : input.address || null,
    room: input.meetingType === 'online' ? null : input.room || null,
    onlineUrl: input.meetingType === 'in_person' ? null : input.onlineUrl || null,
  };
}

/**
 * Inserts a series' occurrences as meetings. `skipExisting` leaves out an occurrence the series
 * already has (same original start), for the nightly extension that may run twice.
 */
export async function insertOccurrences(
  tx: Executor,
  councilId: string,
  seriesId: string,
  input: Pick<SeriesInput, 'title' | 'publicity'> & MeetingPlace,
  occurrences: Array<{ originalStart: Date; startsAt: Date; endsAt: Date; localDate: string }>,
  options: { skipExisting?: boolean } = {},
): Promise<string[]> {
  if (occurrences.length === 0) return [];
  const termOn = await termPicker(tx, councilId);
  const rows = await tx
    .insert(meetings)
    .values(
      occurrences.map((o) => ({
        councilId,
        seriesId,
        termId: termOn(o.localDate),
        originalStart: o.originalStart,
        title: input.title,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        publicity: input.publicity,
        icsUid: newIcsUid(),
        ...placeOf(input),
      })),
    )
    .onConflictDoNothing(options.skipExisting ? { target: [meetings.seriesId, meetings.originalStart] } : undefined)
    .returning({ id: meetings.id });
  return rows.map((r) => r.id);
}

// A council has a handful of terms: one query, then each occurrence picks its term in memory
// (the latest started term in force on the date, as getCurrentTerm does).
async function termPicker(tx: Executor, councilId: string): Promise<(date: string) => string | null> {
  const rows = await tx
    .select({ id: terms.id, startDate: terms.startDate, endDate: terms.endDate })
    .from(terms)
    .where(eq(terms.councilId, councilId))
    .orderBy(desc(terms.startDate));
  return (date) => rows.find((t) => t.startDate <= date && (t.endDate === null || t.endDate >= date))?.id ?? null;
}

export type CreateSeriesResult = { ok: true; series: MeetingSeries; meetingIds: string[] } | SeriesProblem;

/** Saves a series and materialises its meetings up to `until`, in one transaction. */
export async function createSeries(scope: Scope, actor: AuditActor, input: SeriesInput, now = new Date()): Promise<CreateSeriesResult> {
  const preview = previewSeries(input);
  if (!preview.ok) return preview;
  const upcoming = preview.occurrences.filter((o) => o.start.getTime() >= now.getTime());
  if (upcoming.length === 0) return problem('in_past', 'every occurrence is in the past');
  return getDb().transaction(async (tx) => {
    const [series] = await tx
      .insert(meetingSeries)
      .values({
        councilId: scope.councilId,
        termId: await termIdOn(tx, scope.councilId, input.firstDate),
        title: input.title,
        rrule: preview.rrule,
        firstDate: input.firstDate,
        localStartTime: input.startTime,
        durationMinutes: input.durationMinutes,
        publicity: input.publicity,
        materialisedUntil: input.until,
        ...placeOf(input),
      })
      .returning();
    // Occurrences already past when the series is entered are history the secretary records
    // separately; the series only creates what is still to come.
    const meetingIds = await insertOccurrences(
      tx,
      scope.councilId,
      series!.id,
      input,
      upcoming.map((o) => ({ originalStart: o.originalStart, startsAt: o.start, endsAt: o.end, localDate: o.localDate })),
    );
    await recordAudit(tx, actor, {
      action: 'calendar.series_create',
      entityType: 'meeting_series',
      entityId: series!.id,
      councilId: scope.councilId,
      regionId: scope.regionId,
      changes: { rrule: preview.rrule, firstDate: input.firstDate, until: input.until, meetings: meetingIds.length },
    });
    return { ok: true as const, series: series!, meetingIds };
  });
}

/** A council's series, newest first (for the list page). */
export async function listSeries(councilId: string) {
  return getDb()
    .select({
      id: meetingSeries.id,
      title: meetingSeries.title,
      rrule: meetingSeries.rrule,
      firstDate: meetingSeries.firstDate,
      localStartTime: meetingSeries.localStartTime,
      materialisedUntil: meetingSeries.materialisedUntil,
    })
    .from(meetingSeries)
    .where(eq(meetingSeries.councilId, councilId))
    .orderBy(asc(meetingSeries.firstDate));
}

/** A series of this council with all its meetings in time order; null when unknown. */
export async function getSeries(seriesId: string, councilId: string, db: Executor = getDb()) {
  if (!isUuid(seriesId)) return null;
  const [series] = await db
    .select()
    .from(meetingSeries)
    .where(and(eq(meetingSeries.id, seriesId), eq(meetingSeries.councilId, councilId)));
  if (!series) return null;
  const rows = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.seriesId, seriesId), eq(meetings.councilId, councilId)))
    .orderBy(asc(meetings.startsAt));
  return { series, meetings: rows };
}

/** The series' id and council for a permission check before anything else is read. */
export async function getSeriesCouncilId(seriesId: string): Promise<string | null> {
  if (!isUuid(seriesId)) return null;
  const [row] = await getDb().select({ councilId: meetingSeries.councilId }).from(meetingSeries).where(eq(meetingSeries.id, seriesId));
  return row?.councilId ?? null;
}

export interface SeriesEditRequest {
  scope: SeriesEditScope;
  targetId?: string;
  lockVersion: number;
  input: SeriesInput;
}

export type SeriesEditPreview = { ok: true; plan: SeriesEditPlan; series: MeetingSeries; meetings: Meeting[] } | SeriesProblem;

function changeFrom(series: MeetingSeries, request: SeriesEditRequest): SeriesEditChange | SeriesProblem {
  const { input } = request;
  const change: SeriesEditChange = {};
  let rrule: string;
  try {
    rrule = ruleFor(input);
  } catch (error) {
    if (error instanceof RangeError) return problem('invalid', error.message, input.preset);
    throw error;
  }
  if (rrule !== series.rrule) {
    const check = validateRule(rrule, input.firstDate, input.until);
    if (!check.ok) return problem(check.code, check.message, input.preset);
    change.rrule = rrule;
  }
  if (input.firstDate !== series.firstDate) change.firstDate = input.firstDate;
  if (input.startTime !== series.localStartTime.slice(0, 5)) change.localStartTime = input.startTime;
  if (input.durationMinutes !== series.durationMinutes) change.durationMinutes = input.durationMinutes;
  return change;
}

async function planFor(db: Executor, scope: Scope, seriesId: string, request: SeriesEditRequest, now: Date): Promise<SeriesEditPreview> {
  const found = await getSeries(seriesId, scope.councilId, db);
  if (!found) return problem('not_found', 'no such series');
  const { series } = found;
  if (series.lockVersion !== request.lockVersion) return problem('conflict', 'the series was changed meanwhile');
  const change = changeFrom(series, request);
  if ('ok' in change) return change;
  if (request.targetId && !found.meetings.some((m) => m.id === request.targetId)) {
    return problem('target_not_found', 'not a meeting of this series');
  }
  const result = planSeriesEdit({
    scope: request.scope,
    series: {
      rrule: series.rrule,
      firstDate: series.firstDate,
      localStartTime: series.localStartTime,
      durationMinutes: series.durationMinutes,
    },
    targetId: request.targetId,
    existing: found.meetings.map((m) => ({
      id: m.id,
      originalStart: m.originalStart ?? m.startsAt,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      status: m.status,
      detached: m.detached,
    })),
    change,
    // The doc comment of planSeriesEdit: the horizon is what the series is materialised to
    // (the form's "until", which may extend or shorten it).
    horizon: request.input.until,
    now,
  });
  if (!result.ok) return problem(result.code, result.message, request.input.preset);
  return { ok: true, plan: result.plan, series, meetings: found.meetings };
}

/** What a series edit would do (which meetings change, are created, cancelled, skipped); saves nothing. */
export async function previewSeriesEdit(scope: Scope, seriesId: string, request: SeriesEditRequest, now = new Date()) {
  return planFor(getDb(), scope, seriesId, request, now);
}

export type ApplySeriesEditResult =
  | { ok: true; plan: SeriesEditPlan; seriesId: string; notifyIds: string[]; updated: number; created: number; cancelled: number }
  | SeriesProblem;

/**
 * Applies a series edit in one transaction. The plan is recomputed inside the transaction
 * from what is stored now, so a meeting held since the preview is still left alone.
 * Returns the meetings whose invitees must hear of the change (update or cancellation).
 */
export async function applySeriesEdit(
  scope: Scope,
  actor: AuditActor,
  seriesId: string,
  request: SeriesEditRequest,
  now = new Date(),
): Promise<ApplySeriesEditResult> {
  return getDb().transaction(async (tx) => {
    // Serialise concurrent edits of the same series: the second waits, then sees a new lock_version.
    await tx.execute(sql`select id from meeting_series where id = ${seriesId} and council_id = ${scope.councilId} for update`);
    const planned = await planFor(tx, scope, seriesId, request, now);
    if (!planned.ok) return planned;
    const { plan, series } = planned;
    const { input } = request;
    const byId = new Map(planned.meetings.map((m) => [m.id, m]));
    const place = placeOf(input);
    const common = { title: input.title, publicity: input.publicity, ...place };

    let targetSeriesId = series.id;
    if (plan.scope === 'all') {
      await tx
        .update(meetingSeries)
        .set({
          ...common,
          rrule: plan.series.rrule,
          firstDate: plan.series.firstDate,
          localStartTime: plan.series.localStartTime,
          durationMinutes: plan.series.durationMinutes,
          materialisedUntil: input.until,
          lockVersion: sql`${meetingSeries.lockVersion} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(meetingSeries.id, series.id));
    } else if (plan.scope === 'following' && plan.split) {
      const oldUntil = helsinkiDate(plan.split.oldUntil);
      await tx
        .update(meetingSeries)
        .set({
          rrule: plan.split.oldRrule,
          materialisedUntil: oldUntil < series.materialisedUntil ? oldUntil : series.materialisedUntil,
          lockVersion: sql`${meetingSeries.lockVersion} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(meetingSeries.id, series.id));
      const [created] = await tx
        .insert(meetingSeries)
        .values({
          ...common,
          councilId: scope.councilId,
          termId: await termIdOn(tx, scope.councilId, plan.series.firstDate),
          rrule: plan.series.rrule,
          firstDate: plan.series.firstDate,
          localStartTime: plan.series.localStartTime,
          durationMinutes: plan.series.durationMinutes,
          materialisedUntil: input.until,
        })
        .returning({ id: meetingSeries.id });
      targetSeriesId = created!.id;
    } else {
      await tx
        .update(meetingSeries)
        .set({ lockVersion: sql`${meetingSeries.lockVersion} + 1`, updatedAt: new Date() })
        .where(eq(meetingSeries.id, series.id));
    }

    // Pairing may hand one meeting's original start to another: park the moving ones far
    // away first so the unique (series_id, original_start) never sees a transient clash.
    const moving = plan.update.filter((u) => byId.get(u.id)?.originalStart?.getTime() !== u.originalStart.getTime()).map((u) => u.id);
    if (moving.length > 0) {
      await tx
        .update(meetings)
        .set({ originalStart: sql`${meetings.originalStart} + interval '1000 years'` })
        .where(and(inArray(meetings.id, moving), eq(meetings.councilId, scope.councilId)));
    }

    const notifyIds: string[] = [];
    for (const u of plan.update) {
      const before = byId.get(u.id)!;
      const values = { ...common, startsAt: u.startsAt, endsAt: u.endsAt };
      const changed = changesCalendar(before, values);
      await tx
        .update(meetings)
        .set({
          ...values,
          seriesId: targetSeriesId,
          originalStart: u.originalStart,
          detached: u.detach || before.detached,
          icsSequence: changed ? before.icsSequence + 1 : before.icsSequence,
          lockVersion: sql`${meetings.lockVersion} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(meetings.id, u.id), eq(meetings.councilId, scope.councilId)));
      if (changed && before.status === 'invited') notifyIds.push(u.id);
    }
    if (plan.cancel.length > 0) {
      const ids = plan.cancel.map((c) => c.id);
      await tx
        .update(meetings)
        .set({
          status: 'cancelled',
          icsSequence: sql`${meetings.icsSequence} + 1`,
          lockVersion: sql`${meetings.lockVersion} + 1`,
          updatedAt: new Date(),
        })
        .where(and(inArray(meetings.id, ids), eq(meetings.councilId, scope.councilId)));
      for (const id of ids) if (byId.get(id)?.status === 'invited') notifyIds.push(id);
    }
    const createdIds = await insertOccurrences(tx, scope.councilId, targetSeriesId, { ...input, ...place }, plan.create);
    await recordAudit(tx, actor, {
      action: 'calendar.series_edit',
      entityType: 'meeting_series',
      entityId: series.id,
      councilId: scope.councilId,
      regionId: scope.regionId,
      changes: {
        scope: plan.scope,
        newSeriesId: targetSeriesId !== series.id ? targetSeriesId : null,
        rrule: [series.rrule, plan.series.rrule],
        updated: plan.update.map((u) => u.id),
        created: createdIds,
        cancelled: plan.cancel.map((c) => c.id),
        skipped: plan.skipped,
      },
    });
    return {
      ok: true as const,
      plan,
      seriesId: targetSeriesId,
      notifyIds,
      updated: plan.update.length,
      created: createdIds.length,
      cancelled: plan.cancel.length,
    };
  });
}

/** The form values of a stored series, for the edit form. */
export function seriesFormValues(series: MeetingSeries) {
  return {
    title: series.title,
    firstDate: series.firstDate,
    startTime: series.localStartTime.slice(0, 5),
    durationMinutes: series.durationMinutes,
    until: series.materialisedUntil,
    meetingType: series.meetingType,
    address: series.address ?? '',
    room: series.room ?? '',
    onlineUrl: series.onlineUrl ?? '',
    publicity: series.publicity,
    lockVersion: series.lockVersion,
    rrule: series.rrule,
  };
}


const PROBLEM_KEYS: Record<SeriesProblem['code'], string> = {
  invalid: 'calendar.errors.ruleInvalid',
  empty: 'calendar.errors.ruleEmpty',
  too_many: 'calendar.errors.ruleTooMany',
  in_past: 'calendar.errors.seriesInPast',
  overlap: 'calendar.errors.overlap',
  target_not_found: 'calendar.errors.targetRequired',
  target_locked: 'calendar.errors.targetLocked',
  conflict: 'calendar.errors.conflict',
  not_found: 'calendar.errors.notFound',
};

/** A refusal as `{ field: [message] }` in the visitor's language, for translatedReply. */
export function problemFieldErrors(
  t: TFunction,
  locale: Locale,
  p: SeriesProblem,
  input: { firstDate: string; until: string },
): Record<string, string[]> {
  const message = t(PROBLEM_KEYS[p.code], {
    reason: p.message,
    max: MAX_OCCURRENCES,
    from: formatDate(input.firstDate, locale),
    until: formatDate(input.until, locale),
  });
  return { [p.field]: [message] };
}
