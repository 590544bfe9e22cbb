/**
 * OParl 1.1 object builders (https://schema.oparl.org/1.1/). Pure functions from database rows
 * to the JSON the spec describes; the route (`/oparl/v1.1/*`) does the queries. Things the spec
 * has no field for are vendor extensions prefixed `neuvos:` (the spec's rule for extensions):
 * the personal deputy of a membership, vote counts (a Popolo-style VoteEvent), SHA-256 of files.
 */

export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';
export const OPARL_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';
export const OPARL_MAX_PAGE = 100;
export const OPARL_DEFAULT_PAGE = 50;

const T = (name: string) => `${OPARL_VERSION}${name}`;

export type Stamped = { createdAt: Date; updatedAt: Date };
const stamps = (r: Stamped) => ({ created: r.createdAt.toISOString(), modified: r.updatedAt.toISOString(), deleted: false });

/** URL builder for one installation: `origin` comes from configuration, never from the request. */
export class OparlUrls {
  constructor(readonly origin: string) {}
  get api() {
    return `${this.origin}/oparl/v1.1`;
  }
  system = () => this.api;
  bodies = () => `${this.api}/bodies`;
  body = (slug: string) => `${this.api}/body/${encodeURIComponent(slug)}`;
  bodyList = (slug: string, list: BodyList) => `${this.body(slug)}/${list}`;
  organization = (id: string) => `${this.api}/organization/${id}`;
  organizationMeetings = (id: string) => `${this.api}/organization/${id}/meetings`;
  term = (id: string) => `${this.api}/legislative-term/${id}`;
  person = (id: string) => `${this.api}/person/${id}`;
  membership = (id: string) => `${this.api}/membership/${id}`;
  meeting = (id: string) => `${this.api}/meeting/${id}`;
  agendaItem = (id: string) => `${this.api}/agenda-item/${id}`;
  paper = (id: string) => `${this.api}/paper/${id}`;
  consultation = (id: string) => `${this.api}/consultation/${id}`;
  file = (id: string) => `${this.api}/file/${id}`;
  location = (meetingId: string) => `${this.api}/location/${meetingId}`;
  web = (path: string) => `${this.origin}${path}`;
}

export const BODY_LISTS = [
  'organizations',
  'people',
  'meetings',
  'papers',
  'legislative-terms',
  'agenda-items',
  'consultations',
  'files',
  'locations',
  'memberships',
] as const;
export type BodyList = (typeof BODY_LISTS)[number];

export function systemObject(u: OparlUrls, name: string) {
  return {
    id: u.system(),
    type: T('System'),
    oparlVersion: OPARL_VERSION,
    otherOparlVersions: [],
    license: OPARL_LICENSE,
    body: u.bodies(),
    name,
    website: u.web('/'),
    vendor: 'https://github.com/neuvos',
    product: 'https://github.com/neuvos/neuvos',
    web: u.web('/'),
  };
}

export type RegionRow = Stamped & { slug: string; nameFi: string; nameSv: string; nameEn: string; shortFi: string };
export type TermRow = Stamped & { id: string; councilId: string; councilNameFi: string; councilSlug: string; regionSlug: string; name: string; startDate: string; endDate: string | null };

export function termObject(u: OparlUrls, t: TermRow) {
  return {
    id: u.term(t.id),
    type: T('LegislativeTerm'),
    body: u.body(t.regionSlug),
    name: `${t.councilNameFi}: ${t.name}`,
    startDate: t.startDate,
    ...(t.endDate ? { endDate: t.endDate } : {}),
    'neuvos:organization': u.organization(t.councilId),
    web: u.web(`/councils/${t.councilSlug}/terms/${t.id}`),
    ...stamps(t),
  };
}

export function bodyObject(u: OparlUrls, r: RegionRow, terms: TermRow[]) {
  const list = (l: BodyList) => u.bodyList(r.slug, l);
  return {
    id: u.body(r.slug),
    type: T('Body'),
    system: u.system(),
    shortName: r.shortFi,
    name: r.nameFi,
    'neuvos:name': { fi: r.nameFi, sv: r.nameSv, en: r.nameEn },
    website: u.web(`/regions/${r.slug}`),
    license: OPARL_LICENSE,
    classification: 'hyvinvointialue',
    organization: list('organizations'),
    person: list('people'),
    meeting: list('meetings'),
    paper: list('papers'),
    legislativeTerm: terms.map((t) => termObject(u, t)),
    agendaItem: list('agenda-items'),
    consultation: list('consultations'),
    file: list('files'),
    locationList: list('locations'),
    legislativeTermList: list('legislative-terms'),
    membership: list('memberships'),
    web: u.web(`/regions/${r.slug}`),
    ...stamps(r),
  };
}

export type CouncilRow = Stamped & {
  id: string;
  slug: string;
  regionSlug: string;
  parentId: string | null;
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  kind: string;
  publicity: string;
  establishedOn: string | null;
  dissolvedOn: string | null;
};

export function organizationObject(u: OparlUrls, c: CouncilRow, membershipIds: string[]) {
  return {
    id: u.organization(c.id),
    type: T('Organization'),
    body: u.body(c.regionSlug),
    name: c.nameFi,
    'neuvos:name': { fi: c.nameFi, sv: c.nameSv, en: c.nameEn },
    membership: membershipIds.map((id) => u.membership(id)),
    meeting: u.organizationMeetings(c.id),
    ...(c.parentId ? { subOrganizationOf: u.organization(c.parentId) } : {}),
    organizationType: 'Gremium',
    classification: c.kind,
    ...(c.establishedOn ? { startDate: c.establishedOn } : {}),
    ...(c.dissolvedOn ? { endDate: c.dissolvedOn } : {}),
    website: u.web(`/councils/${c.slug}`),
    web: u.web(`/councils/${c.slug}`),
    ...stamps(c),
  };
}

export type OrganisationRow = Stamped & { id: string; nameFi: string; kind: string; regionSlug: string | null };

/** An organisation a member represents (an NGO, parish, municipality…): `onBehalfOf` points here. */
export function externalOrganizationObject(u: OparlUrls, o: OrganisationRow) {
  return {
    id: u.organization(o.id),
    type: T('Organization'),
    ...(o.regionSlug ? { body: u.body(o.regionSlug) } : {}),
    name: o.nameFi,
    organizationType: 'externes Gremium',
    classification: o.kind,
    ...stamps(o),
  };
}

const VOTING_ROLES = new Set(['chair', 'vice_chair', 'member', 'elected_official', 'county_representative', 'municipality_representative']);

export type MembershipRow = Stamped & {
  id: string;
  personId: string;
  councilId: string;
  role: string;
  startDate: string;
  endDate: string | null;
  organisationId: string | null;
  principalId: string | null;
};

/**
 * A membership. `votingRight` is true for members, officers who are members and elected officials;
 * a deputy votes only when substituting, so false here. The personal deputy's principal is the
 * extension `neuvos:deputyOf`.
 */
export function membershipObject(u: OparlUrls, m: MembershipRow, embedded = false) {
  return {
    id: u.membership(m.id),
    type: T('Membership'),
    ...(embedded ? {} : { person: u.person(m.personId) }),
    organization: u.organization(m.councilId),
    role: m.role,
    votingRight: VOTING_ROLES.has(m.role),
    startDate: m.startDate,
    ...(m.endDate ? { endDate: m.endDate } : {}),
    ...(m.organisationId ? { onBehalfOf: u.organization(m.organisationId) } : {}),
    ...(m.principalId ? { 'neuvos:deputyOf': u.membership(m.principalId) } : {}),
    ...stamps(m),
  };
}

export type PersonRow = Stamped & { id: string; givenName: string; familyName: string; regionSlug: string };

/** A person: names only, never contact details. */
export function personObject(u: OparlUrls, p: PersonRow, ms: MembershipRow[]) {
  return {
    id: u.person(p.id),
    type: T('Person'),
    body: u.body(p.regionSlug),
    name: `${p.givenName} ${p.familyName}`,
    familyName: p.familyName,
    givenName: p.givenName,
    membership: ms.map((m) => membershipObject(u, m, true)),
    web: u.web(`/people/${p.id}`),
    ...stamps(p),
  };
}

export type MeetingRow = Stamped & {
  id: string;
  councilId: string;
  regionSlug: string;
  title: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  address: string | null;
  room: string | null;
  agendaPublishedAt: Date | null;
  minutesPublishedAt: Date | null;
};

/** An ISO 8601 time with the Helsinki offset, as the spec asks for date-times. */
export function helsinkiIso(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Helsinki',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const offset = get('timeZoneName').replace('GMT', '') || '+00:00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${offset}`;
}

const MEETING_STATE: Record<string, string> = { planned: 'scheduled', invited: 'invited', held: 'held', cancelled: 'cancelled' };

export function locationObject(u: OparlUrls, m: MeetingRow) {
  return {
    id: u.location(m.id),
    type: T('Location'),
    description: [m.address, m.room].filter(Boolean).join(', '),
    ...(m.address ? { streetAddress: m.address } : {}),
    ...(m.room ? { room: m.room } : {}),
    meetings: [u.meeting(m.id)],
    ...stamps(m),
  };
}

/** The generated agenda and minutes PDFs as File objects (ids `agenda-…`/`minutes-…`). */
export function generatedFileObject(u: OparlUrls, m: MeetingRow, kind: 'agenda' | 'minutes') {
  const at = kind === 'agenda' ? m.agendaPublishedAt : m.minutesPublishedAt;
  const url = u.web(`/meetings/${m.id}/${kind}.pdf`);
  return {
    id: u.file(`${kind}-${m.id}`),
    type: T('File'),
    name: kind === 'agenda' ? 'Esityslista' : 'Pöytäkirja',
    fileName: `${kind}.pdf`,
    mimeType: 'application/pdf',
    ...(at ? { date: at.toISOString().slice(0, 10) } : {}),
    accessUrl: url,
    downloadUrl: url,
    meeting: [u.meeting(m.id)],
    created: (at ?? m.createdAt).toISOString(),
    modified: (at ?? m.updatedAt).toISOString(),
    deleted: false,
  };
}

export type FileRow = { id: string; agendaItemId: string; meetingId: string; title: string; filename: string; mediaType: string; sizeBytes: number; sha256: string; createdAt: Date };

export function fileObject(u: OparlUrls, f: FileRow) {
  const url = u.web(`/attachments/${f.id}`);
  return {
    id: u.file(f.id),
    type: T('File'),
    name: f.title,
    fileName: f.filename,
    mimeType: f.mediaType,
    date: f.createdAt.toISOString().slice(0, 10),
    size: f.sizeBytes,
    'neuvos:sha256Checksum': f.sha256,
    accessUrl: url,
    downloadUrl: url,
    meeting: [u.meeting(f.meetingId)],
    agendaItem: [u.agendaItem(f.agendaItemId)],
    created: f.createdAt.toISOString(),
    modified: f.createdAt.toISOString(),
    deleted: false,
  };
}

export type DecisionRow = {
  outcome: string;
  decision: string | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  versionNo: number;
  /** The vote by name of the published version, if one was taken. */
  votesByName?: PopoloVote[];
};
export type ItemRow = Stamped & {
  id: string;
  meetingId: string;
  position: number;
  sectionNumber: number | null;
  title: string;
  publicity: string;
  withheldReason: string | null;
  proposal: string | null;
  decision: DecisionRow | null;
};

/** True when the minutes recorded a vote on the item. */
export function hasVote(d: DecisionRow | null): d is DecisionRow {
  return d !== null && (d.votesFor !== null || d.votesAgainst !== null || d.votesAbstain !== null);
}

/** One member's vote in a vote by name, Popolo style: names only, never contact details. */
export type PopoloVote = { voter_id: string; voter_name: string; option: string };

/**
 * A vote as a Popolo VoteEvent: the motion is the item's proposal, the result the decision's
 * outcome, and the counts by option. `votes` lists each member's vote when the minutes record a
 * vote by name (nimenhuutoäänestys); otherwise it is empty.
 */
export function voteEvent(item: Pick<ItemRow, 'id' | 'title' | 'proposal'>, d: DecisionRow, identifier: string, votes: PopoloVote[] = []) {
  const yes = d.votesFor ?? 0;
  const no = d.votesAgainst ?? 0;
  return {
    identifier,
    motion: { text: item.proposal ?? item.title },
    result: yes > no ? 'pass' : 'fail',
    outcome: d.outcome,
    counts: [
      { option: 'yes', value: yes },
      { option: 'no', value: no },
      { option: 'abstain', value: d.votesAbstain ?? 0 },
      ...(votes.length > 0 ? [{ option: 'absent', value: votes.filter((v) => v.option === 'absent').length }] : []),
    ],
    votes,
  };
}

export function agendaItemObject(u: OparlUrls, i: ItemRow, consultationIds: string[], files: FileRow[]) {
  const isPublic = i.publicity === 'public';
  const d = isPublic ? i.decision : null;
  return {
    id: u.agendaItem(i.id),
    type: T('AgendaItem'),
    meeting: u.meeting(i.meetingId),
    ...(i.sectionNumber !== null ? { number: `§ ${i.sectionNumber}` } : {}),
    order: i.position,
    name: i.title,
    public: isPublic,
    ...(isPublic ? {} : { 'neuvos:withheldReason': i.withheldReason }),
    ...(consultationIds[0] ? { consultation: u.consultation(consultationIds[0]) } : {}),
    ...(d ? { result: d.outcome } : {}),
    ...(d?.decision ? { resolutionText: d.decision } : {}),
    ...(isPublic && files.length > 0 ? { auxiliaryFile: files.map((f) => fileObject(u, f)) } : {}),
    ...(hasVote(d) ? { 'neuvos:voteEvent': voteEvent(i, d, u.agendaItem(i.id), d.votesByName ?? []) } : {}),
    web: u.web(`/meetings/${i.meetingId}`),
    ...stamps(i),
  };
}

export function meetingObject(u: OparlUrls, m: MeetingRow, items: ReturnType<typeof agendaItemObject>[] | null) {
  const published = m.agendaPublishedAt !== null;
  return {
    id: u.meeting(m.id),
    type: T('Meeting'),
    name: m.title,
    meetingState: MEETING_STATE[m.status] ?? m.status,
    cancelled: m.status === 'cancelled',
    start: helsinkiIso(m.startsAt),
    end: helsinkiIso(m.endsAt),
    ...(m.address || m.room ? { location: locationObject(u, m) } : {}),
    organization: [u.organization(m.councilId)],
    ...(published ? { invitation: generatedFileObject(u, m, 'agenda') } : {}),
    ...(m.minutesPublishedAt ? { resultsProtocol: generatedFileObject(u, m, 'minutes') } : {}),
    ...(items ? { agendaItem: items } : {}),
    ...(published ? { web: u.web(`/meetings/${m.id}`) } : {}),
    ...stamps(m),
  };
}

export type PaperRow = Stamped & {
  id: string;
  councilId: string;
  regionSlug: string;
  councilSlug: string;
  type: string;
  title: string;
  recipient: string;
  issuedOn: string | null;
  status: string;
  responseDate: string | null;
  approvedItemId: string | null;
  approvedItemMeetingId: string | null;
  caseNumber: string | null;
  caseUrl: string | null;
  responseDueOn: string | null;
  outcome: string;
  steps?: Array<{ happenedOn: string; description: string }>;
};

const PAPER_TYPE: Record<string, string> = { statement: 'Lausunto', position: 'Kannanotto', initiative: 'Aloite' };

export function consultationObject(u: OparlUrls, p: PaperRow, embedded = false) {
  return {
    id: u.consultation(p.id),
    type: T('Consultation'),
    ...(embedded ? {} : { paper: u.paper(p.id) }),
    ...(p.approvedItemId ? { agendaItem: u.agendaItem(p.approvedItemId) } : {}),
    ...(p.approvedItemMeetingId ? { meeting: u.meeting(p.approvedItemMeetingId) } : {}),
    organization: [u.organization(p.councilId)],
    authoritative: true,
    role: 'approval',
    ...stamps(p),
  };
}

export function paperObject(u: OparlUrls, p: PaperRow) {
  const consulted = p.approvedItemId !== null && p.approvedItemMeetingId !== null;
  return {
    id: u.paper(p.id),
    type: T('Paper'),
    body: u.body(p.regionSlug),
    name: p.title,
    ...(p.issuedOn ? { date: p.issuedOn } : {}),
    paperType: PAPER_TYPE[p.type] ?? p.type,
    originatorOrganization: [u.organization(p.councilId)],
    ...(consulted ? { consultation: [consultationObject(u, p, true)] } : {}),
    ...(p.caseNumber ? { reference: p.caseNumber } : {}),
    'neuvos:recipient': p.recipient,
    'neuvos:influence': {
      outcome: p.outcome,
      caseUrl: p.caseUrl,
      responseDueOn: p.responseDueOn,
      steps: p.steps ?? [],
    },
    'neuvos:status': p.status,
    ...(p.responseDate ? { 'neuvos:responseDate': p.responseDate } : {}),
    web: u.web(`/councils/${p.councilSlug}/statements`),
    ...stamps(p),
  };
}

/** One page of an external object list, with the spec's `pagination` and `links`. */
export function listPage<T>(data: T[], total: number, page: number, limit: number, self: URL) {
  const totalPages = Math.max(1, Math.ceil(total / limit));
  const at = (p: number) => {
    const url = new URL(self);
    url.searchParams.set('page', String(p));
    return url.toString();
  };
  return {
    data,
    pagination: { totalElements: total, elementsPerPage: limit, currentPage: page, totalPages },
    links: {
      first: at(1),
      ...(page > 1 ? { prev: at(Math.min(page - 1, totalPages)) } : {}),
      self: at(page),
      ...(page < totalPages ? { next: at(page + 1) } : {}),
      last: at(totalPages),
    },
  };
}
