/**
 * The six reference councils of DOMAIN.md, described as data: terms, seat plans, rosters,
 * officers, meetings with their substantive agenda items, statements and an action plan.
 * index.ts turns this into rows. Every person is fictional; a person is named by a key
 * (e.g. 'pir.4.1'), and using the same key again means the same person, which is how
 * re-appointments across terms and officers who also hold a seat are expressed.
 *
 * Organisations are fictional but named the way Finnish associations are ("… ry", Swedish
 * "… rf"). Facts about the structures (seat counts, dates of establishment, appointing
 * bodies) follow the seed documents; dates the seeds do not give are invented and plausible.
 *
 * Text placeholders: {{person-key}} is replaced with that person's full name.
 */

export type OrgKindSeed = 'ngo' | 'parish' | 'municipality' | 'county' | 'city' | 'company' | 'other';

export interface OrgDef {
  fi: string;
  sv?: string;
  en?: string;
  kind?: OrgKindSeed;
  /** People from this organisation get Swedish names. */
  swedish?: boolean;
}

/** The region's own organisation: the county, or the City of Helsinki. */
export const REGION_ORG = '@region';
/** A plain string is an NGO's Finnish name, or REGION_ORG. */
export type OrgRef = string | OrgDef;

export interface RefDeputy {
  person: string;
  org: OrgRef | null;
  lang?: 'fi' | 'sv';
  phone?: boolean;
}

export interface RefSeat {
  person: string;
  /** The represented organisation; null e.g. for elected officials. */
  org: OrgRef | null;
  affiliation?: 'professional' | 'volunteer';
  lang?: 'fi' | 'sv';
  phone?: boolean;
  deputy?: RefDeputy;
}

export interface RefCategory {
  fi: string;
  sv?: string;
  en?: string;
  memberSeats: number;
  deputySeats: number;
  seats: RefSeat[];
}

export type ExtraRole = 'elected_official' | 'county_representative' | 'municipality_representative' | 'invited_expert';

export interface RefExtraSeats {
  role: ExtraRole;
  memberSeats: number;
  deputySeats: number;
  seats: RefSeat[];
}

export interface RefOfficer {
  role: 'chair' | 'vice_chair' | 'secretary';
  /** A seat holder's key, or a new person (county employee etc.) described by org/title. */
  person: string;
  org?: OrgRef;
  /** Job title, used as the presenter's title on agendas. */
  title?: string;
  emailDomain?: string;
  lang?: 'fi' | 'sv';
}

/** Sub-body members outside any category (working groups, executive committees). */
export interface RefPlainMember {
  person: string;
  org: OrgRef | null;
  lang?: 'fi' | 'sv';
}

/** A member leaves mid-term; a successor takes the seat the next day. */
export interface RefChange {
  person: string;
  endDate: string;
  endReason: 'resigned' | 'replaced' | 'died' | 'other';
  endNote?: string;
  successor: { person: string; org: OrgRef; lang?: 'fi' | 'sv' };
}

export interface RefTerm {
  name: string;
  startDate: string;
  endDate: string | null;
  endNote?: string;
  categories: RefCategory[];
  extraSeats?: RefExtraSeats[];
  officers: RefOfficer[];
  plainMembers?: RefPlainMember[];
  changes?: RefChange[];
}

export interface RefItem {
  /** Lets statements and action plans point at the item. */
  key?: string;
  title: string;
  body?: string;
  proposal?: string;
  decision?: string;
  /** Swedish versions and the plain-language summary (bilingual councils, issue #14). */
  titleSv?: string;
  bodySv?: string;
  proposalSv?: string;
  decisionSv?: string;
  plainSummaryFi?: string;
  plainSummarySv?: string;
  /** Withheld reason: makes the item confidential. */
  confidential?: string;
}

export interface RefMeeting {
  /** Local date and time in Europe/Helsinki. */
  date: string;
  start: string;
  durationMinutes: number;
  status: 'held' | 'invited' | 'planned';
  title: string;
  titleSv?: string;
  type?: 'in_person' | 'online' | 'hybrid';
  address?: string;
  room?: string;
  items: RefItem[];
}

export interface RefChildCouncil {
  slug: string;
  nameFi: string;
  nameSv?: string;
  nameEn: string;
  kind: 'working_group' | 'executive_committee';
  establishedOn: string;
  descriptionFi: string;
  descriptionSv?: string;
  descriptionEn: string;
  term: RefTerm;
}

export interface RefStatement {
  type: 'statement' | 'position' | 'initiative';
  itemKey?: string;
  issuedOn: string;
  recipient: string;
  title: string;
  body: string;
  response: string;
  responseDate: string;
  /** The influence trace (issue 15): the receiving body's case number, due date, steps and outcome. */
  caseNumber?: string;
  responseDueOn?: string;
  outcome?: 'pending' | 'taken_into_account' | 'partly' | 'not_taken_into_account';
  steps?: Array<{ on: string; description: string }>;
}

export interface RefActionPlan {
  year: number;
  title: string;
  introduction: string;
  approvedItemKey?: string;
  approvedOn: string;
  publishedOn: string;
  goals: Array<{
    title: string;
    description: string;
    actions: Array<{
      title: string;
      description?: string;
      /** Person key of a member who owns the action; otherwise the secretariat does. */
      owner?: string;
      schedule?: string;
      dueDate?: string;
      status: 'planned' | 'in_progress' | 'done' | 'dropped';
      outcome?: string;
      itemKeys?: string[];
    }>;
  }>;
}

export interface RefCouncil {
  slug: string;
  regionSlug: string;
  establishedOn: string;
  descriptionFi: string;
  descriptionSv?: string;
  descriptionEn: string;
  secretariatContact: string;
  meetingFeeNote?: string;
  meetingFeeNoteSv?: string;
  appointingBody?: string;
  appointingBodySv?: string;
  appointingDecisionDate?: string;
  publicityDefault: 'public' | 'members_only';
  minutesKind: 'minutes' | 'memo';
  meetingPublicity: 'public' | 'closed';
  itemPublicity: 'public' | 'members_only';
  /** Standard agenda titles in Finnish and Swedish. */
  bilingualAgenda?: boolean;
  venue: { address: string; room?: string; onlineUrl?: string };
  /** Chronological; the last one is the current term. */
  terms: RefTerm[];
  children?: RefChildCouncil[];
  meetings: RefMeeting[];
  statements?: RefStatement[];
  actionPlan?: RefActionPlan;
}

// ---------------------------------------------------------------------------------------------
// Helpers that keep the data compact

interface CategoryDef {
  fi: string;
  sv?: string;
  en?: string;
  memberSeats?: number;
  /** [member's organisation, personal deputy's organisation or null] */
  seats: Array<[OrgRef, (OrgRef | null)?, { affiliation?: 'professional' | 'volunteer' }?]>;
}

/** Member keys are `${prefix}.${category}.${seat}`, deputy keys add 'd'. */
function categories(prefix: string, defs: CategoryDef[]): RefCategory[] {
  return defs.map((def, c) => {
    const seats: RefSeat[] = def.seats.map(([org, deputyOrg, extra], s) => ({
      person: `${prefix}.${c + 1}.${s + 1}`,
      org,
      ...(extra?.affiliation ? { affiliation: extra.affiliation } : {}),
      ...(deputyOrg ? { deputy: { person: `${prefix}.${c + 1}.${s + 1}d`, org: deputyOrg } } : {}),
    }));
    return {
      fi: def.fi,
      ...(def.sv ? { sv: def.sv } : {}),
      ...(def.en ? { en: def.en } : {}),
      memberSeats: def.memberSeats ?? seats.length,
      deputySeats: seats.filter((seat) => seat.deputy).length,
      seats,
    };
  });
}

/**
 * The same seat plan for an earlier term: the organisations keep their seats, the people are
 * new except those whose keys are listed as re-appointed.
 */
function previousCategories(current: RefCategory[], pastPrefix: string, reappointed: string[]): RefCategory[] {
  const keep = new Set(reappointed);
  const rename = (key: string) => (keep.has(key) ? key : `${pastPrefix}:${key}`);
  return current.map((category) => ({
    ...category,
    seats: category.seats.map((seat) => ({
      ...seat,
      person: rename(seat.person),
      ...(seat.deputy ? { deputy: { ...seat.deputy, person: rename(seat.deputy.person) } } : {}),
    })),
  }));
}

const STANDARD_FEE_NOTE = 'Kokouspalkkioita tai kulukorvauksia ei makseta.';

// ---------------------------------------------------------------------------------------------
// Varsinais-Suomi: 113 sote-järjestöjen neuvottelukunta (NGO-led, troikka, 2-year term)

const vsCategories = categories('vs', [
  {
    fi: 'Sote-järjestöt',
    sv: 'Social- och hälsovårdsorganisationer',
    en: 'Social and health NGOs',
    memberSeats: 15,
    seats: [
      ['Varsinais-Suomen Mielenterveysseura ry'],
      ['Turun Seudun Omaishoitajat ry'],
      ['Varsinais-Suomen Muistiyhdistys ry'],
      ['Salon Seudun Sydänyhdistys ry'],
      ['Turun Nuorten Tuki ry'],
      [{ fi: 'Turunmaan Vammaisyhdistys ry', sv: 'Åbolands Funktionshinderförening rf', swedish: true }],
      ['Varsinais-Suomen Päihdetyön Tuki ry'],
      ['Loimaan Seudun Kuntoutujat ry'],
      ['Uudenkaupungin Perhetalo ry'],
      ['Varsinais-Suomen Näkövammaisten Yhdistys ry'],
      ['Turun Kriisityön Yhdistys ry'],
      ['Varsinais-Suomen Kyläyhdistysten Liitto ry'],
      [{ fi: 'Paraisten Seniorit ry', sv: 'Pargas Seniorer rf', swedish: true }],
    ],
  },
]);

const varsinaisSuomi: RefCouncil = {
  slug: 'varsinais-suomi-113-neuvottelukunta',
  regionSlug: 'varsinais-suomi',
  establishedOn: '2021-02-01',
  descriptionFi: [
    'Varsinais-Suomen 113 sote-järjestöjen neuvottelukunta toimii alueen sosiaali- ja terveysjärjestöjen antamalla mandaatilla yhteistyössä hyvinvointialueen kanssa. Se vahvistaa sote-järjestöjen vaikuttaja- ja asiantuntijaroolia ja järjestötoiminnan toimintaedellytyksiä myös kuntatasolla.',
    'Toimintaa vetää troikka: puheenjohtaja, varapuheenjohtaja ja edellinen puheenjohtaja sekä sihteeri. Neuvottelukunta linjaa toiminnan suunnan, ja troikalla on toimivalta sovittujen tehtävien ja mandaatin perusteella.',
    'Neuvottelukunnassa on 12–15 jäsentä, ja jokainen toimii oman järjestönsä resurssein. Toimikausi on kaksi vuotta. Neuvottelukunta kokoontuu 2–4 kertaa vuodessa ja voi perustaa työryhmiä, joissa voi olla mukana myös muita järjestöjen edustajia.',
  ].join('\n\n'),
  descriptionSv: [
    'Egentliga Finlands 113-delegation för social- och hälsovårdsorganisationer arbetar med mandat från områdets social- och hälsovårdsorganisationer i samarbete med välfärdsområdet.',
    'Verksamheten leds av en trojka: ordförande, vice ordförande och föregående ordförande samt sekreteraren. Delegationen har 12–15 medlemmar, mandatperioden är två år och delegationen kan tillsätta arbetsgrupper.',
  ].join('\n\n'),
  descriptionEn:
    'NGO-mandated advisory council of 12–15 social and health NGOs, led by a troika; two-year term, meets 2–4 times a year and may set up working groups.',
  secretariatContact: 'neuvottelukunta113@varha.example',
  meetingFeeNote: 'Jäsenet osallistuvat oman järjestönsä resurssein; kokouspalkkioita ei makseta.',
  meetingFeeNoteSv: 'Medlemmarna deltar med sin egen organisations resurser; inga mötesarvoden betalas.',
  publicityDefault: 'public',
  minutesKind: 'minutes',
  meetingPublicity: 'public',
  itemPublicity: 'public',
  venue: { address: 'Järjestötalo, Turku', room: 'Kokoushuone Aura', onlineUrl: 'https://meet.example/vs113' },
  terms: [
    {
      name: '2026–2027',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      categories: vsCategories,
      officers: [
        { role: 'chair', person: 'vs.1.1' },
        { role: 'vice_chair', person: 'vs.1.2' },
        // vs.1.3, the previous chair, is the third member of the troikka and holds a member seat.
        {
          role: 'secretary',
          person: 'vs.sihteeri',
          org: 'Varsinais-Suomen Järjestöverkosto ry',
          title: 'järjestösuunnittelija',
        },
      ],
    },
  ],
  children: [
    {
      slug: 'varsinais-suomi-113-tyoryhma',
      nameFi: 'Järjestämissuunnitelman työryhmä',
      nameSv: 'Arbetsgruppen för organiseringsplanen',
      nameEn: 'Working Group on the Service Organisation Plan',
      kind: 'working_group',
      establishedOn: '2026-03-17',
      descriptionFi:
        '113-neuvottelukunnan työryhmä valmistelee järjestöjen näkökulmaa sosiaali- ja terveydenhuollon järjestämissuunnitelman teemoihin ja tekee neuvottelukunnalle esityksiä. Mukana on myös neuvottelukunnan ulkopuolisen järjestön edustaja.',
      descriptionSv:
        'Arbetsgruppen bereder organisationernas synpunkter på teman i organiseringsplanen för social- och hälsovården och lägger fram förslag till delegationen.',
      descriptionEn:
        'Working group of the 113 council preparing NGO input on the themes of the service organisation plan; includes a non-member NGO representative.',
      term: {
        name: '2026–2027',
        startDate: '2026-03-17',
        endDate: '2027-12-31',
        categories: [],
        officers: [
          { role: 'chair', person: 'vs.1.4' },
          { role: 'secretary', person: 'vs.sihteeri' },
        ],
        plainMembers: [
          { person: 'vs.1.4', org: 'Salon Seudun Sydänyhdistys ry' },
          { person: 'vs.1.7', org: 'Varsinais-Suomen Päihdetyön Tuki ry' },
          { person: 'vs.1.9', org: 'Uudenkaupungin Perhetalo ry' },
          // Not a member of the council itself.
          { person: 'vs.tr.ulkopuolinen', org: 'Turun Seudun Asukastupayhdistys ry' },
        ],
      },
    },
  ],
  meetings: [
    {
      date: '2026-03-17',
      start: '13:00',
      durationMinutes: 150,
      status: 'held',
      title: '113-neuvottelukunnan kokous 1/2026',
      titleSv: '113-delegationens möte 1/2026',
      items: [
        {
          title: 'Neuvottelukunnan toimintasuunnitelma vuodelle 2026',
          titleSv: 'Delegationens verksamhetsplan för 2026',
          body: 'Troikka on valmistellut toimintasuunnitelman luonnoksen, joka painottaa järjestöjen toimintaedellytyksiä kunnissa ja hyvinvointialueen järjestämissuunnitelman valmistelua.',
          bodySv: 'Trojkan har berett ett utkast till verksamhetsplan som betonar organisationernas verksamhetsförutsättningar i kommunerna och beredningen av välfärdsområdets organiseringsplan.',
          proposal: 'Neuvottelukunta hyväksyy toimintasuunnitelman vuodelle 2026.',
          proposalSv: 'Delegationen godkänner verksamhetsplanen för 2026.',
          decision: 'Neuvottelukunta hyväksyi toimintasuunnitelman vuodelle 2026 keskustelussa esiin tulleilla täydennyksillä.',
          decisionSv: 'Delegationen godkände verksamhetsplanen för 2026 med de tillägg som kom fram i diskussionen.',
        },
        {
          title: 'Työryhmän perustaminen järjestämissuunnitelman teemoihin',
          titleSv: 'Tillsättande av en arbetsgrupp för organiseringsplanens teman',
          body: 'Hyvinvointialue päivittää sosiaali- ja terveydenhuollon järjestämissuunnitelmaa. Järjestöjen näkökulman valmisteluun ehdotetaan työryhmää, johon voidaan kutsua myös neuvottelukunnan ulkopuolisia järjestöjen edustajia.',
          bodySv: 'Välfärdsområdet uppdaterar organiseringsplanen för social- och hälsovården. För att bereda organisationernas synvinkel föreslås en arbetsgrupp, till vilken även organisationsrepresentanter utanför delegationen kan bjudas in.',
          proposal: 'Neuvottelukunta perustaa järjestämissuunnitelman työryhmän ja nimeää sen jäsenet.',
          proposalSv: 'Delegationen tillsätter en arbetsgrupp för organiseringsplanen och utser dess medlemmar.',
          decision: 'Neuvottelukunta perusti järjestämissuunnitelman työryhmän. Työryhmän puheenjohtajaksi nimettiin {{vs.1.4}}.',
          decisionSv: 'Delegationen tillsatte en arbetsgrupp för organiseringsplanen. Till arbetsgruppens ordförande utsågs {{vs.1.4}}.',
        },
      ],
    },
    {
      date: '2026-06-09',
      start: '13:00',
      durationMinutes: 150,
      status: 'held',
      type: 'hybrid',
      title: '113-neuvottelukunnan kokous 2/2026',
      titleSv: '113-delegationens möte 2/2026',
      items: [
        {
          title: 'Järjestämissuunnitelman työryhmän väliraportti',
          titleSv: 'Mellanrapport från arbetsgruppen för organiseringsplanen',
          proposal: 'Neuvottelukunta merkitsee väliraportin tiedoksi ja antaa työryhmälle evästyksiä jatkotyöhön.',
          proposalSv: 'Delegationen antecknar mellanrapporten för kännedom och ger arbetsgruppen riktlinjer för det fortsatta arbetet.',
          decision: 'Merkittiin väliraportti tiedoksi. Työryhmää pyydettiin kiinnittämään erityistä huomiota asiakasohjaukseen järjestöjen toimintaan.',
          decisionSv: 'Mellanrapporten antecknades för kännedom. Arbetsgruppen ombads fästa särskild vikt vid klienthänvisning till organisationernas verksamhet.',
        },
        {
          title: 'Kuntien järjestöavustusten tilannekatsaus',
          titleSv: 'Lägesöversikt över kommunernas organisationsunderstöd',
          proposal: 'Neuvottelukunta merkitsee katsauksen tiedoksi.',
          proposalSv: 'Delegationen antecknar översikten för kännedom.',
          decision: 'Merkittiin katsaus tiedoksi. Sihteeri kokoaa jäsenjärjestöiltä tiedot avustusten muutoksista syksyn kokoukseen.',
          decisionSv: 'Översikten antecknades för kännedom. Sekreteraren samlar in uppgifter om ändringar i understöden från medlemsorganisationerna till höstens möte.',
        },
        {
          title: 'Kannanotto järjestöjen toimintaedellytyksistä kunnissa',
          titleSv: 'Ställningstagande om organisationernas verksamhetsförutsättningar i kommunerna',
          proposal: 'Neuvottelukunta hyväksyy kannanoton ja lähettää sen alueen kunnille.',
          proposalSv: 'Delegationen godkänner ställningstagandet och sänder det till kommunerna i området.',
          decision: 'Kannanotto hyväksyttiin muutetussa muodossa ja lähetetään alueen kunnille.',
          decisionSv: 'Ställningstagandet godkändes i ändrad form och sänds till kommunerna i området.',
        },
      ],
    },
    {
      date: '2026-10-06',
      start: '13:00',
      durationMinutes: 150,
      status: 'held',
      title: '113-neuvottelukunnan kokous 3/2026',
      titleSv: '113-delegationens möte 3/2026',
      items: [
        {
          title: 'Järjestöareenan 2026 anti',
          titleSv: 'Vad Organisationsarenan 2026 gav',
          proposal: 'Neuvottelukunta käy läpi Järjestöareenan palautteen ja sopii jatkotoimista.',
          proposalSv: 'Delegationen går igenom responsen från Organisationsarenan och kommer överens om fortsatta åtgärder.',
          decision: 'Käytiin läpi palaute. Seuraavan areenan teemaksi esitetään järjestöjen ja sote-keskusten yhteistyötä.',
          decisionSv: 'Responsen gicks igenom. Som tema för nästa arena föreslås samarbetet mellan organisationerna och social- och hälsocentralerna.',
        },
        {
          title: 'Talousarvio 2027: järjestöyhteistyön resurssit',
          titleSv: 'Budget 2027: resurserna för organisationssamarbetet',
          proposal: 'Neuvottelukunta valtuuttaa troikan viemään järjestöjen näkemykset talousarvion valmisteluun.',
          proposalSv: 'Delegationen bemyndigar trojkan att föra fram organisationernas synpunkter i budgetberedningen.',
          decision: 'Hyväksyttiin esityksen mukaisesti.',
          decisionSv: 'Godkändes enligt förslaget.',
        },
      ],
    },
    {
      date: '2026-12-10',
      start: '13:00',
      durationMinutes: 150,
      status: 'invited',
      title: '113-neuvottelukunnan kokous 4/2026',
      titleSv: '113-delegationens möte 4/2026',
      items: [
        { title: 'Toimintasuunnitelma vuodelle 2027', titleSv: 'Verksamhetsplan för 2027', body: 'Troikka valmistelee luonnoksen marraskuun aikana.', bodySv: 'Trojkan bereder ett utkast under november.' },
        { title: 'Troikan kokoonpano vuonna 2027', titleSv: 'Trojkans sammansättning år 2027' },
      ],
    },
    {
      date: '2027-03-16',
      start: '13:00',
      durationMinutes: 150,
      status: 'planned',
      title: '113-neuvottelukunnan kokous 1/2027',
      titleSv: '113-delegationens möte 1/2027',
      items: [{ title: 'Toimintakertomus vuodelta 2026', titleSv: 'Verksamhetsberättelse för 2026' }],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Helsinki: järjestöneuvottelukunta (14 NGO members + 5 elected officials, each with a deputy)

const helsinkiCategories = categories('hel', [
  {
    fi: 'Sosiaali- ja terveysjärjestöt',
    sv: 'Social- och hälsovårdsorganisationer',
    en: 'Social and health NGOs',
    seats: [
      ['Helsingin Mielenterveysseura ry', 'Helsingin Seudun Omaishoitajat ry'],
      ['Helsingin Vammaisjärjestöjen Yhteistyö ry', 'Pääkaupunkiseudun Kuuloyhdistys ry'],
      ['Helsingin Muistiyhdistys ry', 'Stadin Seniorit ry'],
      ['Helsingin Päihdetyön Tuki ry', 'Helsingin Kriisityön Yhdistys ry'],
    ],
  },
  {
    fi: 'Lapsi-, nuoriso- ja perhejärjestöt',
    sv: 'Barn-, ungdoms- och familjeorganisationer',
    en: 'Children, youth and family NGOs',
    seats: [
      ['Helsingin Perhejärjestöt ry', 'Stadin Nuorisoverkosto ry'],
      [
        { fi: 'Helsingin ruotsinkielinen perheyhdistys ry', sv: 'Helsingfors Svenska Familjeförening rf', swedish: true },
        'Helsingin Lapsiperheiden Tuki ry',
      ],
      ['Helsingin Nuorten Partiotoiminta ry', 'Helsingin Koululaiskerhot ry'],
    ],
  },
  {
    fi: 'Liikuntajärjestöt',
    sv: 'Idrottsorganisationer',
    en: 'Sports NGOs',
    seats: [
      ['Helsingin Liikuntaseurojen Yhteistyö ry', 'Stadin Soveltava Liikunta ry'],
      [
        { fi: 'Helsingin ruotsinkieliset urheiluseurat ry', sv: 'Helsingfors Idrottsföreningar rf', swedish: true },
        'Helsingin Seniorien Liikuntaseura ry',
      ],
    ],
  },
  {
    fi: 'Kulttuurijärjestöt',
    sv: 'Kulturorganisationer',
    en: 'Cultural NGOs',
    seats: [
      ['Helsingin Kulttuuriyhdistysten Liitto ry', 'Stadin Kuorot ry'],
      [
        'Helsingin Harrastajateatterit ry',
        { fi: 'Helsingin ruotsinkieliset kulttuuriyhdistykset ry', sv: 'Helsingfors Kulturföreningar rf', swedish: true },
      ],
    ],
  },
  {
    fi: 'Asukas- ja kaupunginosayhdistykset',
    sv: 'Invånar- och stadsdelsföreningar',
    en: 'Residents’ and neighbourhood associations',
    seats: [
      ['Helsingin Kaupunginosayhdistysten Verkosto ry', 'Itä-Helsingin Asukasyhdistys ry'],
      ['Pohjois-Helsingin Asukasyhdistys ry', 'Länsi-Helsingin Kaupunginosaseura ry'],
    ],
  },
  {
    fi: 'Monikulttuuriset järjestöt ja yhdenvertaisuus',
    sv: 'Mångkulturella organisationer och likabehandling',
    en: 'Multicultural NGOs and equality',
    seats: [['Helsingin Monikulttuuristen Yhdistysten Verkosto ry', 'Stadin Kotoutumista Tukevat ry']],
  },
]);

function helsinkiElected(prefix: string): RefExtraSeats {
  return {
    role: 'elected_official',
    memberSeats: 5,
    deputySeats: 5,
    seats: [1, 2, 3, 4, 5].map((n) => ({
      person: `${prefix}.lh.${n}`,
      org: null,
      deputy: { person: `${prefix}.lh.${n}d`, org: null },
    })),
  };
}

const helsinkiElectedCurrent = helsinkiElected('hel');
const helsinkiElectedPast: RefExtraSeats = {
  ...helsinkiElected('hel-2023'),
};
// Two elected officials continue from the first term.
helsinkiElectedPast.seats[1] = { person: 'hel.lh.2', org: null, deputy: { person: 'hel-2023.lh.2d', org: null } };
helsinkiElectedPast.seats[3] = { person: 'hel.lh.4', org: null, deputy: { person: 'hel.lh.4d', org: null } };

const helsinki: RefCouncil = {
  slug: 'helsinki-jarjestoneuvottelukunta',
  regionSlug: 'helsinki',
  establishedOn: '2023-02-06',
  descriptionFi: [
    'Helsingin kaupungin järjestöneuvottelukunta on kaupungin ja helsinkiläisten järjestöjen yhteistyöelin. Kaupunginhallitus päätti sen tavoitteista, jäsenyysprosessista ja käytännöistä 6.2.2023.',
    'Neuvottelukuntaan kuuluu 14 järjestöjäsentä ja 5 luottamushenkilöjäsentä, kullakin henkilökohtainen varajäsen. Toimikausi on kaksi vuotta. Puheenjohtajana toimii sosiaali-, terveys- ja pelastustoimen apulaispormestari, varapuheenjohtajana neuvottelukunnan valitsema järjestöjäsen, ja sihteereinä kaksi kaupungin työntekijää.',
    'Neuvottelukunta kokoontuu neljästi vuodessa. Esityslistat ja pöytäkirjat ovat julkisia asiakirjoja. Kokouksia valmistelee työvaliokunta.',
  ].join('\n\n'),
  descriptionSv: [
    'Helsingfors stads organisationsdelegation är ett samarbetsorgan mellan staden och organisationerna i Helsingfors. Stadsstyrelsen beslutade om dess mål och praxis 6.2.2023.',
    'Delegationen har 14 organisationsmedlemmar och 5 förtroendevalda, var och en med en personlig ersättare. Mandatperioden är två år. Ordförande är biträdande borgmästaren för social-, hälsovårds- och räddningssektorn. Föredragningslistor och protokoll är offentliga.',
  ].join('\n\n'),
  descriptionEn:
    'The City of Helsinki NGO advisory council: 14 NGO members and 5 elected officials with personal deputies; two-year term; chaired by a deputy mayor; meets four times a year; agendas and minutes are public.',
  secretariatContact: 'jarjestoneuvottelukunta@hel.example',
  appointingBody: 'Kaupunginhallitus',
  appointingDecisionDate: '2023-02-06',
  publicityDefault: 'public',
  minutesKind: 'minutes',
  meetingPublicity: 'public',
  itemPublicity: 'public',
  venue: { address: 'Kaupungintalo, Helsinki', room: 'Kokoushuone Kaisaniemi', onlineUrl: 'https://meet.example/hel-jnk' },
  terms: [
    {
      name: '2023–2025',
      startDate: '2023-03-01',
      endDate: '2025-05-31',
      categories: previousCategories(helsinkiCategories, 'hel-2023', [
        'hel.1.1',
        'hel.1.3d',
        'hel.2.1',
        'hel.2.2',
        'hel.3.1d',
        'hel.5.2',
      ]),
      extraSeats: [helsinkiElectedPast],
      officers: [
        { role: 'chair', person: 'hel-2023.lh.1' },
        { role: 'vice_chair', person: 'hel.2.1' },
        { role: 'secretary', person: 'hel.sihteeri.1', org: REGION_ORG, title: 'kehittämispäällikkö', emailDomain: 'hel.example' },
        { role: 'secretary', person: 'hel-2023.sihteeri.2', org: REGION_ORG, title: 'vuorovaikutussuunnittelija', emailDomain: 'hel.example' },
      ],
    },
    {
      name: '2025–2027',
      startDate: '2025-06-01',
      endDate: '2027-05-31',
      categories: helsinkiCategories,
      extraSeats: [helsinkiElectedCurrent],
      officers: [
        // The chair is a deputy mayor who also holds an elected-official seat.
        { role: 'chair', person: 'hel.lh.1' },
        { role: 'vice_chair', person: 'hel.2.1' },
        { role: 'secretary', person: 'hel.sihteeri.1', org: REGION_ORG, title: 'kehittämispäällikkö', emailDomain: 'hel.example' },
        {
          role: 'secretary',
          person: 'hel.sihteeri.2',
          org: REGION_ORG,
          title: 'vuorovaikutussuunnittelija',
          emailDomain: 'hel.example',
          lang: 'sv',
        },
      ],
    },
  ],
  children: [
    {
      slug: 'helsinki-jarjestoneuvottelukunta-tyovaliokunta',
      nameFi: 'Järjestöneuvottelukunnan työvaliokunta',
      nameSv: 'Organisationsdelegationens arbetsutskott',
      nameEn: 'Executive Committee of the NGO Advisory Council',
      kind: 'executive_committee',
      establishedOn: '2023-10-02',
      descriptionFi: 'Työvaliokunta valmistelee järjestöneuvottelukunnan kokoukset. Se perustettiin 2.10.2023.',
      descriptionSv: 'Arbetsutskottet bereder organisationsdelegationens möten. Det inrättades 2.10.2023.',
      descriptionEn: 'Prepares the meetings of the NGO advisory council; set up on 2 October 2023.',
      term: {
        name: '2025–2027',
        startDate: '2025-06-01',
        endDate: '2027-05-31',
        categories: [],
        officers: [
          { role: 'chair', person: 'hel.2.1' },
          { role: 'secretary', person: 'hel.sihteeri.1' },
          { role: 'secretary', person: 'hel.sihteeri.2' },
        ],
        plainMembers: [
          { person: 'hel.2.1', org: 'Helsingin Perhejärjestöt ry' },
          { person: 'hel.1.1', org: 'Helsingin Mielenterveysseura ry' },
          { person: 'hel.4.1', org: 'Helsingin Kulttuuriyhdistysten Liitto ry' },
          { person: 'hel.5.1', org: 'Helsingin Kaupunginosayhdistysten Verkosto ry' },
          { person: 'hel.lh.3', org: null },
        ],
      },
    },
  ],
  meetings: [
    {
      date: '2026-02-24',
      start: '14:00',
      durationMinutes: 120,
      status: 'held',
      title: 'Järjestöneuvottelukunnan kokous 1/2026',
      items: [
        {
          title: 'Järjestöavustusten vaikuttavuusarvioinnin jatkotyö',
          body: 'Jäsenet työstivät syksyllä 2025 avustuksilla tuetun toiminnan vaikuttavuuden arviointia. Kaupunginkanslia esittelee ehdotuksen arviointimallin kokeilusta.',
          proposal: 'Neuvottelukunta puoltaa arviointimallin kokeilua vuonna 2026.',
          decision: 'Neuvottelukunta puolsi arviointimallin kokeilua ja pyysi väliraportin syyskuun kokoukseen.',
        },
        {
          key: 'hel-kumppanuustori',
          title: 'Kumppanuustori 2026: suunnittelu',
          proposal: 'Neuvottelukunta nimeää työvaliokunnan valmistelemaan kumppanuustorin ohjelmaa.',
          decision: 'Hyväksyttiin esityksen mukaisesti.',
        },
        {
          title: 'Järjestöneuvottelukunnan vuosisuunnitelma 2026',
          proposal: 'Neuvottelukunta hyväksyy vuosisuunnitelman ja kokousaikataulun.',
          decision: 'Vuosisuunnitelma ja kokousaikataulu hyväksyttiin.',
        },
      ],
    },
    {
      date: '2026-05-19',
      start: '14:00',
      durationMinutes: 120,
      status: 'held',
      title: 'Järjestöneuvottelukunnan kokous 2/2026',
      items: [
        {
          key: 'hel-lausunto-avustukset',
          title: 'Lausunto kaupungin avustusjärjestelmän uudistamisesta',
          body: 'Kaupunginkanslia on pyytänyt neuvottelukunnalta lausuntoa avustusjärjestelmän uudistamisen linjauksista. Työvaliokunta on valmistellut lausuntoluonnoksen.',
          proposal: 'Neuvottelukunta antaa lausunnon liitteen mukaisena.',
          decision: 'Neuvottelukunta antoi lausunnon muutetussa muodossa: monivuotisten toiminta-avustusten merkitystä korostetaan.',
        },
        {
          title: 'Sosiaalipalvelujen asiakkaan yhteydenotto neuvottelukunnalle',
          body: 'Asiakirja sisältää salassa pidettäviä tietoja.',
          proposal: 'Neuvottelukunta ohjaa asian käsiteltäväksi sosiaali-, terveys- ja pelastustoimialalle.',
          decision: 'Asia ohjattiin toimialan käsiteltäväksi.',
          confidential: 'JulkL 24 § 1 mom. 25 k.',
        },
        {
          title: 'Kaupungin tilojen maksuton käyttö järjestötoiminnassa',
          proposal: 'Neuvottelukunta merkitsee selvityksen tiedoksi ja päättää valmistella aiheesta aloitteen.',
          decision: 'Merkittiin tiedoksi. Työvaliokunta valmistelee aloitteen syyskuun kokoukseen.',
        },
      ],
    },
    {
      date: '2026-09-22',
      start: '14:00',
      durationMinutes: 120,
      status: 'held',
      title: 'Järjestöneuvottelukunnan kokous 3/2026',
      items: [
        {
          key: 'hel-aloite-tilat',
          title: 'Aloite järjestöjen tilojen maksuttoman käytön laajentamisesta',
          proposal: 'Neuvottelukunta tekee kaupunginhallitukselle aloitteen liitteen mukaisena.',
          decision: 'Aloite hyväksyttiin esityksen mukaisesti.',
        },
        {
          title: 'Hyte-neuvottelut 2026: järjestöjen näkökulma',
          proposal: 'Neuvottelukunta merkitsee tiedoksi ja nimeää edustajansa neuvotteluihin.',
          decision: 'Merkittiin tiedoksi. Edustajaksi nimettiin {{hel.1.1}}.',
        },
        {
          title: 'Työvaliokunnan kuulumiset',
          proposal: 'Merkitään tiedoksi.',
          decision: 'Merkittiin tiedoksi.',
        },
      ],
    },
    {
      date: '2026-12-08',
      start: '14:00',
      durationMinutes: 120,
      status: 'invited',
      title: 'Järjestöneuvottelukunnan kokous 4/2026',
      items: [
        { title: 'Järjestöneuvottelukunnan toimintakertomus 2026' },
        { title: 'Kokousaikataulu vuodelle 2027' },
      ],
    },
    {
      date: '2027-02-23',
      start: '14:00',
      durationMinutes: 120,
      status: 'planned',
      title: 'Järjestöneuvottelukunnan kokous 1/2027',
      items: [{ title: 'Kumppanuustori 2027' }],
    },
  ],
  statements: [
    {
      type: 'statement',
      itemKey: 'hel-lausunto-avustukset',
      issuedOn: '2026-05-25',
      recipient: 'Helsingin kaupunginhallitus',
      title: 'Lausunto kaupungin avustusjärjestelmän uudistamisesta',
      body: 'Järjestöneuvottelukunta pitää avustusjärjestelmän selkeyttämistä kannatettavana. Monivuotiset toiminta-avustukset turvaavat järjestöjen pitkäjänteisen työn, ja hakuaikataulut tulee sovittaa yhteen eri toimialojen kesken.',
      response: 'Kaupunginkanslia on huomioinut lausunnon uudistuksen jatkovalmistelussa. Monivuotisten avustusten kokeilu käynnistyy vuonna 2027.',
      responseDate: '2026-08-31',
    },
    {
      type: 'initiative',
      itemKey: 'hel-aloite-tilat',
      issuedOn: '2026-09-28',
      recipient: 'Helsingin kaupunginhallitus',
      title: 'Aloite järjestöjen tilojen maksuttoman käytön laajentamisesta',
      body: 'Järjestöneuvottelukunta esittää, että kaupungin tiloja voisi käyttää maksutta yleishyödylliseen järjestötoimintaan nykyistä laajemmin myös iltaisin ja viikonloppuisin.',
      response: 'Kaupunginhallitus on merkinnyt aloitteen tiedoksi ja pyytänyt kasvatuksen ja koulutuksen toimialaa selvittämään koulutilojen iltakäytön laajentamista.',
      responseDate: '2026-11-09',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Keski-Uusimaa: järjestöneuvottelukunta (NGO-led; theme networks name a professional and a volunteer)

const kuCategories = categories('ku', [
  {
    fi: 'Lapsi-, nuoriso- ja perhejärjestöjen teemaverkosto',
    en: 'Theme network of children, youth and family NGOs',
    seats: [
      ['Hyvinkään Perhetoiminta ry', null, { affiliation: 'professional' }],
      ['Tuusulan Nuorisoseura ry', null, { affiliation: 'volunteer' }],
    ],
  },
  {
    fi: 'Mielenterveys- ja päihdetoimijoiden kumppanuusverkosto',
    en: 'Partnership network of mental health and substance abuse actors',
    seats: [
      ['Nurmijärven Kuntoutumisyhteisö ry', null, { affiliation: 'professional' }],
      ['Järvenpään Mielenterveysyhdistys ry', null, { affiliation: 'volunteer' }],
    ],
  },
  {
    fi: 'Ikäihmisten ja omaishoidon teemaverkosto',
    en: 'Theme network of older people and family carers',
    seats: [
      ['Keski-Uudenmaan Omaishoitajat ry', null, { affiliation: 'professional' }],
      ['Mäntsälän Eläkkeensaajat ry', null, { affiliation: 'volunteer' }],
    ],
  },
  {
    fi: 'Vammais- ja potilasjärjestöjen teemaverkosto',
    en: 'Theme network of disability and patient NGOs',
    seats: [
      ['Keski-Uudenmaan Vammaisyhdistys ry', null, { affiliation: 'professional' }],
      ['Tuusulan Sydänyhdistys ry', null, { affiliation: 'volunteer' }],
    ],
  },
  {
    fi: 'Monialajärjestöt ja muut -teemaverkosto',
    en: 'Theme network of multi-field and other NGOs',
    seats: [
      ['Järvenpään Sosiaalipalveluyhdistys ry', null, { affiliation: 'professional' }],
      ['Pornaisten Kyläyhdistys ry', null, { affiliation: 'volunteer' }],
    ],
  },
]);

const kuStandardItem: RefItem = {
  title: 'Teemaverkostojen kuulumiset',
  proposal: 'Kuullaan teemaverkostojen ajankohtaiset asiat.',
  decision: 'Kuultiin teemaverkostojen kuulumiset.',
};

const keskiUusimaa: RefCouncil = {
  slug: 'keski-uusimaa-jarjestoneuvottelukunta',
  regionSlug: 'keski-uusimaa',
  establishedOn: '2022-05-01',
  descriptionFi: [
    'Keski-Uudenmaan järjestöneuvottelukunta on järjestölähtöinen yhteistyöelin, joka toimii yhteytenä hyvinvointialueelle ja alueen kuuteen kuntaan. Se on järjestöjen puolestapuhuja ja yhdistäjä sekä julkisen sektorin kehittäjäkumppani.',
    'Järjestöjen teemaverkostot nimeävät neuvottelukuntaan kukin kaksi jäsentä: toinen on järjestössä töissä (järjestöammattilainen) ja toinen toimii järjestössä vapaaehtoisena. Lisäksi mukana on hyvinvointialueen edustaja ja kuntakumppanien edustajia.',
    'Neuvottelukunta kokoontuu noin kerran kuukaudessa, kymmenen kertaa vuodessa, pääosin etänä. Kokoukset ovat suljettuja; kutsut, esityslistat ja muistiot jaetaan jäsenille suljetussa kanavassa.',
  ].join('\n\n'),
  descriptionEn:
    'NGO-led advisory council: five theme networks each name a professional and a volunteer, plus a county representative and municipal partners; meets about monthly; meetings are closed.',
  secretariatContact: 'jarjestoneuvottelukunta@ku-jarjestot.example',
  publicityDefault: 'members_only',
  minutesKind: 'memo',
  meetingPublicity: 'closed',
  itemPublicity: 'members_only',
  venue: { address: 'Järjestötalo, Järvenpää', room: 'Sali', onlineUrl: 'https://meet.example/ku-jnk' },
  terms: [
    {
      name: '2026–2027',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      categories: kuCategories,
      extraSeats: [
        {
          role: 'county_representative',
          memberSeats: 1,
          deputySeats: 1,
          seats: [
            {
              person: 'ku.hva',
              org: REGION_ORG,
              deputy: { person: 'ku.hva.d', org: REGION_ORG },
            },
          ],
        },
        {
          role: 'municipality_representative',
          memberSeats: 2,
          deputySeats: 0,
          seats: [
            { person: 'ku.kunta.1', org: { fi: 'Järvenpään kaupunki', sv: 'Träskända stad', kind: 'municipality' } },
            { person: 'ku.kunta.2', org: { fi: 'Tuusulan kunta', sv: 'Tusby kommun', kind: 'municipality' } },
          ],
        },
      ],
      officers: [
        { role: 'chair', person: 'ku.5.1' },
        { role: 'vice_chair', person: 'ku.2.1' },
        { role: 'secretary', person: 'ku.sihteeri', org: 'Keski-Uudenmaan Järjestöverkosto ry', title: 'toiminnanjohtaja' },
      ],
    },
  ],
  meetings: [
    {
      date: '2026-08-18',
      start: '09:00',
      durationMinutes: 120,
      status: 'held',
      type: 'online',
      title: 'Järjestöneuvottelukunnan kokous 6/2026',
      items: [
        kuStandardItem,
        {
          title: 'Ilmiöpaja: yksinäisyys',
          body: 'Ilmiöpajassa pureudutaan alueella tunnistettuun ilmiöön ja etsitään yhteisiä ratkaisuja asukkaiden yksinäisyyden vähentämiseksi.',
          proposal: 'Neuvottelukunta sopii ilmiöpajan järjestämisestä syyskuussa.',
          decision: 'Sovittiin ilmiöpajan järjestämisestä. Valmisteluun osallistuvat {{ku.3.1}} ja {{ku.1.2}}.',
        },
        {
          title: 'Lausunto hyvinvointisuunnitelman luonnoksesta',
          proposal: 'Neuvottelukunta antaa lausunnon keskustelun pohjalta.',
          decision: 'Sihteeri kokoaa lausunnon keskustelun pohjalta ja lähettää sen hyvinvointialueelle.',
        },
      ],
    },
    {
      date: '2026-09-15',
      start: '09:00',
      durationMinutes: 150,
      status: 'held',
      type: 'in_person',
      title: 'Järjestöneuvottelukunnan kokous 7/2026',
      items: [
        kuStandardItem,
        {
          title: 'Järjestöavustusten riittävyys kunnissa ja hyvinvointialueella',
          proposal: 'Neuvottelukunta kokoaa järjestöjen näkemykset avustusten yhteensovittamisesta.',
          decision: 'Todettiin, että kuntien ja hyvinvointialueen avustusten tulee täydentää toisiaan. Asiasta laaditaan kannanotto.',
        },
        {
          title: 'Asiakasohjauksen kehittäminen järjestöjen toimintaan',
          proposal: 'Merkitään tiedoksi hyvinvointialueen katsaus.',
          decision: 'Merkittiin tiedoksi.',
        },
      ],
    },
    {
      date: '2026-10-13',
      start: '09:00',
      durationMinutes: 120,
      status: 'held',
      type: 'online',
      title: 'Järjestöneuvottelukunnan kokous 8/2026',
      items: [
        kuStandardItem,
        {
          title: 'Hyte-neuvottelut kuntien kanssa',
          proposal: 'Neuvottelukunta nimeää edustajansa kuntien hyte-neuvotteluihin.',
          decision: 'Edustajiksi nimettiin {{ku.4.1}} ja {{ku.2.2}}.',
        },
        {
          title: 'Järjestöneuvottelukunnan toiminnan arviointi',
          proposal: 'Sovitaan arviointikyselyn toteuttamisesta jäsenille ja teemaverkostoille.',
          decision: 'Sovittiin kyselyn toteuttamisesta marraskuussa.',
        },
      ],
    },
    {
      date: '2026-11-10',
      start: '09:00',
      durationMinutes: 120,
      status: 'held',
      type: 'online',
      title: 'Järjestöneuvottelukunnan kokous 9/2026',
      items: [
        kuStandardItem,
        {
          title: 'Ilmiöpajan tulokset',
          proposal: 'Merkitään tiedoksi ja sovitaan jatkotoimista.',
          decision: 'Merkittiin tiedoksi. Tulokset esitellään hyvinvointialueen hyte-ryhmälle.',
        },
        {
          title: 'Teemaverkostoille vietävät asiat',
          proposal: 'Kootaan teemaverkostoille vietävät asiat.',
          decision: 'Koottiin viestit teemaverkostoille.',
        },
      ],
    },
    {
      date: '2026-12-08',
      start: '09:00',
      durationMinutes: 120,
      status: 'invited',
      type: 'online',
      title: 'Järjestöneuvottelukunnan kokous 10/2026',
      items: [kuStandardItem, { title: 'Arviointikyselyn tulokset' }, { title: 'Kokousaikataulu kevät 2027' }],
    },
    {
      date: '2027-01-19',
      start: '09:00',
      durationMinutes: 120,
      status: 'planned',
      type: 'online',
      title: 'Järjestöneuvottelukunnan kokous 1/2027',
      items: [{ title: 'Toimintasuunnitelma 2027' }],
    },
    {
      date: '2027-02-16',
      start: '09:00',
      durationMinutes: 120,
      status: 'planned',
      type: 'online',
      title: 'Järjestöneuvottelukunnan kokous 2/2027',
      items: [],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Itä-Uusimaa: sote-järjestöjen kumppanuuspöytä (22 NGO members across 11 categories, bilingual)

const iuCategories = categories('iu', [
  {
    fi: 'Lapsi- ja perhejärjestöt',
    sv: 'Barn- och familjeorganisationer',
    en: 'Children and family NGOs',
    seats: [
      ['Porvoon Perhekeskusyhdistys ry'],
      [{ fi: 'Sipoon Lapsiperheyhdistys ry', sv: 'Sibbo Barnfamiljeförening rf', swedish: true }],
    ],
  },
  {
    fi: 'Nuorten järjestöt',
    sv: 'Ungdomsorganisationer',
    en: 'Youth NGOs',
    seats: [
      ['Loviisan Nuorisoseura ry'],
      [{ fi: 'Itä-Uudenmaan ruotsinkieliset nuoret ry', sv: 'Östnylands Svenska Ungdom rf', swedish: true }],
    ],
  },
  {
    fi: 'Ikäihmisten järjestöt',
    sv: 'Organisationer för äldre',
    en: 'Older people’s NGOs',
    seats: [
      ['Porvoon Seudun Eläkeläiset ry'],
      [{ fi: 'Loviisan Seudun Seniorit ry', sv: 'Lovisanejdens Seniorer rf', swedish: true }],
    ],
  },
  {
    fi: 'Mielenterveysjärjestöt',
    sv: 'Organisationer inom mental hälsa',
    en: 'Mental health NGOs',
    seats: [['Itä-Uudenmaan Mielenterveysyhdistys ry'], ['Porvoon Klubitalo ry']],
  },
  {
    fi: 'Päihdetyön järjestöt',
    sv: 'Organisationer inom missbruksarbete',
    en: 'Substance abuse NGOs',
    seats: [['Itä-Uudenmaan Päihdetyön Tuki ry'], [{ fi: 'Porvoon Raittiusyhdistys ry', sv: 'Borgå Nykterhetsförening rf' }]],
  },
  {
    fi: 'Vammaisjärjestöt',
    sv: 'Funktionshinderorganisationer',
    en: 'Disability NGOs',
    seats: [
      [{ fi: 'Itä-Uudenmaan Vammaisyhdistys ry', sv: 'Östra Nylands Handikappförening rf', swedish: true }],
      ['Porvoon Seudun Kehitysvammaisten Tuki ry'],
    ],
  },
  {
    fi: 'Potilas- ja sairausjärjestöt',
    sv: 'Patient- och sjukdomsorganisationer',
    en: 'Patient and illness NGOs',
    seats: [['Itä-Uudenmaan Sydänyhdistys ry'], ['Porvoon Seudun Diabetesyhdistys ry']],
  },
  {
    fi: 'Työllisyyttä ja yhteisöllisyyttä tukevat sosiaalialan järjestöt',
    sv: 'Sociala organisationer som stöder sysselsättning och gemenskap',
    en: 'Social NGOs supporting employment and community',
    seats: [['Itä-Uudenmaan Työllisyysyhdistys ry'], ['Loviisan Asukastupa ry']],
  },
  {
    fi: 'Turvallisuutta edistävät järjestöt',
    sv: 'Organisationer som främjar säkerhet',
    en: 'Safety NGOs',
    seats: [
      [{ fi: 'Porvoon Vapaaehtoinen Palokunta ry', sv: 'Borgå Frivilliga Brandkår rf', swedish: true }],
      ['Itä-Uudenmaan Kriisityön Yhdistys ry'],
    ],
  },
  {
    fi: 'Monialajärjestöt',
    sv: 'Mångsektoriella organisationer',
    en: 'Multi-field NGOs',
    seats: [
      ['Itä-Uudenmaan Järjestöyhteistyö ry'],
      [{ fi: 'Sipoon Yhdistysten Yhteisö ry', sv: 'Sibbo Föreningsgemenskap rf', swedish: true }],
    ],
  },
  {
    fi: 'Muut järjestöt',
    sv: 'Övriga organisationer',
    en: 'Other NGOs',
    seats: [['Lapinjärven Kyläyhdistys ry'], ['Myrskylän Kotiseutuyhdistys ry']],
  },
]);

const itaUusimaa: RefCouncil = {
  slug: 'ita-uusimaa-kumppanuuspoyta',
  regionSlug: 'ita-uusimaa',
  establishedOn: '2023-10-01',
  descriptionFi: [
    'Sote-järjestöjen kumppanuuspöytä on Itä-Uudenmaan hyvinvointialueen ja alueen järjestöjen yhteistyöfoorumi. Jäsenet valittiin avoimella haulla teemoittain; valinnassa huomioitiin alueen kaksikielisyys ja alueellinen edustavuus.',
    'Kumppanuuspöydässä on 22 järjestöjäsentä, kaksi kustakin 11 järjestöluokasta. Aluehallitus hyväksyi kokoonpanon 28.9.2023. Puheenjohtaja ja sihteeri ovat hyvinvointialueen työntekijöitä, ja järjestöjen sote-muutostuen asiantuntija osallistuu kokouksiin kutsuttuna asiantuntijana.',
  ].join('\n\n'),
  descriptionSv: [
    'Partnerskapsbordet för social- och hälsovårdsorganisationer är ett samarbetsforum mellan Östra Nylands välfärdsområde och organisationerna i regionen. Medlemmarna valdes genom en öppen ansökan per tema med beaktande av tvåspråkighet och regional täckning.',
    'Partnerskapsbordet har 22 organisationsmedlemmar, två från var och en av 11 organisationskategorier. Regionstyrelsen godkände sammansättningen 28.9.2023. Ordföranden och sekreteraren är anställda vid välfärdsområdet.',
  ].join('\n\n'),
  descriptionEn:
    'County-led partnership table of 22 NGO members from 11 categories, chosen by open call with bilingualism and regional coverage in mind; approved by the regional government on 28 September 2023.',
  secretariatContact: 'kumppanuuspoyta@itauusimaa.example',
  appointingBody: 'Aluehallitus',
  appointingBodySv: 'Regionstyrelsen',
  appointingDecisionDate: '2023-09-28',
  publicityDefault: 'public',
  minutesKind: 'minutes',
  meetingPublicity: 'public',
  itemPublicity: 'public',
  bilingualAgenda: true,
  venue: { address: 'Kumppanuustalo, Porvoo', room: 'Kokoushuone Meri', onlineUrl: 'https://meet.example/iu-kumppanuuspoyta' },
  terms: [
    {
      name: '2023–',
      startDate: '2023-10-01',
      endDate: null,
      endNote: 'Toistaiseksi; kokoonpano tarkistetaan aluevaltuustokauden vaihtuessa.',
      categories: iuCategories,
      extraSeats: [
        {
          role: 'invited_expert',
          memberSeats: 1,
          deputySeats: 0,
          seats: [{ person: 'iu.asiantuntija', org: 'Uudenmaan Järjestöjen Muutostuki ry' }],
        },
      ],
      officers: [
        {
          role: 'chair',
          person: 'iu.pj',
          org: REGION_ORG,
          title: 'järjestötyön ja osallisuuden asiantuntija',
          emailDomain: 'itauusimaa.example',
        },
        {
          role: 'secretary',
          person: 'iu.sihteeri',
          org: REGION_ORG,
          title: 'kumppanuustalon koordinaattori',
          emailDomain: 'itauusimaa.example',
          lang: 'sv',
        },
      ],
    },
  ],
  meetings: [
    {
      date: '2026-02-04',
      start: '13:00',
      durationMinutes: 120,
      status: 'held',
      title: 'Kumppanuuspöydän kokous 1/2026',
      titleSv: 'Partnerskapsbordets möte 1/2026',
      items: [
        {
          title: 'Kumppanuuspöydän toimintasuunnitelma 2026',
          titleSv: 'Partnerskapsbordets verksamhetsplan 2026',
          proposal: 'Kumppanuuspöytä hyväksyy toimintasuunnitelman vuodelle 2026.',
          proposalSv: 'Partnerskapsbordet godkänner verksamhetsplanen för 2026.',
          decision: 'Toimintasuunnitelma hyväksyttiin.',
          decisionSv: 'Verksamhetsplanen godkändes.',
        },
        {
          title: 'Järjestöavustukset 2026',
          titleSv: 'Organisationsunderstöd 2026',
          proposal: 'Merkitään tiedoksi avustuspäätösten yhteenveto.',
          proposalSv: 'Sammandraget av understödsbesluten antecknas för kännedom.',
          decision: 'Merkittiin tiedoksi.',
          decisionSv: 'Antecknades för kännedom.',
        },
      ],
    },
    {
      date: '2026-04-22',
      start: '13:00',
      durationMinutes: 120,
      status: 'held',
      type: 'hybrid',
      address: 'Kaupungintalo, Loviisa',
      room: 'Valtuustosali',
      title: 'Kumppanuuspöydän kokous 2/2026',
      titleSv: 'Partnerskapsbordets möte 2/2026',
      items: [
        {
          title: 'Kaksikielisyys järjestöyhteistyössä',
          titleSv: 'Tvåspråkighet i organisationssamarbetet',
          body: 'Keskustellaan, miten ruotsinkieliset järjestöt ja palvelut näkyvät hyvinvointialueen järjestöyhteistyössä.',
          bodySv: 'Vi diskuterar hur de svenskspråkiga organisationerna och tjänsterna syns i välfärdsområdets organisationssamarbete.',
          plainSummaryFi: 'Puhumme siitä, miten ruotsia puhuvat järjestöt pääsevät mukaan yhteistyöhön.',
          plainSummarySv: 'Vi pratar om hur svenskspråkiga föreningar kan vara med i samarbetet.',
          proposal: 'Kumppanuuspöytä kokoaa suositukset kaksikielisen järjestöviestinnän parantamiseksi.',
          proposalSv: 'Partnerskapsbordet sammanställer rekommendationer för att förbättra den tvåspråkiga kommunikationen.',
          decision: 'Sovittiin suositusten kokoamisesta syyskuun kokoukseen.',
          decisionSv: 'Man kom överens om att sammanställa rekommendationerna till mötet i september.',
        },
        {
          title: 'Hyvinvointisuunnitelman järjestöosio',
          titleSv: 'Välfärdsplanens organisationsdel',
          proposal: 'Kumppanuuspöytä antaa näkemyksensä hyvinvointisuunnitelman järjestöosioon.',
          proposalSv: 'Partnerskapsbordet ger sin syn på välfärdsplanens organisationsdel.',
          decision: 'Hyväksyttiin esityksen mukaisesti.',
          decisionSv: 'Godkändes enligt förslaget.',
        },
      ],
    },
    {
      date: '2026-09-09',
      start: '13:00',
      durationMinutes: 120,
      status: 'held',
      type: 'online',
      title: 'Kumppanuuspöydän kokous 3/2026',
      titleSv: 'Partnerskapsbordets möte 3/2026',
      items: [
        {
          title: 'Kaksikielisen järjestöviestinnän suositukset',
          titleSv: 'Rekommendationer för tvåspråkig kommunikation',
          proposal: 'Kumppanuuspöytä hyväksyy suositukset.',
          proposalSv: 'Partnerskapsbordet godkänner rekommendationerna.',
          decision: 'Suositukset hyväksyttiin.',
          decisionSv: 'Rekommendationerna godkändes.',
        },
        {
          title: 'Kumppanuustalon toiminta syksyllä 2026',
          titleSv: 'Partnerskapshusets verksamhet hösten 2026',
          proposal: 'Merkitään tiedoksi.',
          proposalSv: 'Antecknas för kännedom.',
          decision: 'Merkittiin tiedoksi.',
          decisionSv: 'Antecknades för kännedom.',
        },
        {
          title: 'Järjestöinfo syksy 2026',
          titleSv: 'Organisationsinfo hösten 2026',
          proposal: 'Sovitaan järjestöinfon ohjelmasta.',
          proposalSv: 'Programmet för organisationsinfon fastställs.',
          decision: 'Sovittiin ohjelmasta esityksen mukaisesti.',
          decisionSv: 'Programmet fastställdes enligt förslaget.',
        },
      ],
    },
    {
      date: '2026-11-04',
      start: '13:00',
      durationMinutes: 120,
      status: 'held',
      title: 'Kumppanuuspöydän kokous 4/2026',
      titleSv: 'Partnerskapsbordets möte 4/2026',
      items: [
        {
          title: 'Järjestöavustusten haku vuodelle 2027',
          titleSv: 'Ansökan om organisationsunderstöd för 2027',
          proposal: 'Merkitään tiedoksi hakuaikataulu ja sovitaan tiedottamisesta.',
          proposalSv: 'Ansökningstidtabellen antecknas för kännedom och informationen planeras.',
          decision: 'Merkittiin tiedoksi. Jäsenet tiedottavat hausta omissa verkostoissaan.',
          decisionSv: 'Antecknades för kännedom. Medlemmarna informerar om ansökan i sina egna nätverk.',
        },
        {
          title: 'Kumppanuuspöydän kokoonpanon arviointi',
          titleSv: 'Utvärdering av partnerskapsbordets sammansättning',
          proposal: 'Kumppanuuspöytä arvioi kokoonpanonsa edustavuutta.',
          proposalSv: 'Partnerskapsbordet utvärderar hur representativ dess sammansättning är.',
          decision: 'Todettiin kokoonpanon edustavan järjestöluokkia hyvin; alueellista edustavuutta vahvistetaan Askolan ja Pukkilan osalta.',
          decisionSv: 'Sammansättningen konstaterades representera organisationskategorierna väl; den regionala representationen stärks för Askolas och Pukelas del.',
        },
      ],
    },
    {
      date: '2026-12-02',
      start: '13:00',
      durationMinutes: 120,
      status: 'invited',
      title: 'Kumppanuuspöydän kokous 5/2026',
      titleSv: 'Partnerskapsbordets möte 5/2026',
      items: [
        { title: 'Toimintasuunnitelma 2027', titleSv: 'Verksamhetsplan 2027' },
        { title: 'Kokousaikataulu 2027', titleSv: 'Mötestidtabell 2027' },
      ],
    },
    {
      date: '2027-02-10',
      start: '13:00',
      durationMinutes: 120,
      status: 'planned',
      title: 'Kumppanuuspöydän kokous 1/2027',
      titleSv: 'Partnerskapsbordets möte 1/2027',
      items: [{ title: 'Toimintakertomus 2026', titleSv: 'Verksamhetsberättelse 2026' }],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Pirkanmaa: järjestöyhteistyöryhmä (19 categories, member + personal deputy each)

const pirCategories = categories('pir', [
  { fi: 'Lapsi- ja perhejärjestöt', en: 'Children and family NGOs', seats: [['Pirkanmaan Perheyhdistys ry', 'Tampereen Lapsiperheiden Tuki ry']] },
  { fi: 'Nuorisojärjestöt', en: 'Youth NGOs', seats: [['Pirkanmaan Nuorisoverkosto ry', 'Tampereen Nuorten Kohtaamo ry']] },
  { fi: 'Ikäihmisten järjestöt', en: 'Older people’s NGOs', seats: [['Pirkanmaan Eläkeläisjärjestöjen Yhteistyö ry', 'Tampereen Seniorit ry']] },
  { fi: 'Mielenterveysjärjestöt', en: 'Mental health NGOs', seats: [['Tampereen Mielenterveysseura ry', 'Pirkanmaan Klubitalo ry']] },
  { fi: 'Päihde- ja riippuvuusjärjestöt', en: 'Substance abuse and addiction NGOs', seats: [['Pirkanmaan Päihdetyön Tuki ry', 'Tampereen Riippuvuustyön Yhdistys ry']] },
  { fi: 'Vammaisjärjestöt', en: 'Disability NGOs', seats: [['Pirkanmaan Vammaisfoorumi ry', 'Tampereen Kehitysvammatuki ry']] },
  { fi: 'Potilas- ja sairausjärjestöt', en: 'Patient and illness NGOs', seats: [['Pirkanmaan Sydänyhdistys ry', 'Tampereen Seudun Diabetesyhdistys ry']] },
  { fi: 'Muisti- ja omaishoitojärjestöt', en: 'Memory and family carer NGOs', seats: [['Pirkanmaan Muistiyhdistys ry', 'Tampereen Seudun Omaishoitajat ry']] },
  { fi: 'Kansanterveys- ja hyvinvointijärjestöt', en: 'Public health and wellbeing NGOs', seats: [['Pirkanmaan Terveysliikunta ry', 'Valkeakosken Hyvinvointiyhdistys ry']] },
  { fi: 'Maahanmuuttaja- ja monikulttuuriset järjestöt', en: 'Immigrant and multicultural NGOs', seats: [['Tampereen Monikulttuuristen Yhdistysten Verkosto ry', 'Pirkanmaan Kotoutumistuki ry']] },
  { fi: 'Työllisyyttä edistävät järjestöt', en: 'Employment NGOs', seats: [['Pirkanmaan Työllistämisyhdistys ry', 'Nokian Työvalmennus ry']] },
  { fi: 'Asumisen ja asunnottomuustyön järjestöt', en: 'Housing and homelessness NGOs', seats: [['Tampereen Asumisen Tuki ry', 'Pirkanmaan Asunnottomien Tuki ry']] },
  { fi: 'Kriisi- ja väkivaltatyön järjestöt', en: 'Crisis and violence prevention NGOs', seats: [['Tampereen Kriisikeskus ry', 'Pirkanmaan Turvakotiyhdistys ry']] },
  { fi: 'Pelastus- ja turvallisuusjärjestöt', en: 'Rescue and safety NGOs', seats: [['Pirkanmaan Pelastusalan Liitto ry', 'Kangasalan Vapaaehtoinen Palokunta ry']] },
  { fi: 'Liikuntajärjestöt', en: 'Sports NGOs', seats: [['Pirkanmaan Liikuntaseurat ry', 'Tampereen Soveltava Liikunta ry']] },
  { fi: 'Kulttuurijärjestöt', en: 'Cultural NGOs', seats: [['Pirkanmaan Kulttuuriyhdistys ry', 'Tampereen Harrastajateatterit ry']] },
  { fi: 'Kylä- ja asukasyhdistykset', en: 'Village and residents’ associations', seats: [['Pirkanmaan Kylät ry', 'Tampereen Asukasyhdistysten Verkosto ry']] },
  { fi: 'Veteraani- ja perinnejärjestöt', en: 'Veteran and heritage NGOs', seats: [['Pirkanmaan Veteraaniperinne ry', 'Tampereen Sotaveteraanien Tuki ry']] },
  { fi: 'Monialaiset järjestöt ja kattojärjestöt', en: 'Multi-field and umbrella NGOs', seats: [['Pirkanmaan Järjestöverkosto ry', 'Tampereen Yhdistystalo ry']] },
]);

const PIRKANMAA_SECRETARY = {
  role: 'secretary' as const,
  person: 'pir.sihteeri',
  org: REGION_ORG,
  title: 'järjestökoordinaattori',
  emailDomain: 'pirha.example',
};

/** Person keys the demo accounts are linked to. */
export const PIRKANMAA_SECRETARY_KEY = 'pir.sihteeri';
export const PIRKANMAA_MEMBER_KEY = 'pir.1.1';

const pirkanmaa: RefCouncil = {
  slug: 'pirkanmaa-jarjestoyhteistyoryhma',
  regionSlug: 'pirkanmaa',
  establishedOn: '2023-03-01',
  descriptionFi: [
    'Pirkanmaan järjestöyhteistyöryhmä on hyvinvointialueen perustama yhteistyötaho järjestöjen ja julkishallinnon organisaatioiden välillä. Se tuo järjestökentän viestin ja osaamisen hyvinvointialueen strategia- ja ohjelmatyöhön sekä palvelujen kehittämiseen.',
    'Ryhmä vahvistaa yhteistyötä sekä hyvinvointialueen ja järjestöjen välillä että Pirkanmaan järjestöjen kesken, tuo järjestöjen osallistujien äänen päätöksentekoon ja kokoaa vaikuttavuustietoa.',
    'Jokaisesta 19 järjestökategoriasta valitaan varsinainen jäsen ja varajäsen aluevaltuuston toimikauden ajaksi. Ryhmä kokoontuu neljä kertaa vuodessa, ja se voi perustaa työryhmiä tai kokoontua useammin.',
  ].join('\n\n'),
  descriptionEn:
    'County-established NGO cooperation group: a member and a personal deputy from each of 19 NGO categories for the regional council term; meets four times a year; no meeting fees are paid.',
  secretariatContact: 'jarjestoyhteistyo@pirha.example',
  meetingFeeNote: STANDARD_FEE_NOTE,
  appointingBody: 'Aluehallitus',
  appointingDecisionDate: '2025-12-15',
  publicityDefault: 'public',
  minutesKind: 'minutes',
  meetingPublicity: 'public',
  itemPublicity: 'public',
  venue: { address: 'Hyvinvointialueen toimitalo, Tampere', room: 'Kokoushuone Pyynikki', onlineUrl: 'https://meet.example/pirha-jyr' },
  terms: [
    {
      name: '2023–2025',
      startDate: '2023-03-01',
      endDate: '2025-12-31',
      endNote: 'aluevaltuuston toimikauden loppuun',
      categories: previousCategories(pirCategories, 'pir-2023', [
        'pir.1.1',
        'pir.3.1',
        'pir.4.1',
        'pir.6.1d',
        'pir.8.1',
        'pir.11.1',
        'pir.15.1d',
        'pir.17.1',
      ]),
      officers: [
        { role: 'chair', person: 'pir-2023:pir.7.1' },
        { role: 'vice_chair', person: 'pir.4.1' },
        PIRKANMAA_SECRETARY,
      ],
    },
    {
      name: '2026–2029',
      startDate: '2026-01-01',
      endDate: '2029-12-31',
      endNote: 'aluevaltuuston toimikauden loppuun',
      categories: pirCategories,
      officers: [{ role: 'chair', person: 'pir.4.1' }, { role: 'vice_chair', person: 'pir.8.1' }, PIRKANMAA_SECRETARY],
      changes: [
        {
          person: 'pir.2.1',
          endDate: '2026-05-31',
          endReason: 'resigned',
          endNote: 'Ero omasta pyynnöstä työpaikan vaihtuessa.',
          successor: { person: 'pir.2.1b', org: 'Nokian Nuorisoseura ry' },
        },
      ],
    },
  ],
  meetings: [
    {
      date: '2026-02-17',
      start: '13:00',
      durationMinutes: 150,
      status: 'held',
      title: 'Järjestöyhteistyöryhmän kokous 1/2026',
      items: [
        {
          title: 'Uuden toimikauden järjestäytyminen ja työskentelytavat',
          body: 'Aluehallitus nimesi järjestöyhteistyöryhmän jäsenet toimikaudelle 2026–2029. Ryhmä valitsee keskuudestaan puheenjohtajan ja varapuheenjohtajan.',
          proposal: 'Järjestöyhteistyöryhmä valitsee puheenjohtajan ja varapuheenjohtajan sekä sopii työskentelytavoistaan.',
          decision: 'Puheenjohtajaksi valittiin {{pir.4.1}} ja varapuheenjohtajaksi {{pir.8.1}}. Kokouksissa käytetään ennakkomateriaaleja ja pienryhmätyöskentelyä.',
        },
        {
          key: 'pir-toimintasuunnitelma',
          title: 'Järjestöyhteistyöryhmän toimintasuunnitelma vuodelle 2026',
          body: 'Toimintasuunnitelman luonnos perustuu edellisen toimikauden arviointiin ja hyvinvointialueen strategian painopisteisiin.',
          proposal: 'Järjestöyhteistyöryhmä hyväksyy toimintasuunnitelman vuodelle 2026.',
          decision: 'Toimintasuunnitelma vuodelle 2026 hyväksyttiin esityksen mukaisesti.',
        },
        {
          title: 'Hyvinvointialueen järjestöavustukset 2026: katsaus avustuspäätöksiin',
          proposal: 'Merkitään tiedoksi.',
          decision: 'Merkittiin tiedoksi. Avustusten painopisteistä keskustellaan toukokuun kokouksessa.',
        },
      ],
    },
    {
      date: '2026-05-12',
      start: '13:00',
      durationMinutes: 150,
      status: 'held',
      type: 'hybrid',
      title: 'Järjestöyhteistyöryhmän kokous 2/2026',
      items: [
        {
          key: 'pir-palvelustrategia',
          title: 'Lausuntopyyntö: hyvinvointialueen palvelustrategian päivitys',
          proposal: 'Järjestöyhteistyöryhmä antaa lausunnon keskustelun pohjalta.',
          decision: 'Sihteeri viimeistelee lausunnon keskustelun pohjalta; puheenjohtaja hyväksyy lopullisen tekstin.',
        },
        {
          key: 'pir-vaikuttavuuskysely',
          title: 'Vaikuttavuustiedon keruu: kysely järjestöille',
          proposal: 'Hyväksytään kyselyn runko ja aikataulu.',
          decision: 'Kyselyn runko ja aikataulu hyväksyttiin.',
        },
        {
          title: 'Jäsenmuutos: nuorisojärjestöjen edustaja',
          body: '{{pir.2.1}} on pyytänyt eroa järjestöyhteistyöryhmästä 31.5.2026 alkaen.',
          proposal: 'Merkitään ero tiedoksi. Aluehallitukselle esitetään, että nuorisojärjestöjen uudeksi edustajaksi nimetään {{pir.2.1b}}.',
          decision: 'Merkittiin ero tiedoksi. Aluehallitukselle esitetään, että uudeksi jäseneksi nimetään {{pir.2.1b}} 1.6.2026 alkaen.',
        },
      ],
    },
    {
      date: '2026-09-15',
      start: '13:00',
      durationMinutes: 150,
      status: 'held',
      type: 'online',
      title: 'Järjestöyhteistyöryhmän kokous 3/2026',
      items: [
        {
          key: 'pir-jarjestofoorumi',
          title: 'Järjestöfoorumin 2026 ohjelma',
          proposal: 'Hyväksytään foorumin ohjelma.',
          decision: 'Ohjelma hyväksyttiin.',
        },
        {
          title: 'Talousarvio 2027: järjestöjen toimintaedellytykset',
          proposal: 'Järjestöyhteistyöryhmä kokoaa järjestöjen näkemykset talousarvion valmisteluun.',
          decision: 'Hyväksyttiin esityksen mukaisesti.',
        },
        {
          title: 'Asiakasohjauksen kehittäminen sote-keskuksissa',
          proposal: 'Merkitään tiedoksi hyvinvointialueen hankkeen esittely.',
          decision: 'Merkittiin tiedoksi.',
        },
      ],
    },
    {
      date: '2026-11-10',
      start: '13:00',
      durationMinutes: 150,
      status: 'held',
      title: 'Järjestöyhteistyöryhmän kokous 4/2026',
      items: [
        {
          title: 'Järjestöavustusten haku vuodelle 2027',
          proposal: 'Merkitään tiedoksi hakuaikataulu.',
          decision: 'Merkittiin tiedoksi.',
        },
        {
          key: 'pir-seuranta',
          title: 'Toimintasuunnitelman 2026 toteutuminen',
          proposal: 'Merkitään tiedoksi toimenpiteiden tilanne.',
          decision: 'Merkittiin tiedoksi.',
        },
        {
          title: 'Kokousaikataulu vuodelle 2027',
          proposal: 'Hyväksytään kokousaikataulu.',
          decision: 'Kokousaikataulu hyväksyttiin.',
        },
      ],
    },
    {
      date: '2026-12-09',
      start: '13:00',
      durationMinutes: 150,
      status: 'invited',
      title: 'Järjestöyhteistyöryhmän kokous 5/2026',
      items: [
        { title: 'Toimintasuunnitelma vuodelle 2027 (luonnos)', body: 'Luonnos lähetetään jäsenille kommentoitavaksi ennen kokousta.' },
        { title: 'Toimintakertomus vuodelta 2026: valmistelu' },
      ],
    },
    {
      date: '2027-02-16',
      start: '13:00',
      durationMinutes: 150,
      status: 'planned',
      title: 'Järjestöyhteistyöryhmän kokous 1/2027',
      items: [{ title: 'Toimintakertomus vuodelta 2026' }],
    },
    {
      date: '2027-05-11',
      start: '13:00',
      durationMinutes: 150,
      status: 'planned',
      title: 'Järjestöyhteistyöryhmän kokous 2/2027',
      items: [{ title: 'Hyvinvointikertomus: järjestönäkökulma' }],
    },
  ],
  actionPlan: {
    year: 2026,
    title: 'Järjestöyhteistyöryhmän toimintasuunnitelma 2026',
    introduction:
      'Toimintasuunnitelma ohjaa järjestöyhteistyöryhmän työtä uuden toimikauden ensimmäisenä vuonna. Painopisteinä ovat järjestöjen äänen vahvistaminen päätöksenteossa, vaikuttavuustiedon kokoaminen ja järjestöjen keskinäinen yhteistyö.',
    approvedItemKey: 'pir-toimintasuunnitelma',
    approvedOn: '2026-02-17',
    publishedOn: '2026-02-20',
    goals: [
      {
        title: 'Järjestöjen ääni vahvistuu hyvinvointialueen päätöksenteossa',
        description: 'Järjestöyhteistyöryhmä osallistuu valmisteluun lausunnoin ja edustajin.',
        actions: [
          {
            title: 'Lausunto palvelustrategian päivityksestä',
            owner: 'pir.4.1',
            schedule: 'Kevät 2026',
            dueDate: '2026-05-31',
            status: 'done',
            outcome: 'Lausunto annettiin kesäkuussa 2026.',
            itemKeys: ['pir-palvelustrategia'],
          },
          {
            title: 'Edustus kuntien hyte-neuvotteluissa',
            owner: 'pir.8.1',
            schedule: 'Syksy 2026',
            status: 'in_progress',
          },
          {
            title: 'Lausuntokäytännön vakiinnuttaminen',
            description: 'Sovitaan hyvinvointialueen kanssa, miten ja milloin ryhmältä pyydetään lausuntoja.',
            schedule: 'Vuosi 2026',
            status: 'in_progress',
          },
        ],
      },
      {
        title: 'Järjestöjen vaikuttavuustieto kootaan ja viedään päätöksentekoon',
        description: 'Kootaan tietoa järjestöjen toiminnan vaikutuksista ja asukkaiden kokemuksista.',
        actions: [
          {
            title: 'Vaikuttavuustiedon kysely järjestöille',
            owner: 'pir.19.1',
            schedule: 'Touko–syyskuu 2026',
            dueDate: '2026-09-30',
            status: 'done',
            outcome: 'Kyselyyn vastasi 146 järjestöä.',
            itemKeys: ['pir-vaikuttavuuskysely'],
          },
          {
            title: 'Vaikuttavuusraportti aluehallitukselle',
            schedule: 'Joulukuu 2026',
            dueDate: '2026-12-31',
            status: 'planned',
          },
        ],
      },
      {
        title: 'Pirkanmaan järjestöjen keskinäinen yhteistyö vahvistuu',
        description: 'Tarjotaan järjestöille yhteisiä kohtaamisia ja tietoa yhteistyömahdollisuuksista.',
        actions: [
          {
            title: 'Järjestöfoorumi syksyllä 2026',
            schedule: 'Lokakuu 2026',
            dueDate: '2026-10-31',
            status: 'done',
            outcome: 'Foorumiin osallistui noin 120 järjestötoimijaa.',
            itemKeys: ['pir-jarjestofoorumi'],
          },
          {
            title: 'Työryhmä asiakasohjauksen kehittämiseen',
            owner: 'pir.12.1',
            status: 'dropped',
            outcome: 'Yhdistettiin hyvinvointialueen asiakasohjauksen kehittämishankkeeseen.',
          },
          {
            title: 'Järjestöjen yhteinen tapahtumakalenteri',
            owner: 'pir.17.1',
            schedule: 'Vuosi 2026',
            status: 'in_progress',
          },
        ],
      },
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// Keski-Suomi: järjestöjen ja seurakuntien vaikuttamistoimielin

const ksCategories = categories('ks', [
  {
    fi: 'Sote-järjestöt',
    en: 'Social and health NGOs',
    seats: [
      ['Keski-Suomen Mielenterveysseura ry', 'Jyväskylän Seudun Omaishoitajat ry'],
      ['Keski-Suomen Vammaisfoorumi ry', 'Jämsän Seudun Kehitysvammaisten Tuki ry'],
      ['Jyväskylän Muistiyhdistys ry', 'Äänekosken Seudun Eläkeläiset ry'],
      ['Keski-Suomen Päihdetyön Yhdistys ry', 'Jyväskylän Kriisikeskus ry'],
      ['Keski-Suomen Lapsiperheiden Tuki ry', 'Saarijärven Nuorisoseura ry'],
      ['Keski-Suomen Sydänyhdistys ry', 'Keuruun Seudun Diabetesyhdistys ry'],
    ],
  },
  {
    fi: 'Pelastus- ja turvallisuusjärjestöt',
    en: 'Rescue and safety NGOs',
    seats: [['Keski-Suomen Pelastusalan Liitto ry', 'Jyväskylän Vapaaehtoinen Palokunta ry']],
  },
  {
    fi: 'Liikunta- ja kulttuurijärjestöt',
    en: 'Sports and cultural NGOs',
    seats: [
      ['Keski-Suomen Liikuntaseurat ry', 'Jyväskylän Soveltava Liikunta ry'],
      ['Keski-Suomen Kulttuuriyhdistys ry', 'Jämsän Taideyhdistys ry'],
    ],
  },
  {
    fi: 'Seurakunnat',
    en: 'Parishes',
    seats: [
      [
        { fi: 'Jyväskylän seurakunta', kind: 'parish' },
        { fi: 'Laukaan seurakunta', kind: 'parish' },
      ],
      [
        { fi: 'Jämsän seurakunta', kind: 'parish' },
        { fi: 'Keuruun seurakunta', kind: 'parish' },
      ],
      [
        { fi: 'Äänekosken seurakunta', kind: 'parish' },
        { fi: 'Jyväskylän ortodoksinen seurakunta', kind: 'parish' },
      ],
    ],
  },
]);

const keskiSuomi: RefCouncil = {
  slug: 'keski-suomi-vaikuttamistoimielin',
  regionSlug: 'keski-suomi',
  establishedOn: '2023-04-01',
  descriptionFi: [
    'Järjestöjen ja seurakuntien vaikuttamistoimielin kokoaa järjestöjen ja seurakuntien edustajat vuoropuheluun hyvinvointialueen kanssa ja tuo hyvinvointialueen toimintaan järjestöjen ja seurakuntien näkökulman.',
    'Toimintasääntö (tiivistelmä)',
    '1 § Tehtävät. Vaikuttamistoimielin osallistuu suunnitteluun, päätöksentekoon ja seurantaan antamalla lausuntoja ja kannanottoja, tekee aloitteita, arvioi järjestöjen ja seurakuntien toimintaedellytyksiä avustukset mukaan lukien sekä kehittää hyvinvointialueen järjestöyhteistyötä ja osallisuuden rakenteita.',
    '2 § Jäsenet ja valinta. Aluehallitus asettaa toimielimen. Järjestöjen ja maakunnan kumppanuuspöytä kokoaa ehdotuksen järjestöedustajista niin, että kokoonpano edustaa monipuolisesti sosiaali- ja terveysalan, pelastusalan sekä liikunta- ja kulttuurialan järjestökenttää. Seurakuntien ja uskonnollisten yhteisöjen edustajista ehdotus kootaan yhteistyössä seurakuntien kanssa. Kullakin jäsenellä on henkilökohtainen varajäsen.',
    '3 § Toimikausi. Toimikausi on aluevaltuuston toimikausi.',
    '4 § Kokoukset. Toimielin kokoontuu vähintään neljä kertaa vuodessa. Kokouskutsu ja esityslista lähetetään viimeistään seitsemän päivää ennen kokousta. Kokous on päätösvaltainen, kun yli puolet jäsenistä on paikalla.',
    '5 § Puheenjohtaja. Toimielin valitsee keskuudestaan puheenjohtajan ja varapuheenjohtajan toimikauden ensimmäisessä kokouksessa.',
    '6 § Sihteeri. Hyvinvointialue nimeää toimielimelle sihteerin, joka valmistelee kokoukset yhdessä puheenjohtajan kanssa, laatii pöytäkirjat ja huolehtii tiedottamisesta.',
    '7 § Toimintasuunnitelma ja -kertomus. Toimielin laatii vuosittain toimintasuunnitelman ja toimintakertomuksen, jotka saatetaan aluehallituksen tietoon.',
  ].join('\n\n'),
  descriptionEn:
    'Influence body of NGOs and parishes appointed by the regional government for each council term; gives statements and initiatives and writes a yearly action plan and annual report.',
  secretariatContact: 'vaikuttamistoimielin@hyvaks.example',
  appointingBody: 'Aluehallitus',
  appointingDecisionDate: '2025-08-25',
  publicityDefault: 'public',
  minutesKind: 'minutes',
  meetingPublicity: 'public',
  itemPublicity: 'public',
  venue: { address: 'Hyvinvointialueen hallintotalo, Jyväskylä', room: 'Kokoushuone Päijänne', onlineUrl: 'https://meet.example/ks-vto' },
  terms: [
    {
      name: '2025–2029',
      startDate: '2025-09-01',
      endDate: '2029-05-31',
      endNote: 'aluevaltuuston toimikauden loppuun',
      categories: ksCategories,
      officers: [
        { role: 'chair', person: 'ks.1.1' },
        { role: 'vice_chair', person: 'ks.4.1' },
        {
          role: 'secretary',
          person: 'ks.sihteeri',
          org: REGION_ORG,
          title: 'järjestöyhteistyön erityisasiantuntija',
          emailDomain: 'hyvaks.example',
        },
      ],
    },
  ],
  meetings: [
    {
      date: '2026-02-12',
      start: '14:00',
      durationMinutes: 120,
      status: 'held',
      title: 'Vaikuttamistoimielimen kokous 1/2026',
      items: [
        {
          title: 'Toimintasuunnitelma vuodelle 2026',
          proposal: 'Vaikuttamistoimielin hyväksyy toimintasuunnitelman ja saattaa sen aluehallituksen tietoon.',
          decision: 'Hyväksyttiin esityksen mukaisesti.',
        },
        {
          key: 'ks-avustukset',
          title: 'Järjestöavustusten myöntäminen 2026',
          body: 'Aluehallitus teki toiminta-avustuspäätökset tammikuussa. Sihteeri esittelee yhteenvedon.',
          proposal: 'Merkitään tiedoksi ja kootaan havainnot avustusohjeen päivitykseen.',
          decision: 'Merkittiin tiedoksi. Havainnot kootaan huhtikuun kokouksen lausuntoon.',
        },
      ],
    },
    {
      date: '2026-04-16',
      start: '14:00',
      durationMinutes: 120,
      status: 'held',
      title: 'Vaikuttamistoimielimen kokous 2/2026',
      items: [
        {
          key: 'ks-lausunto-avustusohje',
          title: 'Lausunto järjestöavustusohjeen päivityksestä',
          body: 'Hyvinvointialue päivittää avustusohjettaan. Vaikuttamistoimielimeltä pyydetään lausuntoa.',
          proposal: 'Vaikuttamistoimielin antaa lausunnon liitteen mukaisena.',
          decision: 'Lausunto annettiin muutetussa muodossa.',
        },
        {
          title: 'Kevään järjestöfoorumin palaute',
          proposal: 'Merkitään tiedoksi.',
          decision: 'Merkittiin tiedoksi.',
        },
      ],
    },
    {
      date: '2026-09-10',
      start: '14:00',
      durationMinutes: 120,
      status: 'held',
      type: 'hybrid',
      title: 'Vaikuttamistoimielimen kokous 3/2026',
      items: [
        {
          key: 'ks-aloite-yhdyshenkilot',
          title: 'Aloite järjestöyhdyshenkilöverkoston vahvistamisesta',
          proposal: 'Vaikuttamistoimielin tekee aluehallitukselle aloitteen liitteen mukaisena.',
          decision: 'Aloite hyväksyttiin esityksen mukaisesti.',
        },
        {
          title: 'Seurakuntien diakoniatyön ja hyvinvointialueen yhteistyö',
          proposal: 'Merkitään tiedoksi seurakuntien katsaus.',
          decision: 'Merkittiin tiedoksi.',
        },
      ],
    },
    {
      date: '2026-11-05',
      start: '14:00',
      durationMinutes: 120,
      status: 'held',
      title: 'Vaikuttamistoimielimen kokous 4/2026',
      items: [
        {
          title: 'Talousarvio 2027 ja järjestöyhteistyö',
          proposal: 'Merkitään tiedoksi ja annetaan evästykset.',
          decision: 'Merkittiin tiedoksi.',
        },
        {
          title: 'Toimintasuunnitelman 2026 toteutuminen',
          proposal: 'Merkitään tiedoksi.',
          decision: 'Merkittiin tiedoksi.',
        },
        {
          title: 'Kumppanuussopimusten seuranta',
          proposal: 'Merkitään tiedoksi strategiajohtajan katsaus.',
          decision: 'Merkittiin tiedoksi.',
        },
      ],
    },
    {
      date: '2026-12-17',
      start: '14:00',
      durationMinutes: 120,
      status: 'invited',
      title: 'Vaikuttamistoimielimen kokous 5/2026',
      items: [{ title: 'Toimintasuunnitelma vuodelle 2027' }, { title: 'Toimintakertomus 2026: valmistelu' }],
    },
    {
      date: '2027-02-11',
      start: '14:00',
      durationMinutes: 120,
      status: 'planned',
      title: 'Vaikuttamistoimielimen kokous 1/2027',
      items: [{ title: 'Toimintakertomus vuodelta 2026' }],
    },
  ],
  statements: [
    {
      type: 'statement',
      itemKey: 'ks-lausunto-avustusohje',
      issuedOn: '2026-04-20',
      recipient: 'Keski-Suomen hyvinvointialueen aluehallitus',
      title: 'Lausunto järjestöavustusohjeen päivityksestä',
      body: 'Vaikuttamistoimielin pitää tärkeänä, että avustukset ovat ennakoitavia ja että rajanvedosta kuntien tukemaan toimintaan neuvotellaan säännöllisesti. Raportointivaatimusten tulee olla kohtuulliset myös vapaaehtoisvoimin toimiville yhdistyksille.',
      response: 'Aluehallitus huomioi lausunnon avustusohjeen päivityksessä: raportointilomaketta kevennettiin pienille yhdistyksille.',
      responseDate: '2026-06-15',
      caseNumber: 'KSHVA/1234/02.05.00/2026',
      responseDueOn: '2026-06-30',
      outcome: 'partly',
      steps: [
        { on: '2026-04-21', description: 'Lausunto kirjattiin hyvinvointialueen kirjaamoon.' },
        { on: '2026-05-12', description: 'Järjestöyhteistyön yksikkö valmisteli avustusohjeen päivityksen; raportointilomaketta kevennettiin.' },
        { on: '2026-06-15', description: 'Aluehallitus hyväksyi päivitetyn avustusohjeen. Ennakoitavuutta koskeva ehdotus jäi seuraavaan ohjekierrokseen.' },
      ],
    },
    {
      type: 'initiative',
      itemKey: 'ks-aloite-yhdyshenkilot',
      issuedOn: '2026-09-14',
      recipient: 'Keski-Suomen hyvinvointialueen aluehallitus',
      title: 'Aloite järjestöyhdyshenkilöverkoston vahvistamisesta',
      body: 'Vaikuttamistoimielin esittää, että jokaiseen sote-keskukseen nimetään järjestöyhdyshenkilö ja että yhdyshenkilöiden yhteystiedot julkaistaan hyvinvointialueen verkkosivuilla.',
      response: 'Aluehallitus päätti, että järjestöyhdyshenkilöt nimetään kaikkiin sote-keskuksiin vuoden 2027 alusta.',
      responseDate: '2026-10-27',
      caseNumber: 'KSHVA/2817/00.01.02/2026',
      responseDueOn: '2026-11-30',
      outcome: 'taken_into_account',
      steps: [
        { on: '2026-09-15', description: 'Aloite kirjattiin ja lähetettiin sote-keskusten johdolle valmisteltavaksi.' },
        { on: '2026-10-27', description: 'Aluehallitus päätti nimetä järjestöyhdyshenkilön jokaiseen sote-keskukseen vuoden 2027 alusta (§ 214).' },
      ],
    },
  ],
};

export const referenceCouncils: RefCouncil[] = [varsinaisSuomi, helsinki, keskiUusimaa, itaUusimaa, pirkanmaa, keskiSuomi];
