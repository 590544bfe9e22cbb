import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Executor } from '~db/client.server';
import { categories, councils, memberships, organisations, people, termExtraSeats, terms, users, type MembershipRole, type Term } from '~db/schema';
import { todayInHelsinki } from '~/lib/dates';
import { diffChanges, recordAudit, type AuditActor } from '~/models/audit.server';
import { getTermForCouncil, isUuid, listTerms } from '~/models/councils.server';
import { parseCsv } from '~/lib/csv';
import {
  checkNewPerson,
  findOrCreateOrganisation,
  findOrganisationsByName,
  findPeopleByEmails,
  findPeopleByFamilyNames,
  insertPerson,
  nameKey,
  RefusalError,
  refusable,
  splitName,
  type PersonMatch,
} from '~/models/people.server';
import type { AssignInput, EndInput, SeatPlanInput } from '~/validation/roster';

import { SEAT_ROLES } from '~db/schema/constants';
import { isSlug } from '~/lib/http/params';

/** A refusal from a roster write: translation keys by field, or a stale form. */
export type Refusal = { ok: false; fieldErrors?: Record<string, string[]>; formErrors?: string[]; duplicates?: PersonMatch[]; conflict?: true };
const refuse = (field: string, key: string): Refusal => ({ ok: false, fieldErrors: { [field]: [key] } });

/** 'YYYY-MM-DD' plus n days (calendar arithmetic, no time zone involved). */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const FOREVER = '9999-12-31';
/** Do two date ranges (inclusive, null end = open) share a day? */
export function rangesOverlap(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return aStart <= (bEnd ?? FOREVER) && bStart <= (aEnd ?? FOREVER);
}

/** Lock a term of this council for the rest of the transaction, so roster checks cannot race. */
async function lockTerm(tx: Executor, councilId: string, termId: string): Promise<Term | null> {
  if (!isUuid(termId)) return null;
  const [term] = await tx.select().from(terms).where(and(eq(terms.id, termId), eq(terms.councilId, councilId))).for('update');
  return term ?? null;
}

// ---------------------------------------------------------------------------------------------
// Seat plan and terms

/** A term's categories and seats outside categories. */
export async function getSeatPlan(termId: string, db: Executor = getDb()) {
  const [cats, extra, used] = await Promise.all([
    db.select().from(categories).where(eq(categories.termId, termId)).orderBy(asc(categories.position)),
    db.select().from(termExtraSeats).where(eq(termExtraSeats.termId, termId)),
    db
      .select({ categoryId: memberships.categoryId, n: sql<number>`count(*)::int` })
      .from(memberships)
      .where(eq(memberships.termId, termId))
      .groupBy(memberships.categoryId),
  ]);
  const usedBy = new Map(used.map((u) => [u.categoryId, u.n]));
  return { categories: cats.map((c) => ({ ...c, membershipCount: usedBy.get(c.id) ?? 0 })), extra };
}

export interface TermValues {
  name: string;
  startDate: string;
  endDate?: string;
  endNote?: string;
}

/**
 * Start a term, optionally copying another term's seat plan and (optionally) the people in
 * force at its end: each copied membership starts on the new term's first day.
 */
export async function createTerm(
  actor: AuditActor,
  scope: { councilId: string; regionId: string },
  input: TermValues & { copyFromTermId?: string; copyPeople?: boolean },
): Promise<{ ok: true; id: string } | Refusal> {
  return getDb().transaction(async (tx) => {
    const { councilId } = scope;
    const [taken] = await tx.select({ id: terms.id }).from(terms).where(and(eq(terms.councilId, councilId), eq(terms.name, input.name))).limit(1);
    if (taken) return refuse('name', 'roster.errors.termNameTaken');
    const source = input.copyFromTermId ? await getTermForCouncil(councilId, input.copyFromTermId, tx) : null;
    if (input.copyFromTermId && !source) return refuse('copyFromTermId', 'roster.errors.unknownTerm');
    const [term] = await tx
      .insert(terms)
      .values({ councilId, name: input.name, startDate: input.startDate, endDate: input.endDate ?? null, endNote: input.endNote ?? null })
      .returning();
    const copied = { categories: 0, extraSeats: 0, memberships: 0 };
    if (source) {
      const plan = await getSeatPlan(source.id, tx);
      const categoryMap = new Map<string, string>();
      if (plan.categories.length > 0) {
        const inserted = await tx
          .insert(categories)
          .values(plan.categories.map((c) => ({ termId: term!.id, position: c.position, nameFi: c.nameFi, nameSv: c.nameSv, nameEn: c.nameEn, memberSeats: c.memberSeats, deputySeats: c.deputySeats })))
          .returning({ id: categories.id, position: categories.position });
        for (const c of plan.categories) categoryMap.set(c.id, inserted.find((i) => i.position === c.position)!.id);
      }
      if (plan.extra.length > 0) {
        await tx.insert(termExtraSeats).values(plan.extra.map((e) => ({ termId: term!.id, role: e.role, memberSeats: e.memberSeats, deputySeats: e.deputySeats })));
      }
      copied.categories = plan.categories.length;
      copied.extraSeats = plan.extra.length;
      if (input.copyPeople) copied.memberships = await copyPeople(tx, source, term!, categoryMap);
    }
    await recordAudit(tx, actor, {
      action: 'roster.term_create',
      entityType: 'term',
      entityId: term!.id,
      councilId,
      regionId: scope.regionId,
      changes: { name: term!.name, startDate: term!.startDate, endDate: term!.endDate, copiedFrom: source?.id ?? null, copied },
    });
    return { ok: true as const, id: term!.id };
  });
}

/** Copy the memberships in force on the source term's last day (or the day before the new one). */
async function copyPeople(tx: Executor, source: Term, target: Term, categoryMap: Map<string, string>): Promise<number> {
  const lastDay = source.endDate ?? addDays(target.startDate, -1);
  const rows = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.termId, source.id), lte(memberships.startDate, lastDay), or(isNull(memberships.endDate), gte(memberships.endDate, lastDay))));
  const idMap = new Map<string, string>();
  const values = (m: (typeof rows)[number]) => ({
    termId: target.id,
    personId: m.personId,
    role: m.role,
    categoryId: m.categoryId ? (categoryMap.get(m.categoryId) ?? null) : null,
    seatNumber: m.seatNumber,
    organisationId: m.organisationId,
    affiliation: m.affiliation,
    startDate: target.startDate,
  });
  const principals = rows.filter((m) => m.role !== 'deputy');
  if (principals.length > 0) {
    const inserted = await tx.insert(memberships).values(principals.map(values)).returning({ id: memberships.id });
    principals.forEach((m, i) => idMap.set(m.id, inserted[i]!.id));
  }
  const deputies = rows.filter((m) => m.role === 'deputy');
  if (deputies.length > 0) {
    await tx.insert(memberships).values(deputies.map((m) => ({ ...values(m), principalId: m.principalId ? (idMap.get(m.principalId) ?? null) : null })));
  }
  return rows.length;
}

/** Rename or re-date a term, refusing a stale form. */
export async function updateTerm(
  actor: AuditActor,
  scope: { councilId: string; regionId: string },
  termId: string,
  input: TermValues & { lockVersion: number },
): Promise<{ ok: true } | Refusal> {
  return getDb().transaction(async (tx) => {
    const before = await lockTerm(tx, scope.councilId, termId);
    if (!before) return { ok: false as const, conflict: true as const };
    const [taken] = await tx
      .select({ id: terms.id })
      .from(terms)
      .where(and(eq(terms.councilId, scope.councilId), eq(terms.name, input.name), sql`${terms.id} <> ${termId}`))
      .limit(1);
    if (taken) return refuse('name', 'roster.errors.termNameTaken');
    const after = { name: input.name, startDate: input.startDate, endDate: input.endDate ?? null, endNote: input.endNote ?? null };
    const updated = await tx
      .update(terms)
      .set({ ...after, updatedAt: new Date(), lockVersion: sql`${terms.lockVersion} + 1` })
      .where(and(eq(terms.id, termId), eq(terms.lockVersion, input.lockVersion)))
      .returning({ id: terms.id });
    if (updated.length === 0) return { ok: false as const, conflict: true as const };
    await recordAudit(tx, actor, { action: 'roster.term_update', entityType: 'term', entityId: termId, councilId: scope.councilId, regionId: scope.regionId, changes: diffChanges(before, after) });
    return { ok: true as const };
  });
}

/**
 * Save a term's whole seat plan: categories in the given order (renamed, re-counted, removed
 * when no membership uses them, new ones appended) and the seats outside categories.
 */
export async function saveSeatPlan(
  actor: AuditActor,
  scope: { councilId: string; regionId: string },
  termId: string,
  plan: SeatPlanInput,
): Promise<{ ok: true } | Refusal> {
  return getDb().transaction(async (tx) => {
    const term = await lockTerm(tx, scope.councilId, termId);
    if (!term) return { ok: false as const, conflict: true as const };
    const before = await getSeatPlan(termId, tx);
    const existing = new Map(before.categories.map((c) => [c.id, c]));
    const fieldErrors: Record<string, string[]> = {};
    // Categories not sent at all stay as they are (only an explicit remove deletes) and keep their names.
    // A category changed since the form was read (by anyone) makes the whole plan form stale.
    if (plan.categories.some((c) => c.id && existing.has(c.id) && existing.get(c.id)!.lockVersion !== c.lockVersion)) {
      return { ok: false as const, conflict: true as const };
    }
    const sentIds = new Set(plan.categories.map((c) => c.id).filter(Boolean));
    const unsent = before.categories.filter((c) => !sentIds.has(c.id));
    const seen = new Map<string, string>(unsent.map((c) => [c.nameFi.toLocaleLowerCase('fi'), c.nameFi]));
    const kept: Array<{ id?: string; nameFi: string; nameSv: string | null; nameEn: string | null; memberSeats: number; deputySeats: number }> = [];
    plan.categories.forEach((c, i) => {
      const current = c.id ? existing.get(c.id) : undefined;
      if (c.id && !current) {
        fieldErrors[`categories[${i}].nameFi`] = ['roster.errors.unknownCategory'];
        return;
      }
      if (c.remove) {
        if (current && current.membershipCount > 0) fieldErrors[`categories[${i}].remove`] = ['roster.errors.categoryInUse'];
        return;
      }
      const key = c.nameFi.toLocaleLowerCase('fi');
      if (seen.has(key)) fieldErrors[`categories[${i}].nameFi`] = ['roster.errors.duplicateCategory'];
      seen.set(key, c.nameFi);
      kept.push({ id: c.id, nameFi: c.nameFi, nameSv: c.nameSv ?? null, nameEn: c.nameEn ?? null, memberSeats: c.memberSeats, deputySeats: c.deputySeats });
    });
    for (const line of (plan.newCategories ?? '').split(/\r?\n/)) {
      const name = line.trim().replace(/\s+/g, ' ');
      if (!name) continue;
      if (name.length > 200) fieldErrors.newCategories = ['roster.errors.tooLong'];
      const key = name.toLocaleLowerCase('fi');
      if (seen.has(key)) fieldErrors.newCategories = ['roster.errors.duplicateCategory'];
      seen.set(key, name);
      kept.push({ nameFi: name, nameSv: null, nameEn: null, memberSeats: plan.newMemberSeats, deputySeats: plan.newDeputySeats });
    }
    if (Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors };

    const removedIds = plan.categories.filter((c) => c.remove && c.id).map((c) => c.id!);
    if (removedIds.length > 0) await tx.delete(categories).where(and(eq(categories.termId, termId), inArray(categories.id, removedIds)));
    // Positions are unique per term: park the survivors out of the way, then number them 1..n.
    await tx.update(categories).set({ position: sql`${categories.position} + 10000` }).where(eq(categories.termId, termId));
    const ordered = [...kept, ...unsent.map((c) => ({ id: c.id, nameFi: c.nameFi, nameSv: c.nameSv, nameEn: c.nameEn, memberSeats: c.memberSeats, deputySeats: c.deputySeats }))];
    for (const [i, c] of ordered.entries()) {
      const values = { position: i + 1, nameFi: c.nameFi, nameSv: c.nameSv, nameEn: c.nameEn, memberSeats: c.memberSeats, deputySeats: c.deputySeats, updatedAt: new Date() };
      if (c.id) {
        await tx
          .update(categories)
          .set({ ...values, lockVersion: sql`${categories.lockVersion} + 1` })
          .where(and(eq(categories.id, c.id), eq(categories.termId, termId)));
      }
      else await tx.insert(categories).values({ ...values, termId });
    }
    for (const e of plan.extra) {
      if (e.memberSeats === 0 && e.deputySeats === 0) {
        await tx.delete(termExtraSeats).where(and(eq(termExtraSeats.termId, termId), eq(termExtraSeats.role, e.role)));
      } else {
        await tx
          .insert(termExtraSeats)
          .values({ termId, role: e.role, memberSeats: e.memberSeats, deputySeats: e.deputySeats })
          .onConflictDoUpdate({ target: [termExtraSeats.termId, termExtraSeats.role], set: { memberSeats: e.memberSeats, deputySeats: e.deputySeats } });
      }
    }
    const summary = (p: { categories: Array<{ nameFi: string; memberSeats: number; deputySeats: number }>; extra: Array<{ role: string; memberSeats: number; deputySeats: number }> }) => ({
      categories: p.categories.map((c) => `${c.nameFi} ${c.memberSeats}+${c.deputySeats}`),
      extra: p.extra.map((e) => `${e.role} ${e.memberSeats}+${e.deputySeats}`),
    });
    const after = await getSeatPlan(termId, tx);
    await recordAudit(tx, actor, {
      action: 'roster.plan_update',
      entityType: 'term',
      entityId: termId,
      councilId: scope.councilId,
      regionId: scope.regionId,
      changes: diffChanges(summary(before), summary(after)),
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Memberships

const principalPeople = alias(people, 'principal_people');
const principalMemberships = alias(memberships, 'principal_memberships');

/** Every membership of a term, ended ones included, with names (no contact details). */
export async function listTermMemberships(termId: string, db: Executor = getDb()) {
  const rows = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      categoryId: memberships.categoryId,
      categoryName: categories.nameFi,
      seatNumber: memberships.seatNumber,
      personId: memberships.personId,
      givenName: people.givenName,
      familyName: people.familyName,
      organisationName: organisations.nameFi,
      affiliation: memberships.affiliation,
      principalId: memberships.principalId,
      principalGivenName: principalPeople.givenName,
      principalFamilyName: principalPeople.familyName,
      succeedsId: memberships.succeedsId,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      endReason: memberships.endReason,
      endNote: memberships.endNote,
      lockVersion: memberships.lockVersion,
      // The person's sign-in account, if any (the roster offers an invitation to those without).
      accountId: users.id,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(users, eq(users.personId, memberships.personId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(categories, eq(categories.id, memberships.categoryId))
    .leftJoin(principalMemberships, eq(principalMemberships.id, memberships.principalId))
    .leftJoin(principalPeople, eq(principalPeople.id, principalMemberships.personId))
    .where(eq(memberships.termId, termId))
    .orderBy(asc(categories.position), asc(memberships.role), asc(memberships.seatNumber), asc(memberships.startDate), asc(people.familyName));
  return rows.map(({ givenName, familyName, principalGivenName, principalFamilyName, ...r }) => ({
    ...r,
    personName: `${givenName} ${familyName}`,
    principalName: principalGivenName ? `${principalGivenName} ${principalFamilyName}` : null,
  }));
}
export type TermMembership = Awaited<ReturnType<typeof listTermMemberships>>[number];

/** Chairs, vice-chairs and secretaries of every term, with dates: "who chaired in 2024". */
export async function listOfficerHistory(councilId: string, db: Executor = getDb()) {
  const rows = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      termName: terms.name,
      givenName: people.givenName,
      familyName: people.familyName,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      termEndDate: terms.endDate,
    })
    .from(memberships)
    .innerJoin(terms, eq(terms.id, memberships.termId))
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(terms.councilId, councilId), inArray(memberships.role, ['chair', 'vice_chair', 'secretary'])))
    .orderBy(desc(memberships.startDate), asc(memberships.role));
  return rows.map(({ givenName, familyName, ...r }) => ({ ...r, personName: `${givenName} ${familyName}`, endDate: r.endDate ?? r.termEndDate }));
}

interface SeatCandidate {
  id?: string;
  personId: string;
  role: MembershipRole;
  categoryId: string | null;
  seatNumber: number | null;
  principalId: string | null;
  startDate: string;
  endDate: string | null;
}

/**
 * The overlap rules: one holder per numbered seat at a time, one personal deputy per member
 * at a time, and nobody twice in the same role and category at once.
 */
export function findOverlap(existing: readonly SeatCandidate[], c: SeatCandidate): { field: 'seatNumber' | 'principalId' | 'personId'; key: string } | null {
  const others = existing.filter((m) => m.id !== c.id && rangesOverlap(m.startDate, m.endDate, c.startDate, c.endDate));
  if (SEAT_ROLES.includes(c.role) && c.seatNumber !== null) {
    if (others.some((m) => m.role === c.role && m.categoryId === c.categoryId && m.seatNumber === c.seatNumber)) {
      return { field: 'seatNumber', key: 'roster.errors.seatTaken' };
    }
  }
  if (c.role === 'deputy' && c.principalId && others.some((m) => m.role === 'deputy' && m.principalId === c.principalId)) {
    return { field: 'principalId', key: 'roster.errors.principalHasDeputy' };
  }
  if (others.some((m) => m.personId === c.personId && m.role === c.role && m.categoryId === c.categoryId)) {
    return { field: 'personId', key: 'roster.errors.alreadyInRole' };
  }
  return null;
}

/** The lowest seat number free throughout the range in this role and category. */
export function nextFreeSeat(existing: readonly SeatCandidate[], role: MembershipRole, categoryId: string | null, startDate: string, endDate: string | null, reserved: readonly number[] = []): number {
  const taken = new Set([
    ...reserved,
    ...existing
      .filter((m) => m.role === role && m.categoryId === categoryId && m.seatNumber !== null && rangesOverlap(m.startDate, m.endDate, startDate, endDate))
      .map((m) => m.seatNumber!),
  ]);
  let n = 1;
  while (taken.has(n)) n++;
  return n;
}

async function termSeats(tx: Executor, termId: string): Promise<Array<SeatCandidate & { id: string; lockVersion: number; organisationId: string | null; affiliation: 'professional' | 'volunteer' | null }>> {
  return tx
    .select({
      id: memberships.id,
      personId: memberships.personId,
      role: memberships.role,
      categoryId: memberships.categoryId,
      seatNumber: memberships.seatNumber,
      principalId: memberships.principalId,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      lockVersion: memberships.lockVersion,
      organisationId: memberships.organisationId,
      affiliation: memberships.affiliation,
    })
    .from(memberships)
    .where(eq(memberships.termId, termId));
}

/** Resolve an existing person or create a new one (duplicate-checked) inside the transaction. */
async function resolvePerson(
  tx: Executor,
  actor: AuditActor,
  scope: { councilId: string; regionId: string },
  input: { personId?: string; givenName?: string; familyName?: string; email?: string; organisationId: string | null; confirmDuplicate?: boolean },
  fields: { person: string; name: string; email: string },
): Promise<{ ok: true; personId: string } | Refusal> {
  if (input.personId) {
    const [found] = await tx.select({ id: people.id }).from(people).where(eq(people.id, input.personId)).limit(1);
    return found ? { ok: true, personId: found.id } : refuse(fields.person, 'roster.errors.unknownPerson');
  }
  const newPerson = { givenName: input.givenName!, familyName: input.familyName!, email: input.email ?? null, organisationId: input.organisationId, confirmDuplicate: input.confirmDuplicate };
  const problem = await checkNewPerson(tx, newPerson, { name: fields.name, email: fields.email });
  if (problem) return problem;
  const person = await insertPerson(tx, actor, newPerson, scope);
  return { ok: true, personId: person.id };
}

/**
 * Put a person on a term's roster in a role (seat, officer role, personal deputy), refusing
 * overlaps and a principal from another term with a message at the field.
 */
export async function assignMembership(
  actor: AuditActor,
  scope: { councilId: string; regionId: string },
  input: AssignInput,
): Promise<{ ok: true; id: string } | Refusal> {
  return refusable<{ ok: true; id: string } | Refusal, Refusal>(async (tx) => {
    const term = await lockTerm(tx, scope.councilId, input.termId);
    if (!term) return refuse('termId', 'roster.errors.unknownTerm');
    const existing = await termSeats(tx, term.id);
    let categoryId = input.categoryId ?? null;
    if (categoryId) {
      const [cat] = await tx.select({ id: categories.id }).from(categories).where(and(eq(categories.id, categoryId), eq(categories.termId, term.id))).limit(1);
      if (!cat) return refuse('categoryId', 'roster.errors.unknownCategory');
    }
    let principal: (typeof existing)[number] | null = null;
    if (input.principalId) {
      principal = existing.find((m) => m.id === input.principalId) ?? null;
      if (!principal) {
        // Distinguish "in another term" (a rule the issue names) from "no such membership".
        const [elsewhere] = await tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.id, input.principalId)).limit(1);
        return refuse('principalId', elsewhere ? 'roster.errors.principalOtherTerm' : 'roster.errors.unknownPrincipal');
      }
      if (!SEAT_ROLES.includes(principal.role)) return refuse('principalId', 'roster.errors.principalNotMember');
      if (categoryId && principal.categoryId !== categoryId) return refuse('categoryId', 'roster.errors.deputyCategoryMismatch');
      categoryId = principal.categoryId;
    }
    const organisationId = input.organisation ? await findOrCreateOrganisation(tx, actor, input.organisation, scope.regionId, scope.councilId) : null;
    const person = await resolvePerson(tx, actor, scope, { ...input, organisationId }, { person: 'personId', name: 'givenName', email: 'email' });
    // Throwing undoes an organisation created above.
    if (!person.ok) throw new RefusalError(person);
    const candidate: SeatCandidate = {
      personId: person.personId,
      role: input.role,
      categoryId,
      seatNumber: input.seatNumber ?? null,
      principalId: principal?.id ?? null,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
    };
    const overlap = findOverlap(existing, candidate);
    if (overlap) throw new RefusalError(refuse(overlap.field, overlap.key));
    if (SEAT_ROLES.includes(input.role) && candidate.seatNumber === null) {
      candidate.seatNumber = nextFreeSeat(existing, input.role, categoryId, candidate.startDate, candidate.endDate);
    }
    const [row] = await tx
      .insert(memberships)
      .values({ ...candidate, termId: term.id, organisationId, affiliation: input.affiliation ?? null })
      .returning();
    await recordAudit(tx, actor, {
      action: 'roster.membership_create',
      entityType: 'membership',
      entityId: row!.id,
      councilId: scope.councilId,
      regionId: scope.regionId,
      changes: { termId: term.id, personId: row!.personId, role: row!.role, categoryId: row!.categoryId, seatNumber: row!.seatNumber, principalId: row!.principalId, organisationId, startDate: row!.startDate, endDate: row!.endDate },
    });
    return { ok: true as const, id: row!.id };
  });
}

/**
 * End a membership mid-term (date and reason), optionally appoint a successor to the same
 * seat (starting the next day or a chosen date, succeeds_id set) and re-point the ended
 * member's personal deputies to the successor. Every old row stays; new rows are added.
 */
export async function endMembership(
  actor: AuditActor,
  scope: { councilId: string; regionId: string },
  input: EndInput,
): Promise<{ ok: true; successorId: string | null; repointed: number } | Refusal> {
  return refusable<{ ok: true; successorId: string | null; repointed: number } | Refusal, Refusal>(async (tx) => {
    const [found] = await tx
      .select({ termId: memberships.termId })
      .from(memberships)
      .innerJoin(terms, eq(terms.id, memberships.termId))
      .where(and(eq(memberships.id, input.membershipId), eq(terms.councilId, scope.councilId)))
      .limit(1);
    if (!found) return refuse('membershipId', 'roster.errors.unknownMembership');
    const term = await lockTerm(tx, scope.councilId, found.termId);
    if (!term) return refuse('membershipId', 'roster.errors.unknownMembership');
    const existing = await termSeats(tx, term.id);
    const ended = existing.find((m) => m.id === input.membershipId)!;
    if (ended.lockVersion !== input.lockVersion) return { ok: false as const, conflict: true as const };
    if (ended.endDate !== null) return { ok: false as const, formErrors: ['roster.errors.alreadyEnded'] };
    if (input.endDate < ended.startDate) return refuse('endDate', 'roster.errors.endBeforeStart');
    const wantsSuccessor = Boolean(input.successorPersonId || (input.successorGivenName && input.successorFamilyName));
    if (input.repointDeputies && !wantsSuccessor) return refuse('repointDeputies', 'roster.errors.repointNeedsSuccessor');

    const updated = await tx
      .update(memberships)
      .set({ endDate: input.endDate, endReason: input.endReason, endNote: input.endNote ?? null, updatedAt: new Date(), lockVersion: sql`${memberships.lockVersion} + 1` })
      .where(and(eq(memberships.id, ended.id), eq(memberships.lockVersion, input.lockVersion)))
      .returning({ id: memberships.id });
    if (updated.length === 0) return { ok: false as const, conflict: true as const };
    await recordAudit(tx, actor, {
      action: 'roster.membership_end',
      entityType: 'membership',
      entityId: ended.id,
      councilId: scope.councilId,
      regionId: scope.regionId,
      changes: { endDate: [null, input.endDate], endReason: [null, input.endReason], endNote: [null, input.endNote ?? null] },
    });
    ended.endDate = input.endDate;

    let successorId: string | null = null;
    let repointed = 0;
    if (wantsSuccessor) {
      const startDate = input.successorStartDate ?? addDays(input.endDate, 1);
      const organisationId = input.successorOrganisation
        ? await findOrCreateOrganisation(tx, actor, input.successorOrganisation, scope.regionId, scope.councilId)
        : ended.organisationId;
      const person = await resolvePerson(
        tx,
        actor,
        scope,
        { personId: input.successorPersonId, givenName: input.successorGivenName, familyName: input.successorFamilyName, email: input.successorEmail, organisationId, confirmDuplicate: input.confirmDuplicate },
        { person: 'successorPersonId', name: 'successorGivenName', email: 'successorEmail' },
      );
      // Throwing undoes the ending above: nothing is saved halfway.
      if (!person.ok) throw new RefusalError(person);
      const successor: SeatCandidate = { personId: person.personId, role: ended.role, categoryId: ended.categoryId, seatNumber: ended.seatNumber, principalId: ended.principalId, startDate, endDate: null };
      const overlap = findOverlap(existing, successor);
      if (overlap) throw new RefusalError(refuse(overlap.field === 'personId' ? 'successorPersonId' : 'successorStartDate', overlap.key));
      const [row] = await tx
        .insert(memberships)
        .values({ ...successor, termId: term.id, organisationId, affiliation: ended.affiliation, succeedsId: ended.id })
        .returning({ id: memberships.id });
      successorId = row!.id;
      await recordAudit(tx, actor, {
        action: 'roster.membership_create',
        entityType: 'membership',
        entityId: successorId,
        councilId: scope.councilId,
        regionId: scope.regionId,
        changes: { succeedsId: ended.id, personId: person.personId, role: ended.role, categoryId: ended.categoryId, seatNumber: ended.seatNumber, startDate },
      });
      if (input.repointDeputies) {
        const deputies = existing.filter((m) => m.role === 'deputy' && m.principalId === ended.id && (m.endDate === null || m.endDate >= startDate) && m.startDate < startDate);
        for (const d of deputies) {
          const dayBefore = addDays(startDate, -1);
          await tx
            .update(memberships)
            .set({ endDate: dayBefore, endReason: 'other', updatedAt: new Date(), lockVersion: sql`${memberships.lockVersion} + 1` })
            .where(eq(memberships.id, d.id));
          const [again] = await tx
            .insert(memberships)
            .values({ termId: term.id, personId: d.personId, role: 'deputy', categoryId: d.categoryId, seatNumber: d.seatNumber, organisationId: d.organisationId, affiliation: d.affiliation, principalId: successorId, succeedsId: d.id, startDate, endDate: d.endDate })
            .returning({ id: memberships.id });
          await recordAudit(tx, actor, {
            action: 'roster.deputy_repoint',
            entityType: 'membership',
            entityId: again!.id,
            councilId: scope.councilId,
            regionId: scope.regionId,
            changes: { endedMembershipId: d.id, endDate: dayBefore, principalId: [ended.id, successorId] },
          });
          repointed++;
        }
      }
    }
    return { ok: true as const, successorId, repointed };
  });
}

// ---------------------------------------------------------------------------------------------
// Export and the public API

/** The memberships in force on a date, as export rows (the import format plus dates). */
export async function exportRoster(termId: string, onDate: string, db: Executor = getDb()) {
  const rows = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      categoryName: categories.nameFi,
      categoryPosition: categories.position,
      seatNumber: memberships.seatNumber,
      givenName: people.givenName,
      familyName: people.familyName,
      email: people.email,
      organisationName: organisations.nameFi,
      affiliation: memberships.affiliation,
      principalId: memberships.principalId,
      principalGivenName: principalPeople.givenName,
      principalFamilyName: principalPeople.familyName,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(categories, eq(categories.id, memberships.categoryId))
    .leftJoin(principalMemberships, eq(principalMemberships.id, memberships.principalId))
    .leftJoin(principalPeople, eq(principalPeople.id, principalMemberships.personId))
    .where(and(eq(memberships.termId, termId), lte(memberships.startDate, onDate), or(isNull(memberships.endDate), gte(memberships.endDate, onDate))))
    .orderBy(sql`${categories.position} nulls last`, asc(memberships.role), asc(memberships.seatNumber), asc(people.familyName));
  // Principals before their deputies keeps the file readable and importable top to bottom.
  return rows.map(({ givenName, familyName, principalGivenName, principalFamilyName, ...r }) => ({
    ...r,
    name: `${givenName} ${familyName}`,
    deputyOf: principalGivenName ? `${principalGivenName} ${principalFamilyName}` : null,
  }));
}

/** A term's memberships for the public API: names, roles, organisations, never contact details. */
export async function listPublicMemberships(termId: string, onDate?: string, db: Executor = getDb()) {
  const conditions = [eq(memberships.termId, termId)];
  if (onDate) conditions.push(lte(memberships.startDate, onDate), or(isNull(memberships.endDate), gte(memberships.endDate, onDate))!);
  const rows = await db
    .select({
      id: memberships.id,
      givenName: people.givenName,
      familyName: people.familyName,
      role: memberships.role,
      category: categories.nameFi,
      onBehalfOf: organisations.nameFi,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      deputyOf: memberships.principalId,
      seat: memberships.seatNumber,
      affiliation: memberships.affiliation,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(categories, eq(categories.id, memberships.categoryId))
    .where(and(...conditions))
    .orderBy(sql`${categories.position} nulls last`, asc(memberships.role), asc(memberships.seatNumber), asc(memberships.startDate), asc(people.familyName));
  return rows.map(({ givenName, familyName, ...r }) => ({ ...r, personName: `${givenName} ${familyName}` }));
}

/** The council a term belongs to, with its publicity (for the public term page and API). */
export async function getTermWithCouncil(slug: string, termId: string, db: Executor = getDb()) {
  if (!isUuid(termId) || !isSlug(slug)) return null;
  const [row] = await db
    .select({ term: terms, councilId: councils.id, publicityDefault: councils.publicityDefault })
    .from(terms)
    .innerJoin(councils, eq(councils.id, terms.councilId))
    .where(and(eq(terms.id, termId), eq(councils.slug, slug)))
    .limit(1);
  return row ?? null;
}

/** The date a term's roster is shown as of: today for a running term, else its last day. */
export function rosterDateFor(term: { startDate: string; endDate: string | null }, today = todayInHelsinki()): string {
  if (term.endDate && term.endDate < today) return term.endDate;
  if (term.startDate > today) return term.startDate;
  return today;
}

// ---------------------------------------------------------------------------------------------
// CSV import: preview every row's problems, then save all or nothing

export const IMPORT_REQUIRED_COLUMNS = ['category', 'role', 'name', 'organisation', 'email', 'deputy_of'] as const;
export const IMPORT_OPTIONAL_COLUMNS = ['seat', 'start_date', 'affiliation', 'end_date'] as const;
const IMPORT_COLUMNS: readonly string[] = [...IMPORT_REQUIRED_COLUMNS, ...IMPORT_OPTIONAL_COLUMNS];

/** Role words accepted in the role column: the codes, Finnish and Swedish. */
const ROLE_WORDS: Record<string, MembershipRole> = {};
const roleWords: Record<MembershipRole, string[]> = {
  member: ['member', 'jäsen', 'varsinainen jäsen', 'varsinainen', 'ledamot', 'ordinarie ledamot'],
  deputy: ['deputy', 'varajäsen', 'varaedustaja', 'ersättare', 'suppleant'],
  chair: ['chair', 'puheenjohtaja', 'pj', 'ordförande'],
  vice_chair: ['vice_chair', 'vice-chair', 'vice chair', 'varapuheenjohtaja', 'vpj', 'vice ordförande', 'viceordförande'],
  secretary: ['secretary', 'sihteeri', 'sekreterare'],
  elected_official: ['elected_official', 'elected official', 'luottamushenkilö', 'luottamushenkilöjäsen', 'förtroendevald'],
  county_representative: ['county_representative', 'county representative', 'hyvinvointialueen edustaja', 'hva:n edustaja', 'hyvinvointialue', 'välfärdsområdets representant'],
  municipality_representative: ['municipality_representative', 'municipality representative', 'kunnan edustaja', 'kaupungin edustaja', 'kunta', 'kommunens representant'],
  invited_expert: ['invited_expert', 'invited expert', 'asiantuntija', 'pysyvä asiantuntija', 'kutsuttu asiantuntija', 'sakkunnig'],
};
for (const [role, words] of Object.entries(roleWords) as Array<[MembershipRole, string[]]>) for (const w of words) ROLE_WORDS[w] = role;

const AFFILIATION_WORDS: Record<string, 'professional' | 'volunteer'> = {
  professional: 'professional',
  ammattilainen: 'professional',
  järjestöammattilainen: 'professional',
  työntekijä: 'professional',
  anställd: 'professional',
  volunteer: 'volunteer',
  vapaaehtoinen: 'volunteer',
  järjestövapaaehtoinen: 'volunteer',
  frivillig: 'volunteer',
};

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');

/** The role a role cell names (code, Finnish or Swedish word), or null. */
export function parseRoleWord(value: string): MembershipRole | null {
  return ROLE_WORDS[norm(value)] ?? null;
}

/** 'YYYY-MM-DD' or Finnish 'd.m.yyyy' to ISO; null when it is not a real date. */
export function parseDateCell(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const fi = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : fi ? [fi[3], fi[2], fi[1]] : [];
  if (!y || !m || !d) return null;
  const out = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${out}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === out ? out : null;
}

export interface ImportProblem {
  column: string;
  /** Translation key; params fill it in. */
  key: string;
  params?: Record<string, string | number>;
}

export interface ImportRowPreview {
  row: number;
  values: Record<string, string>;
  role: MembershipRole | null;
  personName: string;
  /** 'existing': matched in the register (by email, else name + organisation). */
  person: 'existing' | 'new' | null;
  /** The first row naming the same person, when it is not this one. */
  sameAsRow: number | null;
  organisation: 'existing' | 'new' | null;
  category: 'existing' | 'new' | null;
  deputyOfRow: number | null;
  problems: ImportProblem[];
}

export interface ImportPreview {
  ok: boolean;
  termId: string;
  fileProblems: Array<ImportProblem & { row: number }>;
  rows: ImportRowPreview[];
  newCategories: Array<{ name: string; memberSeats: number; deputySeats: number }>;
  counts: { rows: number; rowsWithProblems: number; newPeople: number; existingPeople: number; newOrganisations: number; memberships: number };
}

interface Analysis extends ImportPreview {
  plan: {
    categoryByRow: Map<number, string | null>;
    orgByRow: Map<number, string | null>;
    /** Existing organisations by name key; new ones are added at commit. */
    orgIdByName: Map<string, string>;
    newOrgNames: string[];
    clusterByRow: Map<number, number>;
    clusters: Array<{ firstRow: number; givenName: string; familyName: string; email: string | null; orgName: string | null; existingId: string | null }>;
    principalByRow: Map<number, { row: number } | { membershipId: string }>;
    startByRow: Map<number, string>;
    endByRow: Map<number, string | null>;
    seatByRow: Map<number, number | null>;
    affiliationByRow: Map<number, 'professional' | 'volunteer' | null>;
    roleByRow: Map<number, MembershipRole>;
  };
}

/** Analyse a roster CSV against a term without writing anything; constant query count. */
async function analyseImport(db: Executor, term: Term, regionId: string, csvText: string): Promise<Analysis> {
  const parsed = parseCsv(csvText);
  const fileProblems: ImportPreview['fileProblems'] = parsed.errors.map((e) => ({ row: e.row, column: '', key: 'roster.import.errors.malformed', params: { message: e.message } }));
  for (const col of IMPORT_REQUIRED_COLUMNS) {
    if (!parsed.header.includes(col)) fileProblems.push({ row: 1, column: col, key: 'roster.import.errors.missingColumn', params: { column: col } });
  }
  for (const col of parsed.header) {
    if (col && !IMPORT_COLUMNS.includes(col)) fileProblems.push({ row: 1, column: col, key: 'roster.import.errors.unknownColumn', params: { column: col, allowed: IMPORT_COLUMNS.join(', ') } });
  }
  if (parsed.rows.length === 0) fileProblems.push({ row: 1, column: '', key: 'roster.import.errors.noRows' });

  const [termCats, existing] = await Promise.all([
    db.select().from(categories).where(eq(categories.termId, term.id)).orderBy(asc(categories.position)),
    db
      .select({
        id: memberships.id,
        personId: memberships.personId,
        role: memberships.role,
        categoryId: memberships.categoryId,
        seatNumber: memberships.seatNumber,
        principalId: memberships.principalId,
        startDate: memberships.startDate,
        endDate: memberships.endDate,
        givenName: people.givenName,
        familyName: people.familyName,
      })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(eq(memberships.termId, term.id)),
  ]);
  const get = (v: Record<string, string>, k: string) => (v[k] ?? '').trim();
  const emails = [...new Set(parsed.rows.map((r) => get(r.values, 'email').toLowerCase()).filter(Boolean))];
  const names = parsed.rows.map((r) => get(r.values, 'name'));
  const familyNames = names.map((n) => n.split(/\s+/).at(-1) ?? '').filter(Boolean);
  const orgNames = [...new Set(parsed.rows.map((r) => get(r.values, 'organisation')).filter(Boolean))];
  const [orgs, byEmail, byFamily] = await Promise.all([
    findOrganisationsByName(orgNames, regionId, db),
    findPeopleByEmails(emails, db),
    findPeopleByFamilyNames(familyNames, db),
  ]);

  const hasCategories = termCats.length > 0;
  const catByName = new Map<string, string>();
  for (const c of termCats) for (const n of [c.nameFi, c.nameSv, c.nameEn]) if (n) catByName.set(norm(n), c.id);
  const knownCategories = termCats.map((c) => c.nameFi).join(', ');

  const rows: ImportRowPreview[] = [];
  const plan: Analysis['plan'] = {
    categoryByRow: new Map(),
    orgByRow: new Map(),
    orgIdByName: new Map([...orgs.entries()].map(([k, v]) => [k, v.id])),
    newOrgNames: orgNames.filter((n) => !orgs.has(nameKey(n))),
    clusterByRow: new Map(),
    clusters: [],
    principalByRow: new Map(),
    startByRow: new Map(),
    endByRow: new Map(),
    seatByRow: new Map(),
    affiliationByRow: new Map(),
    roleByRow: new Map(),
  };
  const newCategoryOrder: string[] = [];
  const newCategoryCounts = new Map<string, { name: string; memberSeats: number; deputySeats: number }>();

  // Pass 1: each row on its own.
  for (const { row, values, raw } of parsed.rows) {
    const problems: ImportProblem[] = [];
    const p: ImportRowPreview = { row, values, role: null, personName: get(values, 'name'), person: null, sameAsRow: null, organisation: null, category: null, deputyOfRow: null, problems };
    rows.push(p);
    // A cell a spreadsheet would run as a formula (=, +, -, @) is refused, whatever its column. A cell
    // protected with a leading apostrophe (as our exports write them) is text and is accepted.
    for (const [column, value] of Object.entries(raw)) {
      if (/^[=+\-@]/.test(value.trim())) problems.push({ column, key: 'ws.import.formulaCell', params: { value: value.trim().slice(0, 40) } });
    }
    const roleCell = get(values, 'role');
    p.role = roleCell ? parseRoleWord(roleCell) : null;
    if (!roleCell) problems.push({ column: 'role', key: 'roster.import.errors.required' });
    else if (!p.role) problems.push({ column: 'role', key: 'roster.import.errors.unknownRole', params: { value: roleCell } });
    if (p.role) plan.roleByRow.set(row, p.role);

    const name = get(values, 'name');
    if (!name) problems.push({ column: 'name', key: 'roster.import.errors.required' });
    else if (!splitName(name)) problems.push({ column: 'name', key: 'roster.import.errors.fullName' });
    else if (name.length > 200) problems.push({ column: 'name', key: 'roster.import.errors.tooLong' });

    const email = get(values, 'email').toLowerCase();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push({ column: 'email', key: 'roster.import.errors.badEmail' });

    const org = get(values, 'organisation');
    if (org.length > 200) problems.push({ column: 'organisation', key: 'roster.import.errors.tooLong' });
    p.organisation = org ? (orgs.has(nameKey(org)) ? 'existing' : 'new') : null;
    plan.orgByRow.set(row, org ? (orgs.get(nameKey(org))?.id ?? null) : null);

    const cat = get(values, 'category');
    const seatRole = p.role !== null && (p.role === 'member' || p.role === 'deputy');
    if (cat && p.role && !seatRole) problems.push({ column: 'category', key: 'roster.import.errors.categoryOnlyForMembers' });
    else if (cat && hasCategories) {
      const id = catByName.get(norm(cat));
      if (!id) problems.push({ column: 'category', key: 'roster.import.errors.unknownCategory', params: { value: cat, known: knownCategories } });
      else {
        p.category = 'existing';
        plan.categoryByRow.set(row, id);
      }
    } else if (cat) {
      p.category = 'new';
      if (cat.length > 200) problems.push({ column: 'category', key: 'roster.import.errors.tooLong' });
      const key = norm(cat);
      if (!newCategoryCounts.has(key)) {
        newCategoryOrder.push(key);
        newCategoryCounts.set(key, { name: cat.replace(/\s+/g, ' '), memberSeats: 0, deputySeats: 0 });
      }
    }

    const seat = get(values, 'seat');
    if (seat && !/^[1-9][0-9]?$/.test(seat)) problems.push({ column: 'seat', key: 'roster.import.errors.badSeat' });
    else if (seat && p.role && !SEAT_ROLES.includes(p.role)) problems.push({ column: 'seat', key: 'roster.import.errors.seatOnlyForSeats' });
    plan.seatByRow.set(row, seat && /^[1-9][0-9]?$/.test(seat) ? Number(seat) : null);

    const start = get(values, 'start_date');
    const startIso = start ? parseDateCell(start) : term.startDate;
    if (!startIso) problems.push({ column: 'start_date', key: 'roster.import.errors.badDate', params: { value: start } });
    else if (term.endDate && startIso > term.endDate) problems.push({ column: 'start_date', key: 'roster.import.errors.afterTerm' });
    plan.startByRow.set(row, startIso ?? term.startDate);
    const end = get(values, 'end_date');
    const endIso = end ? parseDateCell(end) : null;
    if (end && !endIso) problems.push({ column: 'end_date', key: 'roster.import.errors.badDate', params: { value: end } });
    else if (endIso && startIso && endIso < startIso) problems.push({ column: 'end_date', key: 'roster.import.errors.endBeforeStart' });
    plan.endByRow.set(row, endIso);

    const aff = get(values, 'affiliation');
    const affValue = aff ? (AFFILIATION_WORDS[norm(aff)] ?? null) : null;
    if (aff && !affValue) problems.push({ column: 'affiliation', key: 'roster.import.errors.badAffiliation', params: { value: aff } });
    plan.affiliationByRow.set(row, affValue);

    const deputyOf = get(values, 'deputy_of');
    if (deputyOf && p.role && p.role !== 'deputy') problems.push({ column: 'deputy_of', key: 'roster.import.errors.deputyOfOnlyForDeputy' });
  }

  // Pass 2: who is who. Rows of the same name are one person when their emails agree, or their
  // organisations agree, or a bare name leaves only one candidate.
  const clustersByName = new Map<string, number[]>();
  const clusterOrg = new Map<number, string | null>();
  for (const p of rows) {
    const split = splitName(p.personName);
    if (!split) continue;
    const nk = nameKey(p.personName);
    const email = get(p.values, 'email').toLowerCase() || null;
    const org = get(p.values, 'organisation') || null;
    const group = clustersByName.get(nk) ?? [];
    let index: number | undefined;
    if (email) index = group.find((i) => plan.clusters[i]!.email === email) ?? group.find((i) => !plan.clusters[i]!.email && org !== null && clusterOrg.get(i) === nameKey(org));
    else if (org) index = group.find((i) => clusterOrg.get(i) === nameKey(org));
    else if (group.length === 1) index = group[0];
    else if (group.length > 1) p.problems.push({ column: 'name', key: 'roster.import.errors.ambiguousName', params: { rows: group.map((i) => plan.clusters[i]!.firstRow).join(', ') } });
    if (index === undefined) {
      index = plan.clusters.length;
      plan.clusters.push({ firstRow: p.row, ...split, email, orgName: org, existingId: null });
      clusterOrg.set(index, org ? nameKey(org) : null);
      clustersByName.set(nk, [...group, index]);
    } else {
      const c = plan.clusters[index]!;
      if (!c.email && email) c.email = email;
      if (!c.orgName && org) {
        c.orgName = org;
        clusterOrg.set(index, nameKey(org));
      }
      p.sameAsRow = c.firstRow;
    }
    plan.clusterByRow.set(p.row, index);
  }
  // One email, one person.
  const emailOwner = new Map<string, number>();
  for (const [i, c] of plan.clusters.entries()) {
    if (!c.email) continue;
    const other = emailOwner.get(c.email);
    if (other !== undefined) {
      rows.find((r) => r.row === c.firstRow)!.problems.push({ column: 'email', key: 'roster.import.errors.emailTwice', params: { row: plan.clusters[other]!.firstRow } });
    } else emailOwner.set(c.email, i);
  }
  // Match the register: by email, else by name + organisation.
  for (const c of plan.clusters) {
    const first = rows.find((r) => r.row === c.firstRow)!;
    const emailMatch = c.email ? byEmail.find((p) => p.email === c.email) : undefined;
    if (emailMatch) {
      c.existingId = emailMatch.id;
      continue;
    }
    const orgId = c.orgName ? (orgs.get(nameKey(c.orgName))?.id ?? null) : null;
    if (c.orgName && !orgId) continue; // a new organisation: nobody in the register belongs to it yet
    const sameName = byFamily.filter((p) => nameKey(`${p.givenName} ${p.familyName}`) === nameKey(`${c.givenName} ${c.familyName}`) && p.organisationId === orgId);
    if (sameName.length === 1) c.existingId = sameName[0]!.id;
    else if (sameName.length > 1) first.problems.push({ column: 'name', key: 'roster.import.errors.ambiguousPerson', params: { count: sameName.length } });
    if (c.email && c.existingId) {
      const registered = byFamily.find((p) => p.id === c.existingId);
      if (registered?.email && registered.email !== c.email) first.problems.push({ column: 'email', key: 'roster.import.errors.emailDiffers' });
    }
  }
  for (const p of rows) {
    const ci = plan.clusterByRow.get(p.row);
    if (ci !== undefined) p.person = plan.clusters[ci]!.existingId ? 'existing' : 'new';
  }

  // Pass 3: deputies' principals, categories and the overlap rules.
  const seatRows = rows.filter((r) => r.role && SEAT_ROLES.includes(r.role));
  const existingSeats = existing.filter((m) => SEAT_ROLES.includes(m.role));
  const categoryKey = (r: ImportRowPreview) => {
    const id = plan.categoryByRow.get(r.row);
    if (id) return id;
    const cat = get(r.values, 'category');
    return cat ? `new:${norm(cat)}` : null;
  };
  for (const p of rows) {
    const deputyOf = get(p.values, 'deputy_of');
    if (p.role !== 'deputy' || !deputyOf) continue;
    let candidates = seatRows.filter((r) => nameKey(r.personName) === nameKey(deputyOf));
    if (candidates.length > 1 && get(p.values, 'category')) candidates = candidates.filter((r) => categoryKey(r) === categoryKey(p));
    // Rows naming the same person (a duplicate row is reported on its own) are one principal.
    candidates = candidates.filter((r, i) => candidates.findIndex((o) => plan.clusterByRow.get(o.row) === plan.clusterByRow.get(r.row) && o.role === r.role) === i);
    if (candidates.length > 1) {
      p.problems.push({ column: 'deputy_of', key: 'roster.import.errors.ambiguousPrincipal', params: { rows: candidates.map((c) => c.row).join(', ') } });
      continue;
    }
    if (candidates.length === 1) {
      const principal = candidates[0]!;
      p.deputyOfRow = principal.row;
      plan.principalByRow.set(p.row, { row: principal.row });
      const own = get(p.values, 'category');
      if (!own) {
        const inherited = plan.categoryByRow.get(principal.row);
        if (inherited) plan.categoryByRow.set(p.row, inherited);
        else if (get(principal.values, 'category')) p.values = { ...p.values, category: get(principal.values, 'category') };
      } else if (categoryKey(principal) !== categoryKey(p)) {
        p.problems.push({ column: 'category', key: 'roster.import.errors.deputyCategoryMismatch', params: { row: principal.row } });
      }
      continue;
    }
    const start = plan.startByRow.get(p.row)!;
    const inTerm = existingSeats.filter((m) => nameKey(`${m.givenName} ${m.familyName}`) === nameKey(deputyOf) && rangesOverlap(m.startDate, m.endDate, start, null));
    if (inTerm.length === 1) {
      plan.principalByRow.set(p.row, { membershipId: inTerm[0]!.id });
      if (!get(p.values, 'category') && inTerm[0]!.categoryId) plan.categoryByRow.set(p.row, inTerm[0]!.categoryId);
      else if (plan.categoryByRow.get(p.row) && plan.categoryByRow.get(p.row) !== inTerm[0]!.categoryId) {
        p.problems.push({ column: 'category', key: 'roster.import.errors.deputyCategoryMismatchExisting' });
      }
    } else if (inTerm.length > 1) p.problems.push({ column: 'deputy_of', key: 'roster.import.errors.ambiguousPrincipal', params: { rows: '–' } });
    else p.problems.push({ column: 'deputy_of', key: 'roster.import.errors.principalNotFound', params: { value: deputyOf } });
  }

  // Overlaps: within the file and against the term's memberships.
  const seenRole = new Map<string, number>();
  const seenSeat = new Map<string, number>();
  const seenPrincipal = new Map<string, number>();
  for (const p of rows) {
    if (!p.role) continue;
    const ci = plan.clusterByRow.get(p.row);
    const cat = categoryKey(p) ?? '-';
    const start = plan.startByRow.get(p.row)!;
    const end = plan.endByRow.get(p.row) ?? null;
    if (ci !== undefined) {
      const k = `${ci}|${p.role}|${cat}`;
      const earlier = seenRole.get(k);
      if (earlier !== undefined) p.problems.push({ column: 'name', key: 'roster.import.errors.duplicateRow', params: { row: earlier } });
      else seenRole.set(k, p.row);
      const existingId = plan.clusters[ci]!.existingId;
      const catId = plan.categoryByRow.get(p.row) ?? null;
      if (existingId && existing.some((m) => m.personId === existingId && m.role === p.role && m.categoryId === catId && rangesOverlap(m.startDate, m.endDate, start, end))) {
        p.problems.push({ column: 'name', key: 'roster.import.errors.alreadyInRoster' });
      }
    }
    const seat = plan.seatByRow.get(p.row);
    if (seat && SEAT_ROLES.includes(p.role)) {
      const k = `${p.role}|${cat}|${seat}`;
      const earlier = seenSeat.get(k);
      if (earlier !== undefined) p.problems.push({ column: 'seat', key: 'roster.import.errors.seatTwice', params: { row: earlier } });
      else seenSeat.set(k, p.row);
      const catId = plan.categoryByRow.get(p.row) ?? null;
      if (existing.some((m) => m.role === p.role && m.categoryId === catId && m.seatNumber === seat && rangesOverlap(m.startDate, m.endDate, start, end))) {
        p.problems.push({ column: 'seat', key: 'roster.import.errors.seatTaken' });
      }
    }
    const principal = plan.principalByRow.get(p.row);
    if (principal) {
      const k = 'row' in principal ? `row:${principal.row}` : `m:${principal.membershipId}`;
      const earlier = seenPrincipal.get(k);
      if (earlier !== undefined) p.problems.push({ column: 'deputy_of', key: 'roster.import.errors.principalHasDeputyRow', params: { row: earlier } });
      else seenPrincipal.set(k, p.row);
      if ('membershipId' in principal && existing.some((m) => m.role === 'deputy' && m.principalId === principal.membershipId && rangesOverlap(m.startDate, m.endDate, start, end))) {
        p.problems.push({ column: 'deputy_of', key: 'roster.import.errors.principalHasDeputy' });
      }
    }
  }

  // Seat counts of new categories, after deputies have inherited their principal's category.
  if (!hasCategories) {
    for (const p of rows) {
      const counts = newCategoryCounts.get(norm(get(p.values, 'category')));
      if (counts && p.role === 'member') counts.memberSeats++;
      if (counts && p.role === 'deputy') counts.deputySeats++;
    }
  }
  const rowsWithProblems = rows.filter((r) => r.problems.length > 0).length;
  const newPeople = plan.clusters.filter((c) => !c.existingId).length;
  return {
    ok: fileProblems.length === 0 && rowsWithProblems === 0,
    termId: term.id,
    fileProblems,
    rows,
    newCategories: hasCategories ? [] : newCategoryOrder.map((k) => newCategoryCounts.get(k)!),
    counts: {
      rows: rows.length,
      rowsWithProblems,
      newPeople,
      existingPeople: plan.clusters.length - newPeople,
      newOrganisations: plan.newOrgNames.length,
      memberships: rows.length,
    },
    plan,
  };
}

const strip = ({ plan: _plan, ...preview }: Analysis): ImportPreview => preview;

/** Check a roster CSV against a term and describe every row, saving nothing. */
export async function previewImport(scope: { councilId: string; regionId: string }, termId: string, csvText: string): Promise<ImportPreview | null> {
  const term = await getTermForCouncil(scope.councilId, termId);
  if (!term) return null;
  return strip(await analyseImport(getDb(), term, scope.regionId, csvText));
}

/**
 * Import a roster CSV into a term: the analysis runs again inside the transaction, and if any
 * row has a problem nothing is saved. Creates the categories (when the term had none),
 * organisations, people and memberships, principals before their deputies.
 */
export async function commitImport(
  actor: AuditActor,
  scope: { councilId: string; regionId: string },
  termId: string,
  csvText: string,
): Promise<{ ok: true; preview: ImportPreview; created: number } | { ok: false; preview: ImportPreview | null }> {
  return getDb().transaction(async (tx) => {
    const term = await lockTerm(tx, scope.councilId, termId);
    if (!term) return { ok: false as const, preview: null };
    const analysis = await analyseImport(tx, term, scope.regionId, csvText);
    if (!analysis.ok) return { ok: false as const, preview: strip(analysis) };
    const { plan } = analysis;

    const newCategoryIds = new Map<string, string>();
    if (analysis.newCategories.length > 0) {
      const inserted = await tx
        .insert(categories)
        .values(analysis.newCategories.map((c, i) => ({ termId: term.id, position: i + 1, nameFi: c.name, memberSeats: c.memberSeats, deputySeats: c.deputySeats })))
        .returning({ id: categories.id, nameFi: categories.nameFi });
      for (const c of inserted) newCategoryIds.set(norm(c.nameFi), c.id);
    }
    const categoryOf = (r: ImportRowPreview): string | null => {
      const known = plan.categoryByRow.get(r.row);
      if (known) return known;
      const cat = (r.values.category ?? '').trim();
      return cat ? (newCategoryIds.get(norm(cat)) ?? null) : null;
    };

    for (const name of plan.newOrgNames) plan.orgIdByName.set(nameKey(name), await findOrCreateOrganisation(tx, actor, name, scope.regionId, scope.councilId));
    const orgOf = (name: string | null | undefined) => (name && name.trim() ? (plan.orgIdByName.get(nameKey(name)) ?? null) : null);

    const newClusters = plan.clusters.filter((c) => !c.existingId);
    const createdPeople = newClusters.length
      ? await tx
          .insert(people)
          .values(newClusters.map((c) => ({ givenName: c.givenName, familyName: c.familyName, email: c.email, organisationId: orgOf(c.orgName) })))
          .returning({ id: people.id })
      : [];
    newClusters.forEach((c, i) => (c.existingId = createdPeople[i]!.id));
    const personIds = plan.clusters.map((c) => c.existingId!);

    const existing = await termSeats(tx, term.id);
    const membershipIdByRow = new Map<number, string>();
    const reserved = new Map<string, number[]>();
    for (const r of analysis.rows) {
      const seat = plan.seatByRow.get(r.row);
      if (seat) reserved.set(`${r.role}|${categoryOf(r)}`, [...(reserved.get(`${r.role}|${categoryOf(r)}`) ?? []), seat]);
    }
    const valuesFor = (r: ImportRowPreview, principalId: string | null) => {
      const role = plan.roleByRow.get(r.row)!;
      const categoryId = categoryOf(r);
      const startDate = plan.startByRow.get(r.row)!;
      const endDate = plan.endByRow.get(r.row) ?? null;
      let seatNumber = plan.seatByRow.get(r.row) ?? null;
      if (SEAT_ROLES.includes(role) && seatNumber === null) {
        const key = `${role}|${categoryId}`;
        seatNumber = nextFreeSeat(existing, role, categoryId, startDate, endDate, reserved.get(key) ?? []);
        reserved.set(key, [...(reserved.get(key) ?? []), seatNumber]);
      }
      return {
        termId: term.id,
        personId: personIds[plan.clusterByRow.get(r.row)!]!,
        role,
        categoryId,
        seatNumber,
        organisationId: orgOf(r.values.organisation),
        affiliation: plan.affiliationByRow.get(r.row) ?? null,
        principalId,
        startDate,
        endDate,
      };
    };
    // Principals first (one statement), then deputies pointing at them (a second one).
    const principalRows = analysis.rows.filter((x) => plan.roleByRow.get(x.row) !== 'deputy');
    const deputyRows = analysis.rows.filter((x) => plan.roleByRow.get(x.row) === 'deputy');
    if (principalRows.length > 0) {
      const inserted = await tx.insert(memberships).values(principalRows.map((r) => valuesFor(r, null))).returning({ id: memberships.id });
      principalRows.forEach((r, i) => membershipIdByRow.set(r.row, inserted[i]!.id));
    }
    if (deputyRows.length > 0) {
      const values = deputyRows.map((r) => {
        const principal = plan.principalByRow.get(r.row);
        return valuesFor(r, principal ? ('row' in principal ? membershipIdByRow.get(principal.row)! : principal.membershipId) : null);
      });
      const inserted = await tx.insert(memberships).values(values).returning({ id: memberships.id });
      deputyRows.forEach((r, i) => membershipIdByRow.set(r.row, inserted[i]!.id));
    }
    await recordAudit(tx, actor, {
      action: 'roster.import',
      entityType: 'term',
      entityId: term.id,
      councilId: scope.councilId,
      regionId: scope.regionId,
      changes: {
        rows: analysis.rows.length,
        categoriesCreated: analysis.newCategories.map((c) => c.name),
        organisationsCreated: plan.newOrgNames,
        peopleCreated: createdPeople.map((p) => p.id),
        membershipIds: [...membershipIdByRow.values()],
      },
    });
    return { ok: true as const, preview: strip(analysis), created: membershipIdByRow.size };
  });
}

/**
 * The term (given id, else the current one, else the newest) and its roster on a date for an
 * export; exporting contact details is audited. Null when there is no such term.
 */
export async function loadExport(actor: AuditActor, scope: { councilId: string; regionId: string }, termId: string | null, onParam: string | null, format: 'csv' | 'json') {
  let term = termId ? await getTermForCouncil(scope.councilId, termId) : null;
  if (!termId) {
    const all = await listTerms(scope.councilId);
    const pick = all.find((x) => x.current) ?? all[0];
    term = pick ? await getTermForCouncil(scope.councilId, pick.id) : null;
  }
  if (!term) return null;
  const on = onParam && parseDateCell(onParam) ? parseDateCell(onParam)! : rosterDateFor(term);
  const rows = await exportRoster(term.id, on);
  await recordAudit(getDb(), actor, { action: 'roster.export', entityType: 'term', entityId: term.id, councilId: scope.councilId, regionId: scope.regionId, changes: { format, on, rows: rows.length } });
  return { term, on, rows };
}
