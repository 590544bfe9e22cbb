import { and, asc, eq, inArray, isNull, notExists, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type Executor, type Tx } from '~db/client.server';
import { councils, memberships, organisations, people, regions, terms } from '~db/schema';
import type { Principal } from '~/auth/permissions';
import { recordAudit, diffChanges, type AuditActor } from '~/models/audit.server';

/** "Maija Liisa Virtanen" → given "Maija Liisa", family "Virtanen"; null without two parts. */
export function splitName(full: string): { givenName: string; familyName: string } | null {
  const parts = full.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return null;
  return { givenName: parts.slice(0, -1).join(' '), familyName: parts.at(-1)! };
}

/** A name compared case- and space-insensitively. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');
}

/**
 * Which people a user may see in the register: null = everyone (installation admin), else
 * the councils whose rosters they keep (secretary, or region admin of the council's region).
 */
export async function peopleScopeFor(principal: Principal, db: Executor = getDb()): Promise<string[] | null> {
  if (principal.isAdmin) return null;
  const secretaryOf = [...principal.councilRoles.entries()].filter(([, roles]) => roles.has('secretary')).map(([id]) => id);
  const regionIds = [...principal.regionAdmin];
  const inRegions = regionIds.length
    ? (await db.select({ id: councils.id }).from(councils).where(inArray(councils.regionId, regionIds))).map((r) => r.id)
    : [];
  return [...new Set([...secretaryOf, ...inRegions])];
}

/**
 * People in scope: those who have sat in one of the councils, plus people not (yet) on any
 * roster, who must stay findable so they can be assigned.
 */
function scopeCondition(councilIds: string[] | null): SQL | undefined {
  if (councilIds === null) return undefined;
  const unassigned = notExists(getDb().select({ one: sql`1` }).from(memberships).where(eq(memberships.personId, people.id)));
  if (councilIds.length === 0) return unassigned;
  const inCouncils = sql`exists (select 1 from ${memberships} m join ${terms} t on t.id = m.term_id where m.person_id = ${people.id} and t.council_id in ${councilIds})`;
  return or(unassigned, inCouncils);
}

/** The register with contact details, for the secretariat only. */
export async function listPeople(councilIds: string[] | null, search?: string, db: Executor = getDb()) {
  const conditions: Array<SQL | undefined> = [scopeCondition(councilIds)];
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        sql`${people.givenName} || ' ' || ${people.familyName} ilike ${like}`,
        sql`${organisations.nameFi} ilike ${like}`,
        sql`${people.email} ilike ${like}`,
      ),
    );
  }
  return db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      email: people.email,
      phone: people.phone,
      organisationName: organisations.nameFi,
      lockVersion: people.lockVersion,
    })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(...conditions))
    .orderBy(asc(people.familyName), asc(people.givenName))
    .limit(500);
}

/** Names and organisations only, for choosing a person on a roster form. */
export async function listPeopleForPicker(councilIds: string[] | null, db: Executor = getDb()) {
  return db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, organisationName: organisations.nameFi })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(scopeCondition(councilIds))
    .orderBy(asc(people.familyName), asc(people.givenName))
    .limit(2000);
}

/** Is this person visible to a user with this scope? */
export async function personInScope(personId: string, councilIds: string[] | null, db: Executor = getDb()): Promise<boolean> {
  const [row] = await db.select({ id: people.id }).from(people).where(and(eq(people.id, personId), scopeCondition(councilIds))).limit(1);
  return Boolean(row);
}

/** Organisations whose Finnish or Swedish name matches, in the region or region-less. */
export async function findOrganisationsByName(names: string[], regionId: string, db: Executor = getDb()) {
  const keys = [...new Set(names.map(nameKey))].filter(Boolean);
  if (keys.length === 0) return new Map<string, { id: string; nameFi: string }>();
  const rows = await db
    .select({ id: organisations.id, nameFi: organisations.nameFi, nameSv: organisations.nameSv, regionId: organisations.regionId })
    .from(organisations)
    .where(
      and(
        or(eq(organisations.regionId, regionId), isNull(organisations.regionId)),
        or(inArray(sql`lower(${organisations.nameFi})`, keys), inArray(sql`lower(${organisations.nameSv})`, keys)),
      ),
    );
  const out = new Map<string, { id: string; nameFi: string }>();
  // The region's own organisation wins over a region-less one of the same name.
  for (const r of [...rows].sort((a, b) => (a.regionId ? 0 : 1) - (b.regionId ? 0 : 1))) {
    for (const n of [r.nameFi, r.nameSv]) {
      if (n && keys.includes(nameKey(n)) && !out.has(nameKey(n))) out.set(nameKey(n), { id: r.id, nameFi: r.nameFi });
    }
  }
  return out;
}

/** The organisation of this name in the region, created (and audited) when new. */
export async function findOrCreateOrganisation(tx: Executor, actor: AuditActor, name: string, regionId: string, councilId?: string): Promise<string> {
  const found = (await findOrganisationsByName([name], regionId, tx)).get(nameKey(name));
  if (found) return found.id;
  const [row] = await tx.insert(organisations).values({ nameFi: name.trim().replace(/\s+/g, ' '), kind: 'ngo', regionId }).returning({ id: organisations.id });
  await recordAudit(tx, actor, { action: 'roster.organisation_create', entityType: 'organisation', entityId: row!.id, councilId, regionId, changes: { nameFi: name } });
  return row!.id;
}

export interface PersonMatch {
  id: string;
  name: string;
  organisationName: string | null;
}

/**
 * Likely duplicates of a new person: the same name (ignoring case) and the same
 * organisation, or either side without one.
 */
export async function findLikelyDuplicates(
  input: { givenName: string; familyName: string; organisationId: string | null },
  db: Executor = getDb(),
): Promise<PersonMatch[]> {
  const rows = await db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, organisationId: people.organisationId, organisationName: organisations.nameFi })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(sql`lower(${people.givenName}) = ${nameKey(input.givenName)}`, sql`lower(${people.familyName}) = ${nameKey(input.familyName)}`))
    .limit(10);
  return rows
    .filter((r) => !input.organisationId || !r.organisationId || r.organisationId === input.organisationId)
    .map((r) => ({ id: r.id, name: `${r.givenName} ${r.familyName}`, organisationName: r.organisationName }));
}

export interface NewPersonInput {
  givenName: string;
  familyName: string;
  email?: string | null;
  phone?: string | null;
  organisationId?: string | null;
}

export type PersonRefusal = { ok: false; fieldErrors: Record<string, string[]>; duplicates?: PersonMatch[] };

/** Thrown inside a transaction to roll it back and hand a refusal to the caller (see refusable). */
export class RefusalError<R> extends Error {
  constructor(readonly refusal: R) {
    super('refused');
    this.name = 'RefusalError';
  }
}

/** Run a transaction; a RefusalError thrown inside rolls everything back and is returned. */
export async function refusable<T, R>(work: (tx: Tx) => Promise<T>): Promise<T | R> {
  try {
    return await getDb().transaction(work);
  } catch (error) {
    if (error instanceof RefusalError) return error.refusal as R;
    throw error;
  }
}

/** Refusals a new person may meet: an email already registered, or a likely duplicate. */
export async function checkNewPerson(
  tx: Executor,
  input: NewPersonInput & { confirmDuplicate?: boolean },
  fields: { name: string; email: string } = { name: 'givenName', email: 'email' },
): Promise<PersonRefusal | null> {
  if (input.email) {
    const [taken] = await tx.select({ id: people.id }).from(people).where(eq(people.email, input.email)).limit(1);
    if (taken) return { ok: false, fieldErrors: { [fields.email]: ['roster.errors.emailTaken'] } };
  }
  if (!input.confirmDuplicate) {
    const duplicates = await findLikelyDuplicates({ givenName: input.givenName, familyName: input.familyName, organisationId: input.organisationId ?? null }, tx);
    if (duplicates.length > 0) return { ok: false, fieldErrors: { [fields.name]: ['roster.errors.likelyDuplicate'] }, duplicates };
  }
  return null;
}

/** Insert a person (audited); call checkNewPerson first. */
export async function insertPerson(tx: Executor, actor: AuditActor, input: NewPersonInput, scope: { councilId?: string; regionId?: string } = {}) {
  const [row] = await tx
    .insert(people)
    .values({
      givenName: input.givenName.trim(),
      familyName: input.familyName.trim(),
      email: input.email ?? null,
      phone: input.phone ?? null,
      organisationId: input.organisationId ?? null,
    })
    .returning();
  // Contact details are not copied into the append-only log: it outlives corrections.
  await recordAudit(tx, actor, {
    action: 'roster.person_create',
    entityType: 'person',
    entityId: row!.id,
    councilId: scope.councilId ?? null,
    regionId: scope.regionId ?? null,
    changes: { givenName: row!.givenName, familyName: row!.familyName, organisationId: row!.organisationId, hasEmail: Boolean(row!.email), hasPhone: Boolean(row!.phone) },
  });
  return row!;
}

/** Create a person from the register form: duplicate-checked, one transaction. */
export async function createPerson(
  actor: AuditActor,
  input: NewPersonInput & { organisation?: string; confirmDuplicate?: boolean },
  regionId: string | null,
): Promise<{ ok: true; id: string } | PersonRefusal> {
  return refusable<{ ok: true; id: string }, PersonRefusal>(async (tx) => {
    const organisationId = input.organisation && regionId ? await findOrCreateOrganisation(tx, actor, input.organisation, regionId) : null;
    const refusal = await checkNewPerson(tx, { ...input, organisationId });
    if (refusal) throw new RefusalError(refusal);
    const row = await insertPerson(tx, actor, { ...input, organisationId }, { regionId: regionId ?? undefined });
    return { ok: true as const, id: row.id };
  });
}

/** Update a person's name and contact details, refusing a stale form. */
export async function updatePerson(
  actor: AuditActor,
  input: NewPersonInput & { personId: string; lockVersion: number; organisation?: string },
  councilIds: string[] | null,
  regionId: string | null,
): Promise<{ ok: true } | { ok: false; conflict: true } | { ok: false; notFound: true } | PersonRefusal> {
  return getDb().transaction(async (tx) => {
    if (!(await personInScope(input.personId, councilIds, tx))) return { ok: false as const, notFound: true as const };
    const [before] = await tx.select().from(people).where(eq(people.id, input.personId)).limit(1);
    if (!before) return { ok: false as const, notFound: true as const };
    if (input.email && input.email !== before.email) {
      const [taken] = await tx.select({ id: people.id }).from(people).where(eq(people.email, input.email)).limit(1);
      if (taken) return { ok: false as const, fieldErrors: { email: ['roster.errors.emailTaken'] } };
    }
    const organisationId = input.organisation
      ? regionId
        ? await findOrCreateOrganisation(tx, actor, input.organisation, regionId)
        : ((await findOrganisationByExactName(tx, input.organisation)) ?? before.organisationId)
      : null;
    const after = {
      givenName: input.givenName.trim(),
      familyName: input.familyName.trim(),
      email: input.email ?? null,
      phone: input.phone ?? null,
      organisationId,
    };
    const updated = await tx
      .update(people)
      .set({ ...after, updatedAt: new Date(), lockVersion: sql`${people.lockVersion} + 1` })
      .where(and(eq(people.id, input.personId), eq(people.lockVersion, input.lockVersion)))
      .returning({ id: people.id });
    if (updated.length === 0) return { ok: false as const, conflict: true as const };
    const changes = diffChanges(before, after);
    // Which contact fields changed is recorded, never their values.
    for (const k of ['email', 'phone'] as const) if (changes[k]) changes[k] = ['…', '…'];
    await recordAudit(tx, actor, { action: 'roster.person_update', entityType: 'person', entityId: input.personId, changes });
    return { ok: true as const };
  });
}

async function findOrganisationByExactName(db: Executor, name: string): Promise<string | null> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(sql`lower(${organisations.nameFi}) = ${nameKey(name)}`).limit(1);
  return row?.id ?? null;
}

/** People by email (lower-case), for matching imported rows. */
export async function findPeopleByEmails(emails: string[], db: Executor = getDb()) {
  if (emails.length === 0) return [];
  return db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, email: people.email, organisationId: people.organisationId })
    .from(people)
    .where(inArray(people.email, emails));
}

/** People whose family name is one of these (case-insensitive), for matching by name + organisation. */
export async function findPeopleByFamilyNames(familyNames: string[], db: Executor = getDb()) {
  const keys = [...new Set(familyNames.map(nameKey))];
  if (keys.length === 0) return [];
  return db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, email: people.email, organisationId: people.organisationId })
    .from(people)
    .where(inArray(sql`lower(${people.familyName})`, keys));
}

/** Regions of the councils in scope (all regions for null), for the organisation look-up. */
export async function regionsInScope(councilIds: string[] | null, db: Executor = getDb()) {
  const query = db.selectDistinct({ id: regions.id, nameFi: regions.nameFi, nameSv: regions.nameSv, nameEn: regions.nameEn }).from(regions);
  if (councilIds === null) return query.orderBy(asc(regions.nameFi));
  if (councilIds.length === 0) return [];
  return query.innerJoin(councils, eq(councils.regionId, regions.id)).where(inArray(councils.id, councilIds)).orderBy(asc(regions.nameFi));
}

/** One person with contact details, if in scope. */
export async function getPersonInScope(personId: string, councilIds: string[] | null, db: Executor = getDb()) {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return null;
  const [row] = await db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, email: people.email, phone: people.phone, organisationName: organisations.nameFi, lockVersion: people.lockVersion })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(eq(people.id, personId), scopeCondition(councilIds)))
    .limit(1);
  return row ?? null;
}
