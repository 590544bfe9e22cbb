/**
 * Demo data: all 22 regions with their cooperation structures, and the six reference
 * councils of DOMAIN.md with rosters, meetings, agendas, minutes, an action plan and
 * statements. Everything is built in memory first (ids are generated here, so rows can
 * point at each other without reading anything back), then written in one transaction with
 * a few dozen multi-row inserts.
 *
 * The calendar is fixed: meetings up to mid-November 2026 are held, later ones planned.
 * `now` only dates what happens "today" (invitations sent, accounts and grants created).
 */
import { seedFees } from './fees';
import { seedPlans } from './plans';
import { seedRecords } from './records';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { getTableColumns, inArray, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../client.server';
import {
  actionPlans,
  agendaItems,
  agendaTemplateItems,
  attendance,
  categories,
  councils,
  cycleMilestones,
  decisions,
  meetingInvitees,
  meetings,
  memberships,
  minutes,
  minutesCheckers,
  minutesVersions,
  organisations,
  people,
  planActionLinks,
  planActions,
  planGoals,
  regions,
  roleGrants,
  statements,
  statementSteps,
  termExtraSeats,
  terms,
  users,
} from '../schema/index';
import { type SeedCouncil, type SeedRegion, seedRegions } from '../seed-data/regions';
import { NameGenerator, Rng, emailFor, phoneFor } from './names';
import {
  PIRKANMAA_MEMBER_KEY,
  PIRKANMAA_SECRETARY_KEY,
  REGION_ORG,
  type OrgRef,
  type RefChange,
  type RefCouncil,
  type RefItem,
  type RefMeeting,
  type RefSeat,
  type RefTerm,
  referenceCouncils,
} from './reference-councils';

export const DEFAULT_DEMO_PASSWORD = 'neuvos-demo-2026';

export interface DemoAccount {
  email: string;
  role: 'admin' | 'secretary' | 'member';
  description: string;
}

/** The demo sign-in accounts; all share the demo password. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@neuvos.example', role: 'admin', description: 'Administrator of the whole installation (pääkäyttäjä)' },
  {
    email: 'sihteeri@neuvos.example',
    role: 'secretary',
    description: 'Secretary of the Pirkanmaa NGO cooperation group (järjestöyhteistyöryhmän sihteeri)',
  },
  {
    email: 'jasen@neuvos.example',
    role: 'member',
    description: 'Member of the Pirkanmaa NGO cooperation group (järjestöyhteistyöryhmän jäsen)',
  },
];

export interface SeedSummary {
  regions: number;
  councils: number;
  organisations: number;
  people: number;
  memberships: number;
  meetings: number;
  agendaItems: number;
  minutes: number;
  statements: number;
  users: number;
  /** Emails of the demo accounts (see DEMO_ACCOUNTS). */
  demoAccounts: string[];
}

const TIME_ZONE = 'Europe/Helsinki';
const PIRKANMAA_SLUG = 'pirkanmaa-jarjestoyhteistyoryhma';
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// Small helpers

type Insert<T extends PgTable> = T['$inferInsert'] & { id: string };

function parseIsoDate(value: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new RangeError(`Not an ISO date: ${value}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** A Europe/Helsinki wall-clock time as an instant. */
function helsinki(date: string, time: string): Date {
  const [y, mo, d] = parseIsoDate(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!t) throw new RangeError(`Not a time: ${time}`);
  return new Date(new TZDate(y, mo - 1, d, Number(t[1]), Number(t[2]), 0, TIME_ZONE).getTime());
}

/** "13.05" as Finnish minutes write the clock. */
function clock(instant: Date): string {
  const local = new TZDate(instant.getTime(), TIME_ZONE);
  return `${local.getHours()}.${String(local.getMinutes()).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = parseIsoDate(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function active(start: string, end: string | null, date: string): boolean {
  return start <= date && (end === null || date <= end);
}

function tokenHash(): string {
  return createHash('sha256').update(randomBytes(32)).digest('hex');
}

function orgLanguage(ref: OrgRef | null): 'fi' | 'sv' {
  return ref && typeof ref === 'object' && ref.swedish ? 'sv' : 'fi';
}

function regionGenitive(region: SeedRegion): string {
  return region.nameFi.replace(/ hyvinvointialue$/, '').replace(/ kaupunki$/, '');
}

const GENERIC_NGO_SUFFIXES = [
  'Muistiyhdistys ry',
  'Omaishoitajat ry',
  'Mielenterveysseura ry',
  'Nuorisoverkosto ry',
  'Vammaisjärjestöjen Yhteistyö ry',
  'Kyläyhdistysten Liitto ry',
  'Sydänyhdistys ry',
  'Päihdetyön Tuki ry',
  'Järjestöverkosto ry',
];

const OPENING_ITEMS = [
  {
    key: 'opening',
    fi: 'Kokouksen avaus',
    sv: 'Mötets öppnande',
    proposal: 'Puheenjohtaja avaa kokouksen.',
    proposalSv: 'Ordföranden öppnar mötet.',
  },
  {
    key: 'legality',
    fi: 'Laillisuus ja päätösvaltaisuus',
    sv: 'Laglighet och beslutförhet',
    proposal: 'Todetaan kokous laillisesti koolle kutsutuksi ja päätösvaltaiseksi.',
    proposalSv: 'Mötet konstateras vara lagligen sammankallat och beslutfört.',
  },
  {
    key: 'minutes_checkers',
    fi: 'Pöytäkirjantarkastajien valinta',
    sv: 'Val av protokolljusterare',
    proposal: 'Valitaan kaksi pöytäkirjantarkastajaa.',
    proposalSv: 'Två protokolljusterare väljs.',
  },
  {
    key: 'agenda',
    fi: 'Esityslistan hyväksyminen',
    sv: 'Godkännande av föredragningslistan',
    proposal: 'Hyväksytään esityslista kokouksen työjärjestykseksi.',
    proposalSv: 'Föredragningslistan godkänns som arbetsordning för mötet.',
  },
] as const;

/** The standard opening items; a council that keeps memos has them checked as memos. */
function openingItems(ref: RefCouncil) {
  return OPENING_ITEMS.map((item) =>
    item.key === 'minutes_checkers' && ref.minutesKind === 'memo'
      ? {
          ...item,
          fi: 'Muistion tarkastajien valinta',
          sv: 'Val av justerare av promemorian',
          proposal: 'Valitaan kaksi muistion tarkastajaa.',
          proposalSv: 'Två justerare av promemorian väljs.',
        }
      : item,
  );
}

const CLOSING_ITEMS = [
  { key: 'other_business', fi: 'Muut asiat', sv: 'Övriga ärenden', proposal: 'Käsitellään muut mahdolliset asiat.', proposalSv: 'Eventuella övriga ärenden behandlas.' },
  { key: 'closing', fi: 'Kokouksen päättäminen', sv: 'Mötets avslutande', proposal: 'Puheenjohtaja päättää kokouksen.', proposalSv: 'Ordföranden avslutar mötet.' },
] as const;

// ---------------------------------------------------------------------------------------------
// In-memory model of what gets inserted

interface PersonInfo {
  id: string;
  fullName: string;
}

interface Holding {
  membershipId: string;
  personId: string;
  start: string;
  end: string | null;
  deputies: Holding[];
}

interface OfficerHolding {
  role: 'chair' | 'vice_chair' | 'secretary';
  membershipId: string;
  personId: string;
  personKey: string;
  start: string;
  end: string | null;
}

interface BuiltTerm {
  id: string;
  start: string;
  end: string | null;
  /** Voting seats (members, elected officials, representatives) and their successors. */
  seats: Holding[];
  officers: OfficerHolding[];
  experts: Holding[];
  /** Current 'member' membership per person key, for action-plan owners. */
  memberByKey: Map<string, string>;
}

interface RegionCtx {
  id: string;
  seed: SeedRegion;
  orgId: string;
}

class DemoBuilder {
  private readonly names = new NameGenerator(new Rng(20_261_123));
  private readonly rng = new Rng(113);
  private readonly now: Date;

  readonly regionRows: Insert<typeof regions>[] = [];
  readonly orgRows: Insert<typeof organisations>[] = [];
  readonly councilRows: Insert<typeof councils>[] = [];
  readonly termRows: Insert<typeof terms>[] = [];
  readonly categoryRows: Insert<typeof categories>[] = [];
  readonly extraSeatRows: Insert<typeof termExtraSeats>[] = [];
  readonly personRows: Insert<typeof people>[] = [];
  readonly membershipRows: Insert<typeof memberships>[] = [];
  readonly userRows: Insert<typeof users>[] = [];
  readonly grantRows: Insert<typeof roleGrants>[] = [];
  readonly templateRows: Insert<typeof agendaTemplateItems>[] = [];
  readonly meetingRows: Insert<typeof meetings>[] = [];
  readonly itemRows: Insert<typeof agendaItems>[] = [];
  readonly inviteeRows: Insert<typeof meetingInvitees>[] = [];
  readonly minutesRows: Insert<typeof minutes>[] = [];
  readonly versionRows: Insert<typeof minutesVersions>[] = [];
  readonly decisionRows: Insert<typeof decisions>[] = [];
  readonly attendanceRows: Insert<typeof attendance>[] = [];
  readonly checkerRows: Insert<typeof minutesCheckers>[] = [];
  readonly planRows: Insert<typeof actionPlans>[] = [];
  readonly goalRows: Insert<typeof planGoals>[] = [];
  readonly actionRows: Insert<typeof planActions>[] = [];
  readonly linkRows: Insert<typeof planActionLinks>[] = [];
  readonly statementRows: Insert<typeof statements>[] = [];
  readonly statementStepRows: Insert<typeof statementSteps>[] = [];
  readonly milestoneRows: Insert<typeof cycleMilestones>[] = [];

  private readonly regionsBySlug = new Map<string, RegionCtx>();
  private readonly orgIds = new Map<string, string>();
  private readonly peopleByKey = new Map<string, PersonInfo>();
  private readonly titles = new Map<string, string>();
  private readonly emails = new Set<string>();
  private readonly itemIds = new Map<string, string>();
  private readonly councilIds = new Map<string, string>();
  private readonly membershipById = new Map<string, Insert<typeof memberships>>();
  private secretaryUserId: string | null = null;
  private pirkanmaaCurrent: BuiltTerm | null = null;

  constructor(now: Date) {
    this.now = now;
  }

  build(): void {
    for (const region of seedRegions) this.addRegion(region);
    this.addUsers();
    for (const ref of referenceCouncils) this.addReferenceCouncil(ref);
    this.addMilestones();
  }

  // -- regions, organisations, councils ------------------------------------------------------

  private addRegion(seed: SeedRegion): void {
    const id = randomUUID();
    this.regionRows.push({
      id,
      slug: seed.slug,
      nameFi: seed.nameFi,
      nameSv: seed.nameSv,
      nameEn: seed.nameEn,
      shortFi: seed.shortFi,
      kind: seed.kind,
      municipalityCount: seed.municipalities,
      bilingual: seed.bilingual,
    });
    const orgId = this.organisation(id, {
      fi: seed.nameFi,
      sv: seed.nameSv,
      en: seed.nameEn,
      kind: seed.kind === 'city' ? 'city' : 'county',
    });
    const ctx: RegionCtx = { id, seed, orgId };
    this.regionsBySlug.set(seed.slug, ctx);

    const genitive = regionGenitive(seed);
    for (const suffix of this.rng.shuffle(GENERIC_NGO_SUFFIXES).slice(0, 3)) {
      this.organisation(id, `${genitive} ${suffix}`);
    }

    for (const council of seed.councils) this.addCouncilRow(ctx, council);
  }

  private organisation(regionId: string, ref: Exclude<OrgRef, typeof REGION_ORG>): string {
    const def = typeof ref === 'string' ? { fi: ref } : ref;
    const key = `${regionId}|${def.fi}`;
    const existing = this.orgIds.get(key);
    if (existing) return existing;
    const id = randomUUID();
    this.orgIds.set(key, id);
    this.orgRows.push({
      id,
      regionId,
      nameFi: def.fi,
      nameSv: def.sv ?? null,
      nameEn: def.en ?? null,
      kind: def.kind ?? 'ngo',
    });
    return id;
  }

  private orgFor(region: RegionCtx, ref: OrgRef | null | undefined): string | null {
    if (ref === null || ref === undefined) return null;
    if (ref === REGION_ORG) return region.orgId;
    return this.organisation(region.id, ref);
  }

  private addCouncilRow(region: RegionCtx, council: SeedCouncil): void {
    const id = randomUUID();
    this.councilIds.set(council.slug, id);
    this.councilRows.push({
      id,
      slug: council.slug,
      regionId: region.id,
      nameFi: council.nameFi,
      nameSv: council.nameSv ?? null,
      nameEn: council.nameEn,
      kind: council.kind,
      origin: council.origin,
      publicityDefault: 'public',
      languages: region.seed.bilingual ? ['fi', 'sv'] : ['fi'],
      noticePeriodDays: 7,
    });
  }

  private councilRow(slug: string): Insert<typeof councils> {
    const row = this.councilRows.find((c) => c.slug === slug);
    if (!row) throw new Error(`Reference council ${slug} is not in seed-data/regions.ts`);
    return row;
  }

  // -- people and memberships ----------------------------------------------------------------

  private person(
    key: string,
    opts: { orgId: string | null; lang?: 'fi' | 'sv'; emailDomain?: string; staff?: boolean },
  ): PersonInfo {
    const known = this.peopleByKey.get(key);
    if (known) return known;
    const name = this.names.next(opts.lang ?? 'fi');
    const hasEmail = opts.staff || this.rng.chance(0.9);
    let email: string | null = null;
    if (hasEmail) {
      email = emailFor(name, opts.emailDomain ?? 'example.org');
      for (let n = 2; this.emails.has(email); n += 1) {
        email = emailFor({ givenName: name.givenName, familyName: `${name.familyName}${n}` }, opts.emailDomain ?? 'example.org');
      }
      this.emails.add(email);
    }
    const info: PersonInfo = { id: randomUUID(), fullName: `${name.givenName} ${name.familyName}` };
    this.personRows.push({
      id: info.id,
      givenName: name.givenName,
      familyName: name.familyName,
      email,
      phone: opts.staff || this.rng.chance(0.4) ? phoneFor(this.rng) : null,
      organisationId: opts.orgId,
    });
    this.peopleByKey.set(key, info);
    return info;
  }

  private personByKey(key: string): PersonInfo {
    const info = this.peopleByKey.get(key);
    if (!info) throw new Error(`Unknown person key ${key}`);
    return info;
  }

  private membership(row: Omit<Insert<typeof memberships>, 'id'>): Insert<typeof memberships> {
    const full = { id: randomUUID(), ...row };
    this.membershipRows.push(full);
    this.membershipById.set(full.id, full);
    return full;
  }

  private buildTerm(region: RegionCtx, councilId: string, spec: RefTerm): BuiltTerm {
    const termId = randomUUID();
    this.termRows.push({
      id: termId,
      councilId,
      name: spec.name,
      startDate: spec.startDate,
      endDate: spec.endDate,
      endNote: spec.endNote ?? null,
    });
    const past = spec.endDate !== null && spec.endDate < this.todayIso();
    const period = {
      startDate: spec.startDate,
      endDate: past ? spec.endDate : null,
      endReason: past ? ('term_ended' as const) : null,
    };
    const built: BuiltTerm = {
      id: termId,
      start: spec.startDate,
      end: spec.endDate,
      seats: [],
      officers: [],
      experts: [],
      memberByKey: new Map(),
    };

    const addSeat = (
      seat: RefSeat,
      role: 'member' | 'elected_official' | 'county_representative' | 'municipality_representative' | 'invited_expert',
      categoryId: string | null,
      seatNumber: number,
    ): Holding => {
      const orgId = this.orgFor(region, seat.org);
      const person = this.person(seat.person, { orgId, lang: seat.lang ?? orgLanguage(seat.org) });
      const row = this.membership({
        termId,
        personId: person.id,
        role,
        categoryId,
        seatNumber,
        organisationId: orgId,
        affiliation: seat.affiliation ?? null,
        ...period,
      });
      if (role === 'member') built.memberByKey.set(seat.person, row.id);
      const holding: Holding = { membershipId: row.id, personId: person.id, start: spec.startDate, end: row.endDate ?? null, deputies: [] };
      if (seat.deputy) {
        const deputyOrgId = this.orgFor(region, seat.deputy.org);
        const deputy = this.person(seat.deputy.person, {
          orgId: deputyOrgId,
          lang: seat.deputy.lang ?? orgLanguage(seat.deputy.org),
        });
        const deputyRow = this.membership({
          termId,
          personId: deputy.id,
          role: 'deputy',
          categoryId,
          seatNumber,
          organisationId: deputyOrgId,
          principalId: row.id,
          ...period,
        });
        holding.deputies.push({
          membershipId: deputyRow.id,
          personId: deputy.id,
          start: spec.startDate,
          end: deputyRow.endDate ?? null,
          deputies: [],
        });
      }
      return holding;
    };

    spec.categories.forEach((category, index) => {
      const categoryId = randomUUID();
      this.categoryRows.push({
        id: categoryId,
        termId,
        position: index + 1,
        nameFi: category.fi,
        nameSv: category.sv ?? null,
        nameEn: category.en ?? null,
        memberSeats: category.memberSeats,
        deputySeats: category.deputySeats,
      });
      category.seats.forEach((seat, s) => built.seats.push(addSeat(seat, 'member', categoryId, s + 1)));
    });

    for (const group of spec.extraSeats ?? []) {
      this.extraSeatRows.push({
        id: randomUUID(),
        termId,
        role: group.role,
        memberSeats: group.memberSeats,
        deputySeats: group.deputySeats,
      });
      group.seats.forEach((seat, s) => {
        const holding = addSeat(seat, group.role, null, s + 1);
        (group.role === 'invited_expert' ? built.experts : built.seats).push(holding);
      });
    }

    for (const member of spec.plainMembers ?? []) {
      built.seats.push(addSeat({ person: member.person, org: member.org, lang: member.lang }, 'member', null, built.seats.length + 1));
    }

    for (const change of spec.changes ?? []) this.applyChange(region, built, change, spec, period);

    for (const officer of spec.officers) {
      const orgId = this.orgFor(region, officer.org);
      const person = this.person(officer.person, {
        orgId,
        lang: officer.lang ?? orgLanguage(officer.org ?? null),
        emailDomain: officer.emailDomain,
        staff: true,
      });
      if (officer.title) this.titles.set(officer.person, officer.title);
      const row = this.membership({ termId, personId: person.id, role: officer.role, organisationId: orgId, ...period });
      built.officers.push({
        role: officer.role,
        membershipId: row.id,
        personId: person.id,
        personKey: officer.person,
        start: spec.startDate,
        end: row.endDate ?? null,
      });
    }
    return built;
  }

  /** Ends a member's seat mid-term and appoints a successor; a personal deputy follows the seat. */
  private applyChange(
    region: RegionCtx,
    built: BuiltTerm,
    change: RefChange,
    spec: RefTerm,
    period: { endDate: string | null; endReason: 'term_ended' | null },
  ): void {
    const leaver = this.personByKey(change.person);
    const holding = built.seats.find((h) => h.personId === leaver.id);
    if (!holding) throw new Error(`No seat for ${change.person} in ${spec.name}`);
    const old = this.membershipById.get(holding.membershipId);
    if (!old) throw new Error('membership missing');
    const nextDay = addDays(change.endDate, 1);
    Object.assign(old, { endDate: change.endDate, endReason: change.endReason, endNote: change.endNote ?? null });
    holding.end = change.endDate;

    const orgId = this.orgFor(region, change.successor.org);
    const successor = this.person(change.successor.person, {
      orgId,
      lang: change.successor.lang ?? orgLanguage(change.successor.org),
    });
    const successorRow = this.membership({
      termId: built.id,
      personId: successor.id,
      role: old.role,
      categoryId: old.categoryId ?? null,
      seatNumber: old.seatNumber ?? null,
      organisationId: orgId,
      succeedsId: old.id,
      startDate: nextDay,
      endDate: period.endDate,
      endReason: period.endReason,
    });
    built.memberByKey.set(change.successor.person, successorRow.id);
    const successorHolding: Holding = {
      membershipId: successorRow.id,
      personId: successor.id,
      start: nextDay,
      end: period.endDate,
      deputies: [],
    };

    for (const deputy of holding.deputies) {
      const oldDeputy = this.membershipById.get(deputy.membershipId);
      if (!oldDeputy) continue;
      Object.assign(oldDeputy, {
        endDate: change.endDate,
        endReason: 'other' as const,
        endNote: 'Varsinainen jäsen vaihtui; jatkaa uuden jäsenen henkilökohtaisena varajäsenenä.',
      });
      deputy.end = change.endDate;
      const newDeputy = this.membership({
        termId: built.id,
        personId: deputy.personId,
        role: 'deputy',
        categoryId: oldDeputy.categoryId ?? null,
        seatNumber: oldDeputy.seatNumber ?? null,
        organisationId: oldDeputy.organisationId ?? null,
        principalId: successorRow.id,
        succeedsId: oldDeputy.id,
        startDate: nextDay,
        endDate: period.endDate,
        endReason: period.endReason,
      });
      successorHolding.deputies.push({
        membershipId: newDeputy.id,
        personId: deputy.personId,
        start: nextDay,
        end: period.endDate,
        deputies: [],
      });
    }
    built.seats.push(successorHolding);
  }

  private todayIso(): string {
    return new TZDate(this.now.getTime(), TIME_ZONE).toISOString().slice(0, 10);
  }

  // -- reference councils --------------------------------------------------------------------

  private addReferenceCouncil(ref: RefCouncil): void {
    const region = this.regionsBySlug.get(ref.regionSlug);
    if (!region) throw new Error(`Unknown region ${ref.regionSlug}`);
    const row = this.councilRow(ref.slug);
    Object.assign(row, {
      publicityDefault: ref.publicityDefault,
      descriptionFi: ref.descriptionFi,
      descriptionSv: ref.descriptionSv ?? null,
      descriptionEn: ref.descriptionEn,
      meetingFeeNote: ref.meetingFeeNote ?? null,
      meetingFeeNoteSv: ref.meetingFeeNoteSv ?? null,
      secretariatContact: ref.secretariatContact,
      appointingBody: ref.appointingBody ?? null,
      appointingBodySv: ref.appointingBodySv ?? null,
      appointingDecisionDate: ref.appointingDecisionDate ?? null,
      establishedOn: ref.establishedOn,
      noticePeriodDays: 7,
    } satisfies Partial<Insert<typeof councils>>);
    const councilId = row.id;

    openingItems(ref).forEach((item, index) => {
      this.templateRows.push({
        id: randomUUID(),
        councilId,
        position: index + 1,
        key: item.key,
        title: ref.bilingualAgenda ? `${item.fi} – ${item.sv}` : item.fi,
        proposal: item.proposal,
      });
    });

    const builtTerms = ref.terms.map((term) => this.buildTerm(region, councilId, term));

    for (const child of ref.children ?? []) {
      const childId = randomUUID();
      this.councilRows.push({
        id: childId,
        slug: child.slug,
        regionId: region.id,
        parentId: councilId,
        nameFi: child.nameFi,
        nameSv: child.nameSv ?? null,
        nameEn: child.nameEn,
        kind: child.kind,
        origin: row.origin,
        publicityDefault: ref.publicityDefault,
        languages: row.languages,
        descriptionFi: child.descriptionFi,
        descriptionSv: child.descriptionSv ?? null,
        descriptionEn: child.descriptionEn,
        secretariatContact: ref.secretariatContact,
        establishedOn: child.establishedOn,
        noticePeriodDays: 7,
      });
      this.buildTerm(region, childId, child.term);
    }

    if (ref.slug === PIRKANMAA_SLUG) this.pirkanmaaCurrent = builtTerms[builtTerms.length - 1] ?? null;

    let sectionYear = 0;
    let sectionNumber = 0;
    for (const meeting of [...ref.meetings].sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`))) {
      const year = parseIsoDate(meeting.date)[0];
      if (year !== sectionYear) {
        sectionYear = year;
        sectionNumber = 0;
      }
      sectionNumber = this.addMeeting(ref, councilId, builtTerms, meeting, sectionNumber);
    }

    if (ref.actionPlan) this.addActionPlan(ref, councilId, builtTerms);
    for (const statement of ref.statements ?? []) {
      const statementId = randomUUID();
      (statement.steps ?? []).forEach((step, position) =>
        this.statementStepRows.push({ id: randomUUID(), statementId, position: position + 1, happenedOn: step.on, description: step.description }),
      );
      this.statementRows.push({
        id: statementId,
        caseNumber: statement.caseNumber ?? null,
        responseDueOn: statement.responseDueOn ?? null,
        outcome: statement.outcome ?? 'pending',
        councilId,
        type: statement.type,
        issuedOn: statement.issuedOn,
        recipient: statement.recipient,
        title: statement.title,
        body: statement.body,
        approvedItemId: statement.itemKey ? this.itemId(ref.slug, statement.itemKey) : null,
        status: 'answered',
        response: statement.response,
        responseDate: statement.responseDate,
        publishedAt: helsinki(statement.issuedOn, '12:00'),
      });
    }
  }

  private itemId(councilSlug: string, key: string): string {
    const id = this.itemIds.get(`${councilSlug}|${key}`);
    if (!id) throw new Error(`Unknown agenda item key ${key} in ${councilSlug}`);
    return id;
  }

  private fill(text: string | undefined): string | null {
    if (text === undefined) return null;
    return text.replace(/\{\{([^}]+)\}\}/g, (_, key: string) => this.personByKey(key).fullName);
  }

  /** Adds one meeting with its agenda (and minutes, if held); returns the last § number used. */
  private addMeeting(ref: RefCouncil, councilId: string, builtTerms: BuiltTerm[], spec: RefMeeting, lastSection: number): number {
    const term = builtTerms.find((t) => active(t.start, t.end, spec.date)) ?? null;
    const startsAt = helsinki(spec.date, spec.start);
    const endsAt = new Date(startsAt.getTime() + spec.durationMinutes * 60_000);
    const type = spec.type ?? 'in_person';
    const held = spec.status === 'held';
    const invitedAt = held
      ? new Date(startsAt.getTime() - 21 * DAY_MS)
      : spec.status === 'invited'
        ? new Date(Math.min(startsAt.getTime() - 21 * DAY_MS, this.now.getTime() - 2 * DAY_MS))
        : null;
    const meetingId = randomUUID();
    const address = type === 'online' ? null : spec.address ?? ref.venue.address;
    this.meetingRows.push({
      id: meetingId,
      councilId,
      termId: term?.id ?? null,
      title: spec.title,
      titleSv: spec.titleSv ?? null,
      meetingType: type,
      startsAt,
      endsAt,
      address,
      room: type === 'online' ? null : spec.room ?? ref.venue.room ?? null,
      onlineUrl: type === 'in_person' ? null : ref.venue.onlineUrl ?? null,
      status: spec.status,
      publicity: ref.meetingPublicity,
      icsUid: `${randomUUID()}@neuvos`,
      invitedAt,
      agendaPublishedAt: held ? new Date(startsAt.getTime() - 8 * DAY_MS) : null,
    });

    const officersNow = (term?.officers ?? []).filter((o) => active(o.start, o.end, spec.date));
    const secretary = officersNow.find((o) => o.role === 'secretary');
    const presenter = secretary
      ? `${this.titles.get(secretary.personKey) ?? 'sihteeri'} ${this.personByKey(secretary.personKey).fullName}`
      : null;
    // A bilingual council's standard items carry their Swedish title in title_sv (issue #14).
    const swedish = ref.bilingualAgenda === true || (this.councilRow(ref.slug).languages ?? []).includes('sv');
    const titleSv = (item: { sv: string }) => (swedish ? item.sv : null);

    interface Draft {
      templateKey: string | null;
      title: string;
      titleSv?: string | null;
      body?: string | null;
      bodySv?: string | null;
      proposal: string | null;
      proposalSv?: string | null;
      plainSummaryFi?: string | null;
      plainSummarySv?: string | null;
      presenter: string | null;
      substantive?: RefItem;
    }
    const substantive: Draft[] = spec.items.map((item) => ({
      templateKey: null,
      title: item.title,
      titleSv: item.titleSv ?? null,
      body: this.fill(item.body),
      bodySv: this.fill(item.bodySv),
      proposal: this.fill(item.proposal),
      proposalSv: this.fill(item.proposalSv),
      plainSummaryFi: item.plainSummaryFi ?? null,
      plainSummarySv: item.plainSummarySv ?? null,
      presenter,
      substantive: item,
    }));
    const drafts: Draft[] =
      spec.status === 'planned'
        ? substantive
        : [
            ...openingItems(ref).map((i) => ({ templateKey: i.key, title: i.fi, titleSv: titleSv(i), proposal: i.proposal, proposalSv: swedish ? i.proposalSv : null, presenter: null })),
            ...substantive,
            ...CLOSING_ITEMS.map((i) => ({ templateKey: i.key, title: i.fi, titleSv: titleSv(i), proposal: i.proposal, proposalSv: swedish ? i.proposalSv : null, presenter: null })),
          ];

    let section = lastSection;
    const items = drafts.map((draft, index) => {
      const id = randomUUID();
      if (held) section += 1;
      const confidential = draft.substantive?.confidential;
      const row: Insert<typeof agendaItems> = {
        id,
        meetingId,
        councilId,
        position: index + 1,
        sectionYear: held ? parseIsoDate(spec.date)[0] : null,
        sectionNumber: held ? section : null,
        templateKey: draft.templateKey,
        title: draft.title,
        titleSv: draft.titleSv ?? null,
        body: draft.body ?? null,
        bodySv: draft.bodySv ?? null,
        presenter: draft.presenter,
        proposal: draft.proposal,
        proposalSv: draft.proposalSv ?? null,
        plainSummaryFi: draft.plainSummaryFi ?? null,
        plainSummarySv: draft.plainSummarySv ?? null,
        publicity: confidential ? 'confidential' : ref.itemPublicity,
        withheldReason: confidential ?? null,
      };
      this.itemRows.push(row);
      if (draft.substantive?.key) this.itemIds.set(`${ref.slug}|${draft.substantive.key}`, id);
      return { row, draft };
    });

    if (spec.status === 'invited' && term && invitedAt) this.addInvitees(meetingId, term, spec.date, invitedAt);

    if (held && term) {
      this.addMinutes(ref, councilId, meetingId, term, spec, startsAt, endsAt, address, items);
    }
    return section;
  }

  private addInvitees(meetingId: string, term: BuiltTerm, date: string, invitedAt: Date): void {
    const seen = new Set<string>();
    const replyWindow = Math.max(HOUR_MS, Math.min(5 * DAY_MS, this.now.getTime() - invitedAt.getTime()));
    const invite = (personId: string, membershipId: string, kind: 'member' | 'deputy' | 'other', replies: boolean) => {
      if (seen.has(personId)) return null;
      seen.add(personId);
      const replied = replies && this.rng.chance(0.65);
      const attending = this.rng.chance(0.8);
      const repliedAt = replied ? new Date(invitedAt.getTime() + Math.floor(this.rng.float() * replyWindow)) : null;
      const row: Insert<typeof meetingInvitees> = {
        id: randomUUID(),
        meetingId,
        personId,
        membershipId,
        kind,
        replyTokenHash: tokenHash(),
        invitedAt,
        reply: replied ? (attending ? 'attending' : 'not_attending') : null,
        repliedAt,
        lastSentSequence: 0,
      };
      this.inviteeRows.push(row);
      return row;
    };
    for (const seat of term.seats.filter((h) => active(h.start, h.end, date))) {
      const member = invite(seat.personId, seat.membershipId, 'member', true);
      for (const deputy of seat.deputies.filter((d) => active(d.start, d.end, date))) {
        const row = invite(deputy.personId, deputy.membershipId, 'deputy', false);
        if (row && member?.reply === 'not_attending' && member.repliedAt) {
          row.askedToSubstituteAt = new Date(member.repliedAt.getTime() + HOUR_MS);
          if (this.rng.chance(0.7)) {
            row.reply = 'attending';
            row.repliedAt = new Date(member.repliedAt.getTime() + 3 * HOUR_MS);
          }
        }
      }
    }
    for (const officer of term.officers.filter((o) => o.role === 'chair' && active(o.start, o.end, date))) {
      invite(officer.personId, officer.membershipId, 'other', true);
    }
    for (const expert of term.experts.filter((h) => active(h.start, h.end, date))) {
      invite(expert.personId, expert.membershipId, 'other', true);
    }
  }

  private addMinutes(
    ref: RefCouncil,
    councilId: string,
    meetingId: string,
    term: BuiltTerm,
    spec: RefMeeting,
    startsAt: Date,
    endsAt: Date,
    address: string | null,
    items: Array<{ row: Insert<typeof agendaItems>; draft: { templateKey: string | null; substantive?: RefItem } }>,
  ): void {
    const minutesId = randomUUID();
    const versionId = randomUUID();
    const swedish = ref.bilingualAgenda === true || (this.councilRow(ref.slug).languages ?? []).includes('sv');
    const openedAt = new Date(startsAt.getTime() + this.rng.int(0, 5) * 60_000);
    const closedAt = new Date(endsAt.getTime() - this.rng.int(5, 25) * 60_000);
    this.minutesRows.push({ id: minutesId, meetingId, councilId, kind: ref.minutesKind });

    // Attendance: every current seat holder, present or not; a personal deputy comes in for an absent member.
    const seats = term.seats.filter((h) => active(h.start, h.end, spec.date));
    const officers = term.officers.filter((o) => active(o.start, o.end, spec.date));
    const chair = officers.find((o) => o.role === 'chair');
    const withDeputy = seats.filter((h) => h.personId !== chair?.personId && h.deputies.some((d) => active(d.start, d.end, spec.date)));
    const forcedAbsent = withDeputy.length > 0 ? this.rng.pick(withDeputy).membershipId : null;
    const rows = new Map<string, Insert<typeof attendance>>();
    for (const seat of seats) {
      if (rows.has(seat.personId)) continue;
      const isChair = seat.personId === chair?.personId;
      const present = isChair || (seat.membershipId !== forcedAbsent && this.rng.chance(0.85));
      rows.set(seat.personId, {
        id: randomUUID(),
        versionId,
        personId: seat.personId,
        membershipId: seat.membershipId,
        role: isChair ? 'chair' : 'member',
        present,
        note: present ? null : 'Ilmoittanut esteestä',
      });
      if (!present) {
        const deputy = seat.deputies.find((d) => active(d.start, d.end, spec.date));
        if (deputy && !rows.has(deputy.personId)) {
          rows.set(deputy.personId, {
            id: randomUUID(),
            versionId,
            personId: deputy.personId,
            membershipId: deputy.membershipId,
            role: 'deputy',
            substitutesForId: seat.membershipId,
            present: true,
          });
        }
      }
    }
    for (const officer of officers) {
      if (rows.has(officer.personId) || officer.role === 'vice_chair') continue;
      rows.set(officer.personId, {
        id: randomUUID(),
        versionId,
        personId: officer.personId,
        membershipId: officer.membershipId,
        role: officer.role === 'chair' ? 'chair' : 'secretary',
        present: true,
      });
    }
    for (const expert of term.experts.filter((h) => active(h.start, h.end, spec.date))) {
      if (rows.has(expert.personId)) continue;
      rows.set(expert.personId, {
        id: randomUUID(),
        versionId,
        personId: expert.personId,
        membershipId: expert.membershipId,
        role: 'expert',
        rightToSpeak: true,
        present: true,
      });
    }
    this.attendanceRows.push(...rows.values());

    const candidates = [...rows.values()].filter((r) => r.present && (r.role === 'member' || r.role === 'deputy'));
    const checkers = this.rng.shuffle(candidates).slice(0, 2);
    const checkerNames = checkers.map((c) => this.nameOf(c.personId));
    checkers.forEach((checker, index) => {
      this.checkerRows.push({
        id: randomUUID(),
        versionId,
        personId: checker.personId,
        confirmedAt: new Date(closedAt.getTime() + 2 * DAY_MS + index * 4 * HOUR_MS),
      });
    });

    const chairName = chair ? this.nameOf(chair.personId) : 'Puheenjohtaja';
    const memo = ref.minutesKind === 'memo';
    const standardDecision: Record<string, string> = {
      opening: `Puheenjohtaja ${chairName} avasi kokouksen klo ${clock(openedAt)}.`,
      legality: 'Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.',
      minutes_checkers: `${memo ? 'Muistion tarkastajiksi' : 'Pöytäkirjantarkastajiksi'} valittiin ${checkerNames.join(' ja ')}.`,
      agenda: 'Esityslista hyväksyttiin kokouksen työjärjestykseksi.',
      other_business: 'Muita asioita ei ollut.',
      closing: `Puheenjohtaja päätti kokouksen klo ${clock(closedAt)}.`,
    };
    const standardDecisionSv: Record<string, string> = {
      opening: `Ordföranden ${chairName} öppnade mötet kl. ${clock(openedAt)}.`,
      legality: 'Mötet konstaterades vara lagligen sammankallat och beslutfört.',
      minutes_checkers: `Till ${memo ? 'justerare av promemorian' : 'protokolljusterare'} valdes ${checkerNames.join(' och ')}.`,
      agenda: 'Föredragningslistan godkändes som arbetsordning för mötet.',
      other_business: 'Det fanns inga övriga ärenden.',
      closing: `Ordföranden avslutade mötet kl. ${clock(closedAt)}.`,
    };
    for (const { row, draft } of items) {
      const text = draft.substantive
        ? this.fill(draft.substantive.decision) ?? 'Hyväksyttiin esityksen mukaisesti.'
        : standardDecision[draft.templateKey ?? ''] ?? 'Merkittiin tiedoksi.';
      // Swedish decisions for a council that writes in Swedish: the item's own, else the standard wording.
      const textSv = !swedish
        ? null
        : draft.substantive
          ? this.fill(draft.substantive.decisionSv) ?? (draft.substantive.decision ? null : 'Godkändes enligt förslaget.')
          : standardDecisionSv[draft.templateKey ?? ''] ?? 'Antecknades för kännedom.';
      this.decisionRows.push({ id: randomUUID(), versionId, agendaItemId: row.id, decision: text, decisionSv: textSv, outcome: 'decided' });
    }

    const substantiveTitles = items.filter((i) => i.draft.substantive).map((i) => i.row.title);
    this.versionRows.push({
      id: versionId,
      minutesId,
      versionNo: 1,
      status: 'draft',
      openedAt,
      closedAt,
      place: address ?? 'Etäkokous',
      summary: `Kokouksessa käsiteltiin: ${substantiveTitles.join('; ')}.`,
      submittedForCheckingAt: new Date(closedAt.getTime() + DAY_MS),
      createdBy: ref.slug === PIRKANMAA_SLUG ? this.secretaryUserId : null,
    });
  }

  private nameOf(personId: string): string {
    const row = this.personRows.find((p) => p.id === personId);
    return row ? `${row.givenName} ${row.familyName}` : '';
  }

  private addActionPlan(ref: RefCouncil, councilId: string, builtTerms: BuiltTerm[]): void {
    const plan = ref.actionPlan;
    if (!plan) return;
    const current = builtTerms[builtTerms.length - 1];
    const planId = randomUUID();
    this.planRows.push({
      id: planId,
      councilId,
      year: plan.year,
      title: plan.title,
      introduction: plan.introduction,
      status: 'published',
      approvedAt: helsinki(plan.approvedOn, '15:00'),
      approvedItemId: plan.approvedItemKey ? this.itemId(ref.slug, plan.approvedItemKey) : null,
      publishedAt: helsinki(plan.publishedOn, '10:00'),
    });
    plan.goals.forEach((goal, g) => {
      const goalId = randomUUID();
      this.goalRows.push({ id: goalId, planId, councilId, position: g + 1, title: goal.title, description: goal.description });
      goal.actions.forEach((action, a) => {
        const actionId = randomUUID();
        const owner = action.owner ? current?.memberByKey.get(action.owner) ?? null : null;
        this.actionRows.push({
          id: actionId,
          goalId,
          councilId,
          position: a + 1,
          title: action.title,
          description: action.description ?? null,
          ownerMembershipId: owner,
          ownerSecretariat: owner ? null : 'Sihteeristö',
          schedule: action.schedule ?? null,
          dueDate: action.dueDate ?? null,
          status: action.status,
          outcome: action.outcome ?? null,
        });
        for (const key of action.itemKeys ?? []) {
          this.linkRows.push({ id: randomUUID(), actionId, councilId, agendaItemId: this.itemId(ref.slug, key) });
        }
      });
    });
  }

  // -- users, yearly milestones --------------------------------------------------------------

  /** Users are created before the councils are filled in, so minutes can name their author. */
  private addUsers(): void {
    const adminId = randomUUID();
    this.userRows.push({ id: adminId, email: 'admin@neuvos.example', displayName: 'Neuvos-pääkäyttäjä', createdAt: this.now, updatedAt: this.now });
    this.grantRows.push({ id: randomUUID(), userId: adminId, role: 'admin', grantedAt: this.now });
    this.secretaryUserId = randomUUID();
  }

  /** Links the secretary and member accounts to their people once the rosters exist. */
  finishUsers(): void {
    const secretary = this.personByKey(PIRKANMAA_SECRETARY_KEY);
    const member = this.personByKey(PIRKANMAA_MEMBER_KEY);
    const adminId = this.userRows[0]?.id ?? null;
    const secretaryId = this.secretaryUserId ?? randomUUID();
    if (!this.pirkanmaaCurrent?.memberByKey.has(PIRKANMAA_MEMBER_KEY)) {
      throw new Error('The demo member must hold a current member seat in Pirkanmaa');
    }
    this.userRows.push(
      {
        id: secretaryId,
        email: 'sihteeri@neuvos.example',
        displayName: secretary.fullName,
        personId: secretary.id,
        createdAt: this.now,
        updatedAt: this.now,
      },
      {
        id: randomUUID(),
        email: 'jasen@neuvos.example',
        displayName: member.fullName,
        personId: member.id,
        createdAt: this.now,
        updatedAt: this.now,
      },
    );
    this.grantRows.push({
      id: randomUUID(),
      userId: secretaryId,
      role: 'secretary',
      councilId: this.councilIds.get(PIRKANMAA_SLUG) ?? null,
      grantedBy: adminId,
      grantedAt: this.now,
    });
  }

  withPassword(passwordHash: string): void {
    for (const user of this.userRows) user.passwordHash = passwordHash;
  }

  private addMilestones(): void {
    const region = (slug: string) => this.regionsBySlug.get(slug)?.id ?? null;
    const council = (slug: string) => this.councilIds.get(slug) ?? null;
    const rows: Array<Omit<Insert<typeof cycleMilestones>, 'id'>> = [
      { regionId: region('keski-suomi'), titleFi: 'Toiminta-avustusten haku', titleEn: 'Operating grant applications', startMonth: 12, startDay: 1, endMonth: 12, endDay: 31, remindDaysBefore: 14 },
      { regionId: region('keski-suomi'), titleFi: 'Hyvinvointialueen järjestöfoorumi (kevät)', titleEn: 'County NGO forum (spring)', startMonth: 3, startDay: 15, remindDaysBefore: 30 },
      { regionId: region('keski-suomi'), titleFi: 'Hyvinvointialueen järjestöfoorumi (syksy)', titleEn: 'County NGO forum (autumn)', startMonth: 10, startDay: 15, remindDaysBefore: 30 },
      { councilId: council('keski-suomi-vaikuttamistoimielin'), titleFi: 'Toimintakertomus ja toimintasuunnitelma aluehallitukselle', titleEn: 'Annual report and action plan to the regional government', startMonth: 2, startDay: 1, endMonth: 2, endDay: 28, remindDaysBefore: 21 },
      { councilId: council(PIRKANMAA_SLUG), titleFi: 'Hyte-neuvottelut kuntien kanssa', titleEn: 'Health and wellbeing negotiations with municipalities', startMonth: 9, startDay: 1, endMonth: 10, endDay: 31, remindDaysBefore: 30 },
      { councilId: council(PIRKANMAA_SLUG), titleFi: 'Toimintasuunnitelman valmistelu', titleEn: 'Preparing the action plan', startMonth: 11, startDay: 1, endMonth: 12, endDay: 15, remindDaysBefore: 14 },
      { councilId: council('helsinki-jarjestoneuvottelukunta'), titleFi: 'Kumppanuustori', titleSv: 'Partnerskapstorget', titleEn: 'Partnership fair', startMonth: 10, startDay: 10, remindDaysBefore: 45 },
    ];
    for (const row of rows) this.milestoneRows.push({ id: randomUUID(), ...row });
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Multi-row inserts, chunked to stay well below PostgreSQL's 65 535 bind parameters. */
async function insertRows<T extends PgTable>(tx: Tx, table: T, rows: Array<PgInsertValue<T>>): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(getTableColumns(table)).length;
  const chunk = Math.max(1, Math.floor(30_000 / columns));
  let inserted = 0;
  for (let i = 0; i < rows.length; i += chunk) {
    const result = await tx.insert(table).values(rows.slice(i, i + chunk)).returning();
    inserted += (result as unknown[]).length;
  }
  return inserted;
}

/** Groups self-referencing rows so every referenced row is written in an earlier statement. */
function byDependencyDepth<R extends { id: string }>(rows: R[], parents: (row: R) => Array<string | null | undefined>): R[][] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const depth = new Map<string, number>();
  const depthOf = (row: R): number => {
    const known = depth.get(row.id);
    if (known !== undefined) return known;
    let d = 0;
    for (const parentId of parents(row)) {
      const parent = parentId ? byId.get(parentId) : undefined;
      if (parent) d = Math.max(d, depthOf(parent) + 1);
    }
    depth.set(row.id, d);
    return d;
  };
  const groups: R[][] = [];
  for (const row of rows) {
    const d = depthOf(row);
    (groups[d] ??= []).push(row);
  }
  return groups.filter((group) => group.length > 0);
}

/** Writes the demo data in one transaction. The caller makes sure the database is empty. */
export async function seedDemo(db: Db, opts: { passwordHash: string; now?: Date }): Promise<SeedSummary> {
  const builder = new DemoBuilder(opts.now ?? new Date());
  builder.build();
  builder.finishUsers();
  builder.withPassword(opts.passwordHash);
  const b = builder;

  return db.transaction(async (tx) => {
    const summary: SeedSummary = {
      regions: 0,
      councils: 0,
      organisations: 0,
      people: 0,
      memberships: 0,
      meetings: 0,
      agendaItems: 0,
      minutes: 0,
      statements: 0,
      users: 0,
      demoAccounts: DEMO_ACCOUNTS.map((account) => account.email),
    };
    summary.regions = await insertRows(tx, regions, b.regionRows);
    summary.organisations = await insertRows(tx, organisations, b.orgRows);
    for (const group of byDependencyDepth(b.councilRows, (c) => [c.parentId])) {
      summary.councils += await insertRows(tx, councils, group);
    }
    await insertRows(tx, terms, b.termRows);
    await insertRows(tx, categories, b.categoryRows);
    await insertRows(tx, termExtraSeats, b.extraSeatRows);
    summary.people = await insertRows(tx, people, b.personRows);
    for (const group of byDependencyDepth(b.membershipRows, (m) => [m.principalId, m.succeedsId])) {
      summary.memberships += await insertRows(tx, memberships, group);
    }
    summary.users = await insertRows(tx, users, b.userRows);
    await insertRows(tx, roleGrants, b.grantRows);
    await insertRows(tx, agendaTemplateItems, b.templateRows);
    summary.meetings = await insertRows(tx, meetings, b.meetingRows);
    summary.agendaItems = await insertRows(tx, agendaItems, b.itemRows);
    await insertRows(tx, meetingInvitees, b.inviteeRows);

    // Minutes: the freeze trigger refuses parts of an approved version, so write the draft and
    // its parts first, then approve (checkers) and publish, as the secretary would.
    summary.minutes = await insertRows(tx, minutes, b.minutesRows);
    await insertRows(tx, minutesVersions, b.versionRows);
    await insertRows(tx, decisions, b.decisionRows);
    await insertRows(tx, attendance, b.attendanceRows);
    await insertRows(tx, minutesCheckers, b.checkerRows);
    const versionIds = b.versionRows.map((v) => v.id);
    if (versionIds.length > 0) {
      await tx
        .update(minutesVersions)
        .set({
          status: 'approved',
          approvalMethod: 'checkers',
          approvedAt: sql`${minutesVersions.closedAt} + interval '3 days'`,
        })
        .where(inArray(minutesVersions.id, versionIds));
      await tx
        .update(minutesVersions)
        .set({ status: 'published', publishedAt: sql`${minutesVersions.approvedAt} + interval '1 day'` })
        .where(inArray(minutesVersions.id, versionIds));
    }

    // Approved plans are frozen too (migration sec_freeze): goals and actions go in while the
    // plans are drafts, then one statement gives each plan its approval and publication.
    await insertRows(
      tx,
      actionPlans,
      b.planRows.map((p) => ({ ...p, status: 'draft' as const, approvedAt: null, approvedItemId: null, publishedAt: null })),
    );
    await insertRows(tx, planGoals, b.goalRows);
    await insertRows(tx, planActions, b.actionRows);
    await insertRows(tx, planActionLinks, b.linkRows);
    const approvals = b.planRows
      .filter((p) => p.status && p.status !== 'draft')
      .map((p) => ({ id: p.id, status: p.status, approvedAt: p.approvedAt?.toISOString() ?? null, approvedItemId: p.approvedItemId ?? null, publishedAt: p.publishedAt?.toISOString() ?? null }));
    if (approvals.length > 0) {
      await tx.execute(sql`
        UPDATE action_plans p SET status = (x->>'status')::document_status, approved_at = (x->>'approvedAt')::timestamptz,
          approved_item_id = (x->>'approvedItemId')::uuid, published_at = (x->>'publishedAt')::timestamptz
        FROM jsonb_array_elements(${JSON.stringify(approvals)}::jsonb) x WHERE p.id = (x->>'id')::uuid`);
    }
    summary.statements = await insertRows(tx, statements, b.statementRows);
    await insertRows(tx, statementSteps, b.statementStepRows);
    await insertRows(tx, cycleMilestones, b.milestoneRows);
    // A correction version and a withheld item in the published record.
    await seedRecords(tx, opts.now ?? new Date());
    // Last and this year's plans, last year's record and report, statements with responses.
    await seedPlans(tx, opts.now ?? new Date());
    // Helsinki pays meeting fees and has three travel claims; Pirkanmaa pays none.
    await seedFees(tx, opts.now ?? new Date());
    return summary;
  });
}
