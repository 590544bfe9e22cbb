/**
 * Demo data for action plans, annual reports and statements of the six reference councils.
 * Runs after seedDemo, inside the caller's transaction, and only adds what is missing:
 *
 * - a 2025 record (four held meetings with published minutes, two for a body founded in
 *   autumn 2025) for each council that had a term in 2025, since seedDemo's calendar starts in 2026;
 * - the 2025 and 2026 action plans, approved at the meeting item that dealt with them and published;
 * - 2025 statements and initiatives with the county's responses, and one pending 2026 position;
 * - the 2025 annual report, generated from the record with generateReport, approved, published.
 *
 * Every date is fixed so the demo looks the same whenever it is loaded; `now` only keeps a
 * plan or report from being dated in the future.
 */
import { randomUUID } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { and, asc, eq, gte, ilike, inArray, isNull, lt, ne } from 'drizzle-orm';
import { buildReportDraft } from '../../app/models/reports.server';
import type { Tx } from '../client.server';
import {
  actionPlans,
  agendaItems,
  agendaTemplateItems,
  annualReports,
  attendance,
  councils,
  decisions,
  meetings,
  memberships,
  minutes,
  minutesCheckers,
  minutesVersions,
  planActionLinks,
  planActions,
  planGoals,
  regions,
  statements,
  terms,
} from '../schema/index';

const TIME_ZONE = 'Europe/Helsinki';
const DAY_MS = 86_400_000;

export const PLAN_COUNCIL_SLUGS = [
  'varsinais-suomi-113-neuvottelukunta',
  'helsinki-jarjestoneuvottelukunta',
  'keski-uusimaa-jarjestoneuvottelukunta',
  'ita-uusimaa-kumppanuuspoyta',
  'pirkanmaa-jarjestoyhteistyoryhma',
  'keski-suomi-vaikuttamistoimielin',
] as const;

function helsinki(date: string, time = '14:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, TIME_ZONE).getTime());
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const localDate = (instant: Date) => new TZDate(instant.getTime(), TIME_ZONE).toISOString().slice(0, 10);
const active = (start: string, end: string | null, date: string) => start <= date && (end === null || date <= end);

interface ItemSpec {
  key: string;
  title: string;
  proposal: string;
  decision: string;
  outcome: 'decided' | 'noted';
}

interface MeetingSpec {
  date: string;
  items: ItemSpec[];
}

const ITEMS: Record<string, ItemSpec> = {
  plan: {
    key: 'plan',
    title: 'Toimintasuunnitelma vuodelle 2025',
    proposal: 'Hyväksytään toimintasuunnitelma vuodelle 2025 liitteen mukaisena.',
    decision: 'Hyväksyttiin toimintasuunnitelma esityksen mukaisesti.',
    outcome: 'decided',
  },
  grants: {
    key: 'grants',
    title: 'Järjestöavustukset 2025',
    proposal: 'Merkitään tiedoksi avustuspäätösten yhteenveto.',
    decision: 'Merkittiin tiedoksi. Havainnot kootaan avustusohjeen päivitykseen.',
    outcome: 'noted',
  },
  statement: {
    key: 'statement',
    title: 'Lausunto hyvinvointialueen palvelustrategiasta',
    proposal: 'Annetaan lausunto liitteen mukaisena.',
    decision: 'Lausunto annettiin esityksen mukaisena.',
    outcome: 'decided',
  },
  forum: {
    key: 'forum',
    title: 'Kevään järjestöfoorumin palaute',
    proposal: 'Merkitään tiedoksi foorumin palaute.',
    decision: 'Merkittiin tiedoksi.',
    outcome: 'noted',
  },
  initiative: {
    key: 'initiative',
    title: 'Aloite järjestöjen tilojen maksuttomasta käytöstä',
    proposal: 'Tehdään aloite liitteen mukaisena.',
    decision: 'Aloite hyväksyttiin esityksen mukaisesti.',
    outcome: 'decided',
  },
  hyte: {
    key: 'hyte',
    title: 'Hyte-neuvottelujen valmistelu',
    proposal: 'Merkitään tiedoksi ja nimetään edustajat neuvotteluihin.',
    decision: 'Merkittiin tiedoksi. Edustajiksi nimettiin puheenjohtaja ja sihteeri.',
    outcome: 'decided',
  },
  review: {
    key: 'review',
    title: 'Toimintasuunnitelman 2025 toteutuminen',
    proposal: 'Merkitään tiedoksi toteutumisen katsaus.',
    decision: 'Merkittiin tiedoksi.',
    outcome: 'noted',
  },
  nextPlan: {
    key: 'nextPlan',
    title: 'Toimintasuunnitelma vuodelle 2026: valmistelu',
    proposal: 'Käydään lähetekeskustelu ensi vuoden painopisteistä.',
    decision: 'Käytiin lähetekeskustelu. Sihteeri valmistelee luonnoksen helmikuun kokoukseen.',
    outcome: 'decided',
  },
};

function fullYear(dates: [string, string, string, string]): MeetingSpec[] {
  return [
    { date: dates[0], items: [ITEMS.plan!, ITEMS.grants!] },
    { date: dates[1], items: [ITEMS.statement!, ITEMS.forum!] },
    { date: dates[2], items: [ITEMS.initiative!, ITEMS.hyte!] },
    { date: dates[3], items: [ITEMS.review!, ITEMS.nextPlan!] },
  ];
}

/** The 2025 calendar of the councils that had a term in 2025 (the others were not yet appointed). */
const RECORD_2025: Record<string, MeetingSpec[]> = {
  'helsinki-jarjestoneuvottelukunta': fullYear(['2025-02-25', '2025-05-20', '2025-09-23', '2025-12-09']),
  'ita-uusimaa-kumppanuuspoyta': fullYear(['2025-02-05', '2025-04-23', '2025-09-10', '2025-11-05']),
  'pirkanmaa-jarjestoyhteistyoryhma': fullYear(['2025-02-18', '2025-05-13', '2025-09-16', '2025-11-11']),
  'keski-suomi-vaikuttamistoimielin': [
    { date: '2025-09-25', items: [{ ...ITEMS.plan!, title: 'Järjestäytyminen ja toimintasuunnitelma syksylle 2025' }, ITEMS.statement!] },
    { date: '2025-11-20', items: [ITEMS.initiative!, ITEMS.nextPlan!] },
  ],
};

interface CouncilRow {
  id: string;
  slug: string;
  regionId: string;
  nameFi: string;
  /** The council's languages: Swedish versions go in where it uses Swedish (issue #14). */
  languages?: string[];
}

/** Swedish versions of the 2025 items, for councils that write in Swedish too. */
const ITEMS_SV: Record<string, { title: string; proposal: string; decision: string }> = {
  plan: { title: 'Verksamhetsplan för 2025', proposal: 'Verksamhetsplanen för 2025 godkänns enligt bilagan.', decision: 'Verksamhetsplanen godkändes enligt förslaget.' },
  grants: { title: 'Organisationsunderstöd 2025', proposal: 'Sammandraget av understödsbesluten antecknas för kännedom.', decision: 'Antecknades för kännedom. Iakttagelserna samlas in för uppdateringen av understödsanvisningen.' },
  statement: { title: 'Utlåtande om välfärdsområdets servicestrategi', proposal: 'Utlåtandet ges enligt bilagan.', decision: 'Utlåtandet gavs enligt förslaget.' },
  forum: { title: 'Respons från vårens organisationsforum', proposal: 'Responsen från forumet antecknas för kännedom.', decision: 'Antecknades för kännedom.' },
  initiative: { title: 'Initiativ om avgiftsfri användning av lokaler för organisationer', proposal: 'Initiativet tas enligt bilagan.', decision: 'Initiativet godkändes enligt förslaget.' },
  hyte: { title: 'Beredning av förhandlingarna om främjande av välfärd och hälsa', proposal: 'Antecknas för kännedom och representanter utses till förhandlingarna.', decision: 'Antecknades för kännedom. Till representanter utsågs ordföranden och sekreteraren.' },
  review: { title: 'Genomförandet av verksamhetsplanen för 2025', proposal: 'Översikten över genomförandet antecknas för kännedom.', decision: 'Antecknades för kännedom.' },
  nextPlan: { title: 'Verksamhetsplan för 2026: beredning', proposal: 'En remissdebatt förs om nästa års tyngdpunkter.', decision: 'En remissdebatt fördes. Sekreteraren bereder ett utkast till mötet i februari.' },
};
const TEMPLATE_PROPOSALS_SV: Record<string, string> = {
  opening: 'Ordföranden öppnar mötet.',
  legality: 'Mötet konstateras vara lagligen sammankallat och beslutfört.',
  minutes_checkers: 'Två protokolljusterare väljs.',
  agenda: 'Föredragningslistan godkänns som arbetsordning för mötet.',
  other_business: 'Eventuella övriga ärenden behandlas.',
  closing: 'Ordföranden avslutar mötet.',
};

/** Swedish versions of the demo statements, by their Finnish title. */
const STATEMENTS_SV: Record<string, { titleSv: string; bodySv: string }> = {
  'Lausunto hyvinvointialueen palvelustrategiasta': {
    titleSv: 'Utlåtande om välfärdsområdets servicestrategi',
    bodySv: 'Organet anser det viktigt att servicestrategin erkänner organisationernas roll i det förebyggande arbetet och att strukturerna för samarbetet med organisationerna avtalas skriftligt.',
  },
  'Aloite järjestöjen tilojen maksuttomasta käytöstä': {
    titleSv: 'Initiativ om avgiftsfri användning av lokaler för organisationer',
    bodySv: 'Organet föreslår att allmännyttiga föreningar ska få använda välfärdsområdets lokaler avgiftsfritt på kvällar och veckoslut.',
  },
  'Kannanotto järjestöjen toimintaedellytysten turvaamisesta talousarviossa 2027': {
    titleSv: 'Ställningstagande om att trygga organisationernas verksamhetsförutsättningar i budgeten för 2027',
    bodySv: 'Organet föreslår att nivån på organisationsunderstöden bibehålls år 2027 och att eventuella nedskärningar förhandlas med organisationerna innan besluten fattas.',
  },
};

/** "Muut asiat – Övriga ärenden" → Finnish and Swedish titles (the bilingual template writes both in one). */
function splitTitle(title: string, swedish: boolean): { title: string; titleSv: string | null } {
  const [fi, sv] = title.split(' – ');
  return swedish && sv ? { title: fi!, titleSv: sv } : { title, titleSv: null };
}

type ItemIds = Map<string, { id: string; startsAt: Date }>;

/** Recipient of statements: the county's regional government, or Helsinki's committee. */
function recipientFor(region: { nameFi: string; kind: 'county' | 'city' }): string {
  return region.kind === 'city'
    ? 'Helsingin kaupungin sosiaali-, terveys- ja pelastuslautakunta'
    : `${region.nameFi.replace(/hyvinvointialue$/, 'hyvinvointialueen')} aluehallitus`;
}

/** Writes a 2025 record for one council; returns its substantive items by key. */
async function seedRecord2025(tx: Tx, council: CouncilRow, specs: MeetingSpec[]): Promise<ItemIds> {
  const items: ItemIds = new Map();
  const [existing] = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.councilId, council.id), gte(meetings.startsAt, helsinki('2025-01-01', '00:00')), lt(meetings.startsAt, helsinki('2026-01-01', '00:00'))))
    .limit(1);
  if (existing) return items;
  const swedish = (council.languages ?? []).includes('sv');

  const [termRows, seats, template, [sample], [minutesSample]] = await Promise.all([
    tx.select().from(terms).where(eq(terms.councilId, council.id)),
    tx
      .select({ id: memberships.id, termId: memberships.termId, personId: memberships.personId, role: memberships.role, principalId: memberships.principalId, startDate: memberships.startDate, endDate: memberships.endDate })
      .from(memberships)
      .innerJoin(terms, eq(terms.id, memberships.termId))
      .where(eq(terms.councilId, council.id)),
    tx.select().from(agendaTemplateItems).where(eq(agendaTemplateItems.councilId, council.id)).orderBy(asc(agendaTemplateItems.position)),
    tx.select({ address: meetings.address, room: meetings.room, publicity: meetings.publicity }).from(meetings).where(eq(meetings.councilId, council.id)).limit(1),
    tx.select({ kind: minutes.kind }).from(minutes).where(eq(minutes.councilId, council.id)).limit(1),
  ]);
  const bilingual = template.some((t) => t.title.includes(' – '));
  const closing = [
    { key: 'other_business', title: bilingual ? 'Muut asiat – Övriga ärenden' : 'Muut asiat', proposal: 'Käsitellään muut mahdolliset asiat.', decision: 'Muita asioita ei ollut.' },
    { key: 'closing', title: bilingual ? 'Kokouksen päättäminen – Mötets avslutande' : 'Kokouksen päättäminen', proposal: 'Puheenjohtaja päättää kokouksen.', decision: 'Puheenjohtaja päätti kokouksen.' },
  ];

  let section = 0;
  for (const [index, spec] of specs.entries()) {
    const term = termRows.find((t) => active(t.startDate, t.endDate, spec.date));
    if (!term) continue;
    const startsAt = helsinki(spec.date);
    const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
    const meetingId = randomUUID();
    await tx.insert(meetings).values({
      id: meetingId,
      councilId: council.id,
      termId: term.id,
      title: `Kokous ${index + 1}/2025`,
      titleSv: swedish ? `Möte ${index + 1}/2025` : null,
      startsAt,
      endsAt,
      address: sample?.address ?? null,
      room: sample?.room ?? null,
      status: 'held',
      publicity: sample?.publicity ?? 'public',
      icsUid: `${randomUUID()}@neuvos`,
      invitedAt: new Date(startsAt.getTime() - 21 * DAY_MS),
      agendaPublishedAt: new Date(startsAt.getTime() - 8 * DAY_MS),
    });
    const proposalSv = (key: string) => (swedish ? TEMPLATE_PROPOSALS_SV[key] ?? null : null);
    const drafts = [
      ...template.map((t) => ({
        key: null as string | null,
        templateKey: t.key,
        ...splitTitle(t.title, swedish),
        proposal: t.proposal,
        proposalSv: proposalSv(t.key),
        decision: 'Todettiin.',
        decisionSv: swedish ? 'Konstaterades.' : null,
        outcome: 'noted' as const,
      })),
      ...spec.items.map((i) => ({
        key: i.key,
        templateKey: null,
        title: i.title,
        titleSv: swedish ? ITEMS_SV[i.key]?.title ?? null : null,
        proposal: i.proposal,
        proposalSv: swedish ? ITEMS_SV[i.key]?.proposal ?? null : null,
        decision: i.decision,
        decisionSv: swedish ? ITEMS_SV[i.key]?.decision ?? null : null,
        outcome: i.outcome,
      })),
      ...closing.map((c) => ({
        key: null,
        templateKey: c.key,
        ...splitTitle(c.title, swedish),
        proposal: c.proposal,
        proposalSv: proposalSv(c.key),
        decision: c.decision,
        decisionSv: swedish ? (c.key === 'closing' ? 'Ordföranden avslutade mötet.' : 'Det fanns inga övriga ärenden.') : null,
        outcome: 'noted' as const,
      })),
    ];
    const itemRows = drafts.map((d, position) => ({
      id: randomUUID(),
      meetingId,
      councilId: council.id,
      position: position + 1,
      sectionYear: 2025,
      sectionNumber: ++section,
      templateKey: d.templateKey,
      title: d.title,
      titleSv: d.titleSv,
      proposal: d.proposal,
      proposalSv: d.proposalSv,
    }));
    await tx.insert(agendaItems).values(itemRows);
    drafts.forEach((d, i) => {
      if (d.key) items.set(d.key, { id: itemRows[i]!.id, startsAt });
    });

    const minutesId = randomUUID();
    const versionId = randomUUID();
    await tx.insert(minutes).values({ id: minutesId, meetingId, councilId: council.id, kind: minutesSample?.kind ?? 'minutes' });
    await tx.insert(minutesVersions).values({
      id: versionId,
      minutesId,
      versionNo: 1,
      openedAt: startsAt,
      closedAt: new Date(endsAt.getTime() - 15 * 60_000),
      place: sample?.address ?? 'Etäkokous',
      summary: `Kokouksessa käsiteltiin: ${spec.items.map((i) => i.title).join('; ')}.`,
    });
    await tx.insert(decisions).values(itemRows.map((row, i) => ({ versionId, agendaItemId: row.id, decision: drafts[i]!.decision, decisionSv: drafts[i]!.decisionSv, outcome: drafts[i]!.outcome })));

    // Everyone holding a seat that day; about one in six is away, and a personal deputy comes instead.
    const here = seats.filter((s) => s.termId === term.id && active(s.startDate, s.endDate, spec.date));
    const chair = here.find((s) => s.role === 'chair');
    const rows = new Map<string, typeof attendance.$inferInsert>();
    const voting = here.filter((s) => ['member', 'elected_official', 'county_representative', 'municipality_representative'].includes(s.role));
    voting.forEach((seat, i) => {
      if (rows.has(seat.personId)) return;
      const isChair = seat.personId === chair?.personId;
      const present = isChair || (i * 7 + index * 3) % 6 !== 0;
      rows.set(seat.personId, { versionId, personId: seat.personId, membershipId: seat.id, role: isChair ? 'chair' : 'member', present, note: present ? null : 'Ilmoittanut esteestä' });
      const deputy = present ? undefined : here.find((s) => s.role === 'deputy' && s.principalId === seat.id);
      if (deputy && !rows.has(deputy.personId)) {
        rows.set(deputy.personId, { versionId, personId: deputy.personId, membershipId: deputy.id, role: 'deputy', substitutesForId: seat.id, present: true });
      }
    });
    for (const officer of here.filter((s) => s.role === 'chair' || s.role === 'secretary')) {
      if (!rows.has(officer.personId)) {
        rows.set(officer.personId, { versionId, personId: officer.personId, membershipId: officer.id, role: officer.role === 'chair' ? 'chair' : 'secretary', present: true });
      }
    }
    for (const expert of here.filter((s) => s.role === 'invited_expert')) {
      if (!rows.has(expert.personId)) rows.set(expert.personId, { versionId, personId: expert.personId, membershipId: expert.id, role: 'expert', present: true });
    }
    if (rows.size > 0) await tx.insert(attendance).values([...rows.values()]);
    const checkers = [...rows.values()].filter((r) => r.present && r.role === 'member').slice(index % 3, (index % 3) + 2);
    if (checkers.length > 0) {
      await tx.insert(minutesCheckers).values(checkers.map((c, n) => ({ versionId, personId: c.personId, confirmedAt: new Date(endsAt.getTime() + (2 + n) * DAY_MS) })));
    }
    // The freeze trigger allows parts only while the version is a draft: approve and publish last.
    await tx.update(minutesVersions).set({ status: 'approved', approvalMethod: 'checkers', approvedAt: new Date(endsAt.getTime() + 3 * DAY_MS) }).where(eq(minutesVersions.id, versionId));
    await tx.update(minutesVersions).set({ status: 'published', publishedAt: new Date(endsAt.getTime() + 4 * DAY_MS) }).where(eq(minutesVersions.id, versionId));
  }
  return items;
}

interface ActionSpec {
  title: string;
  status: 'planned' | 'in_progress' | 'done' | 'dropped';
  schedule?: string;
  outcome?: string;
  itemKeys?: string[];
  /** Give the action to the n-th current member (by name) instead of the secretariat. */
  ownerIndex?: number;
}

interface PlanSpec {
  year: number;
  title: string;
  introduction: string;
  goals: Array<{ title: string; description: string; actions: ActionSpec[] }>;
}

const PLAN_2025: PlanSpec = {
  year: 2025,
  title: 'Toimintasuunnitelma 2025',
  introduction: 'Toimintavuoden painopisteinä ovat vaikuttaminen hyvinvointialueen päätöksentekoon ja järjestöyhteistyön rakenteiden vahvistaminen.',
  goals: [
    {
      title: 'Vaikuttaminen hyvinvointialueen päätöksentekoon',
      description: 'Toimielin tuo järjestöjen näkökulman valmisteluun lausunnoin ja aloittein.',
      actions: [
        { title: 'Lausunto palvelustrategiasta', status: 'done', schedule: 'kevät 2025', outcome: 'Lausunto annettiin ja siihen saatiin vastaus.', itemKeys: ['statement'], ownerIndex: 0 },
        { title: 'Aloite järjestöjen tilojen käytöstä', status: 'done', schedule: 'syksy 2025', outcome: 'Aloite tehtiin syyskuussa.', itemKeys: ['initiative'] },
        { title: 'Vaikuttavuuskysely jäsenjärjestöille', status: 'dropped', schedule: 'syksy 2025', outcome: 'Siirrettiin vuodelle 2026 resurssisyistä.' },
      ],
    },
    {
      title: 'Järjestöyhteistyön rakenteet',
      description: 'Foorumit, hyte-neuvottelut ja avustusten seuranta.',
      actions: [
        { title: 'Kevään järjestöfoorumi', status: 'done', schedule: 'huhtikuu 2025', outcome: 'Foorumiin osallistui noin 80 järjestötoimijaa.', itemKeys: ['forum'], ownerIndex: 1 },
        { title: 'Hyte-neuvottelut kuntien kanssa', status: 'in_progress', schedule: 'syys–lokakuu 2025', outcome: 'Neuvottelut jatkuvat vuonna 2026.', itemKeys: ['hyte'] },
        { title: 'Järjestöavustusten seuranta', status: 'done', schedule: 'koko vuosi', itemKeys: ['grants', 'review'] },
      ],
    },
  ],
};

/** A body appointed in autumn 2025 plans only its first months. */
const PLAN_2025_AUTUMN: PlanSpec = {
  year: 2025,
  title: 'Toimintasuunnitelma syksylle 2025',
  introduction: 'Uuden toimielimen ensimmäisten kuukausien tavoitteena on järjestäytyä, sopia työtavoista ja tuoda järjestöjen ja seurakuntien näkökulma hyvinvointialueen valmisteluun.',
  goals: [
    {
      title: 'Toiminnan käynnistäminen',
      description: 'Järjestäytyminen, työtavat ja yhteydet jäsenjärjestöihin.',
      actions: [
        { title: 'Järjestäytyminen ja työtavoista sopiminen', status: 'done', schedule: 'syyskuu 2025', itemKeys: ['plan'], ownerIndex: 0 },
        { title: 'Jäsenjärjestöjen ja seurakuntien kuuleminen', status: 'in_progress', schedule: 'loka–joulukuu 2025', outcome: 'Jatkuu vuonna 2026.' },
        { title: 'Toimintasuunnitelman 2026 valmistelu', status: 'done', schedule: 'marraskuu 2025', itemKeys: ['nextPlan'] },
      ],
    },
    {
      title: 'Vaikuttaminen',
      description: 'Lausunnot ja aloitteet hyvinvointialueelle.',
      actions: [
        { title: 'Lausunto palvelustrategiasta', status: 'done', schedule: 'syyskuu 2025', outcome: 'Lausunto annettiin ja siihen saatiin vastaus.', itemKeys: ['statement'], ownerIndex: 1 },
        { title: 'Aloite järjestöjen tilojen käytöstä', status: 'done', schedule: 'marraskuu 2025', itemKeys: ['initiative'] },
        { title: 'Avustusten vaikutusten arviointi', status: 'dropped', schedule: 'syksy 2025', outcome: 'Siirrettiin vuodelle 2026.' },
      ],
    },
  ],
};

const PLAN_2026: PlanSpec = {
  year: 2026,
  title: 'Toimintasuunnitelma 2026',
  introduction: 'Vuonna 2026 toimielin seuraa hyvinvointialueen palvelumuutoksia, vahvistaa järjestöjen yhdyshenkilöverkostoa ja kehittää avustuskäytäntöjä yhdessä hyvinvointialueen kanssa.',
  goals: [
    {
      title: 'Järjestöjen äänen vahvistaminen',
      description: 'Toimielin osallistuu valmisteluun ajoissa ja raportoi jäsenjärjestöilleen.',
      actions: [
        { title: 'Lausunnot ja kannanotot valmistelussa olevista asioista', status: 'in_progress', schedule: 'koko vuosi', ownerIndex: 0 },
        { title: 'Palvelumuutosten vaikutusten arviointi järjestöjen kanssa', status: 'done', schedule: 'kevät 2026', outcome: 'Arviointi käsiteltiin kevään kokouksessa.', ownerIndex: 1 },
      ],
    },
    {
      title: 'Yhteistyön rakenteet ja avustukset',
      description: 'Avustuskäytäntöjen kehittäminen ja yhteistyön tiedottaminen.',
      actions: [
        { title: 'Avustusohjeen päivityksen seuranta', status: 'done', schedule: 'kevät 2026' },
        { title: 'Syksyn järjestöfoorumi', status: 'in_progress', schedule: 'syys–lokakuu 2026' },
        { title: 'Toimintakertomus 2025 ja toimintasuunnitelma 2027', status: 'planned', schedule: 'joulukuu 2026' },
      ],
    },
  ],
};

/** Swedish titles of the demo plans' goals and actions, for councils that use Swedish (issue #14). */
const PLAN_TITLES_SV: Record<string, string> = {
  'Vaikuttaminen hyvinvointialueen päätöksentekoon': 'Påverkan på välfärdsområdets beslutsfattande',
  'Lausunto palvelustrategiasta': 'Utlåtande om servicestrategin',
  'Aloite järjestöjen tilojen käytöstä': 'Initiativ om organisationernas användning av lokaler',
  'Vaikuttavuuskysely jäsenjärjestöille': 'Enkät om genomslag till medlemsorganisationerna',
  'Järjestöyhteistyön rakenteet': 'Strukturerna för organisationssamarbetet',
  'Kevään järjestöfoorumi': 'Vårens organisationsforum',
  'Hyte-neuvottelut kuntien kanssa': 'Förhandlingar om välfärd och hälsa med kommunerna',
  'Järjestöavustusten seuranta': 'Uppföljning av organisationsunderstöden',
  'Järjestöjen äänen vahvistaminen': 'Att stärka organisationernas röst',
  'Lausunnot ja kannanotot valmistelussa olevista asioista': 'Utlåtanden och ställningstaganden om ärenden under beredning',
  'Palvelumuutosten vaikutusten arviointi järjestöjen kanssa': 'Bedömning av konsekvenserna av förändringar i tjänsterna tillsammans med organisationerna',
  'Yhteistyön rakenteet ja avustukset': 'Samarbetets strukturer och understöd',
  'Avustusohjeen päivityksen seuranta': 'Uppföljning av uppdateringen av understödsanvisningen',
  'Syksyn järjestöfoorumi': 'Höstens organisationsforum',
  'Toimintakertomus 2025 ja toimintasuunnitelma 2027': 'Verksamhetsberättelse 2025 och verksamhetsplan 2027',
};

async function seedPlan(
  tx: Tx,
  council: CouncilRow,
  spec: PlanSpec,
  approval: { itemId: string | null; at: Date },
  linkItems: (action: ActionSpec, index: number) => string[],
  owners: string[],
  now: Date,
): Promise<void> {
  const [existing] = await tx.select({ id: actionPlans.id }).from(actionPlans).where(and(eq(actionPlans.councilId, council.id), eq(actionPlans.year, spec.year)));
  if (existing) return;
  const approvedAt = approval.at < now ? approval.at : now;
  const publishedAt = new Date(Math.min(approvedAt.getTime() + 7 * DAY_MS, now.getTime()));
  const planId = randomUUID();
  await tx.insert(actionPlans).values({
    id: planId,
    councilId: council.id,
    year: spec.year,
    title: spec.title,
    introduction: spec.introduction,
    titleSv: (council.languages ?? []).includes('sv') && spec.title.startsWith('Toimintasuunnitelma') ? spec.title.replace('Toimintasuunnitelma', 'Verksamhetsplan') : null,
  });
  let n = 0;
  for (const [g, goal] of spec.goals.entries()) {
    const goalId = randomUUID();
    const swedish = (council.languages ?? []).includes('sv');
    await tx
      .insert(planGoals)
      .values({ id: goalId, planId, councilId: council.id, position: g + 1, title: goal.title, titleSv: swedish ? PLAN_TITLES_SV[goal.title] ?? null : null, description: goal.description });
    for (const [a, action] of goal.actions.entries()) {
      const actionId = randomUUID();
      const owner = action.ownerIndex !== undefined ? owners[action.ownerIndex] ?? null : null;
      await tx.insert(planActions).values({
        id: actionId,
        goalId,
        councilId: council.id,
        position: a + 1,
        title: action.title,
        titleSv: swedish ? PLAN_TITLES_SV[action.title] ?? null : null,
        ownerMembershipId: owner,
        ownerSecretariat: owner ? null : 'Sihteeristö',
        schedule: action.schedule ?? null,
        status: action.status,
        outcome: action.outcome ?? null,
      });
      const itemIds = [...new Set(linkItems(action, n++))];
      if (itemIds.length > 0) await tx.insert(planActionLinks).values(itemIds.map((agendaItemId) => ({ actionId, councilId: council.id, agendaItemId })));
    }
  }
  // Approved plans are frozen (migration sec_freeze): the content goes in while it is a draft.
  await tx.update(actionPlans).set({ status: 'published', approvedAt, approvedItemId: approval.itemId, publishedAt }).where(eq(actionPlans.id, planId));
}

/** Adds the plans, statements and 2025 reports of the reference councils (see the file comment). */
export async function seedPlans(tx: Tx, now: Date): Promise<void> {
  const councilRows = await tx
    .select({ id: councils.id, slug: councils.slug, regionId: councils.regionId, nameFi: councils.nameFi, languages: councils.languages, regionName: regions.nameFi, regionKind: regions.kind })
    .from(councils)
    .innerJoin(regions, eq(regions.id, councils.regionId))
    .where(inArray(councils.slug, [...PLAN_COUNCIL_SLUGS]));

  for (const council of councilRows) {
    const recipient = recipientFor({ nameFi: council.regionName, kind: council.regionKind });
    const specs = RECORD_2025[council.slug];
    const items2025 = specs ? await seedRecord2025(tx, council, specs) : new Map();

    const heldItems2026 = await tx
      .select({ id: agendaItems.id, title: agendaItems.title, startsAt: meetings.startsAt })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(
        and(
          eq(agendaItems.councilId, council.id),
          isNull(agendaItems.templateKey),
          ne(agendaItems.publicity, 'confidential'),
          eq(meetings.status, 'held'),
          gte(meetings.startsAt, helsinki('2026-01-01', '00:00')),
          lt(meetings.startsAt, helsinki('2027-01-01', '00:00')),
        ),
      )
      .orderBy(asc(meetings.startsAt), asc(agendaItems.position));
    const today = localDate(now);
    const owners = (
      await tx
        .select({ id: memberships.id, startDate: memberships.startDate, endDate: memberships.endDate })
        .from(memberships)
        .innerJoin(terms, eq(terms.id, memberships.termId))
        .where(and(eq(terms.councilId, council.id), eq(memberships.role, 'member')))
        .orderBy(asc(memberships.startDate), asc(memberships.id))
    )
      .filter((m) => active(m.startDate, m.endDate, today))
      .map((m) => m.id);

    if (items2025.size > 0) {
      const approval = items2025.get('plan');
      const spec2025 = (specs?.[0]?.date ?? '') > '2025-06-30' ? PLAN_2025_AUTUMN : PLAN_2025;
      await seedPlan(tx, council, spec2025, { itemId: approval?.id ?? null, at: approval?.startsAt ?? helsinki('2025-02-01') }, (a) => (a.itemKeys ?? []).map((k) => items2025.get(k)?.id).filter((v): v is string => Boolean(v)), owners, now);
    }
    const [planItem] = await tx
      .select({ id: agendaItems.id, startsAt: meetings.startsAt })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(
        and(
          eq(agendaItems.councilId, council.id),
          ilike(agendaItems.title, 'Toimintasuunnitelma vuodelle 2026'),
          eq(meetings.status, 'held'),
          gte(meetings.startsAt, helsinki('2026-01-01', '00:00')),
        ),
      )
      .limit(1);
    const approval2026 = planItem ?? heldItems2026[0] ?? null;
    await seedPlan(
      tx,
      council,
      PLAN_2026,
      { itemId: approval2026?.id ?? null, at: approval2026?.startsAt ?? helsinki('2026-02-15') },
      (_a, index) => (heldItems2026.length > 0 && index < 4 ? [heldItems2026[(index + 1) % heldItems2026.length]!.id] : []),
      owners,
      now,
    );

    // Statements: what the 2025 record approved, with the county's responses.
    const statementRows: Array<typeof statements.$inferInsert> = [];
    const statementItem = items2025.get('statement');
    if (statementItem) {
      const issuedOn = addDays(localDate(statementItem.startsAt), 4);
      statementRows.push({
        councilId: council.id,
        type: 'statement',
        issuedOn,
        recipient,
        title: 'Lausunto hyvinvointialueen palvelustrategiasta',
        body: 'Toimielin pitää tärkeänä, että palvelustrategiassa tunnistetaan järjestöjen rooli ennaltaehkäisevässä työssä ja että järjestöjen kanssa sovitaan yhteistyön rakenteista kirjallisesti.',
        approvedItemId: statementItem.id,
        status: 'answered',
        response: 'Palvelustrategiaan lisättiin järjestöyhteistyötä koskeva linjaus ja kumppanuussopimusten valmistelu.',
        responseDate: addDays(issuedOn, 42),
        publishedAt: helsinki(issuedOn, '12:00'),
      });
    }
    const initiativeItem = items2025.get('initiative');
    if (initiativeItem) {
      const issuedOn = addDays(localDate(initiativeItem.startsAt), 5);
      const answered = council.slug !== 'keski-suomi-vaikuttamistoimielin';
      statementRows.push({
        councilId: council.id,
        type: 'initiative',
        issuedOn,
        recipient,
        title: 'Aloite järjestöjen tilojen maksuttomasta käytöstä',
        body: 'Toimielin esittää, että yleishyödylliset yhdistykset voivat käyttää hyvinvointialueen tiloja maksutta iltaisin ja viikonloppuisin.',
        approvedItemId: initiativeItem.id,
        status: answered ? 'answered' : 'sent',
        response: answered ? 'Tilojen maksuton käyttö otetaan kokeiluun vuoden 2026 alusta kolmessa sote-keskuksessa.' : null,
        responseDate: answered ? addDays(issuedOn, 60) : null,
        publishedAt: helsinki(issuedOn, '12:00'),
      });
    }
    const [has2026] = await tx
      .select({ id: statements.id })
      .from(statements)
      .where(and(eq(statements.councilId, council.id), gte(statements.issuedOn, '2026-01-01')))
      .limit(1);
    const lastItem = heldItems2026.at(-1);
    if (!has2026 && lastItem) {
      const issuedOn = addDays(localDate(lastItem.startsAt), 3);
      if (issuedOn <= today) {
        statementRows.push({
          councilId: council.id,
          type: 'position',
          issuedOn,
          recipient,
          title: 'Kannanotto järjestöjen toimintaedellytysten turvaamisesta talousarviossa 2027',
          body: 'Toimielin esittää, että järjestöavustusten taso säilytetään vuonna 2027 ja että mahdollisista leikkauksista neuvotellaan järjestöjen kanssa ennen päätöksiä.',
          approvedItemId: lastItem.id,
          status: 'sent',
          publishedAt: helsinki(issuedOn, '12:00'),
        });
      }
    }
    if ((council.languages ?? []).includes('sv')) {
      for (const row of statementRows) Object.assign(row, STATEMENTS_SV[row.title] ?? {});
    }
    if (statementRows.length > 0) await tx.insert(statements).values(statementRows);

    // The 2025 report, generated from the record above, approved and published early in 2026.
    if (items2025.size > 0) {
      const [report] = await tx.select({ id: annualReports.id }).from(annualReports).where(and(eq(annualReports.councilId, council.id), eq(annualReports.year, 2025)));
      if (!report) {
        const firstHeld2026 = heldItems2026[0]?.startsAt ?? helsinki('2026-02-15');
        const approvedAt = firstHeld2026 < now ? firstHeld2026 : now;
        const draft = await buildReportDraft(council.id, 2025, tx, approvedAt);
        const id = randomUUID();
        await tx.insert(annualReports).values({
          ...draft,
          id,
          // The drafted text ends with a placeholder for the secretary; the demo fills it in.
          body: `${draft.body.split('\n\n').slice(0, -1).join('\n\n')}\n\n# Toimintavuoden keskeiset sisällöt\n\nToimielin antoi lausunnon hyvinvointialueen palvelustrategiasta ja teki aloitteen järjestöjen tilojen maksuttomasta käytöstä. Yhteistyö hyvinvointialueen kanssa vakiintui, ja toimielimen kokouksissa käsiteltiin säännöllisesti avustusten ja palvelumuutosten vaikutuksia järjestöihin.`,
          ...((council.languages ?? []).includes('sv')
            ? {
                titleSv: 'Verksamhetsberättelse 2025',
                bodySv:
                  '# Verksamhetsårets centrala innehåll\n\nOrganet gav ett utlåtande om välfärdsområdets servicestrategi och tog initiativ till avgiftsfri användning av lokaler för organisationer. Samarbetet med välfärdsområdet etablerades, och på organets möten behandlades regelbundet hur understöd och förändringar i tjänsterna påverkar organisationerna.',
              }
            : {}),
          status: 'approved',
          approvedAt,
        });
        // The freeze trigger lets an approved report change in one way only: being published.
        await tx
          .update(annualReports)
          .set({ status: 'published', publishedAt: new Date(Math.min(approvedAt.getTime() + 7 * DAY_MS, now.getTime())) })
          .where(eq(annualReports.id, id));
      }
    }
  }
}
