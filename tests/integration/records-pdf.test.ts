import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { getMeetingScope, publishAgenda } from '../../app/models/agendas.server';
import {
  approveMinutes,
  chooseCheckers,
  confirmAsChecker,
  getMinutesWorkspace,
  publishMinutes,
  saveDecision,
  sendForChecking,
  startMinutes,
} from '../../app/models/minutes.server';
import * as agendaPdf from '../../app/routes/meetings.$meetingId.agenda[.pdf]';
import * as minutesPdf from '../../app/routes/meetings.$meetingId.minutes[.pdf]';
import { buildRecordsSetup, insertItems } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

async function pdfText(res: Response): Promise<{ pages: string[]; all: string }> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const bytes = new Uint8Array(await res.arrayBuffer());
  const pdf = await getDocumentProxy(bytes);
  const { text } = await extractText(pdf, { mergePages: false });
  return { pages: text, all: text.join('\n') };
}

/** Published minutes approved by checkers, with a confidential item. */
async function record(council: Parameters<typeof buildRecordsSetup>[0] = {}) {
  const s = await buildRecordsSetup({ ...council, meeting: { startsAt: new Date('2026-05-19T11:00:00Z'), status: 'held', title: 'Kokous 2/2026', address: 'Kaupungintalo', room: 'Kaisaniemi' } });
  const [opening, grants, secret] = await insertItems(s.meeting, [
    { title: 'Kokouksen avaus' },
    { title: 'Lausunto avustusjärjestelmästä', body: 'Kaupunginkanslia pyysi lausuntoa.', proposal: 'Annetaan lausunto liitteen mukaisena.' },
    { title: 'Asiakkaan yhteydenotto', body: 'SALAINEN TAUSTA', publicity: 'confidential', withheldReason: 'JulkL 24 § 1 mom. 25 k' },
  ]);
  await publishAgenda(s.who, s.meeting.id, new Date('2026-05-01T10:00:00Z'));
  const started = await startMinutes(s.who, s.meeting.id);
  const id = started.status === 'ok' ? started.id : '';
  let lv = (await getMinutesWorkspace((await getMeetingScope(s.meeting.id))!)).current!.lockVersion;
  const decide = async (itemId: string, decision: string) =>
    expect((await saveDecision(s.who, s.meeting.id, id, lv++, { intent: 'save-decision', lockVersion: 0, itemId, decision, outcome: 'decided', votesFor: 7, votesAgainst: 2, votesAbstain: 1 })).status).toBe('ok');
  await decide(opening!.id, 'Puheenjohtaja avasi kokouksen klo 14.02.');
  await decide(grants!.id, 'Neuvottelukunta antoi lausunnon muutetussa muodossa.');
  await decide(secret!.id, 'SALAINEN PÄÄTÖS');
  await chooseCheckers(s.who, s.meeting.id, id, lv++, [s.seats[0]!.personId, s.seats[1]!.personId]);
  await sendForChecking(s.who, s.meeting.id, id, lv++);
  for (const personId of [s.seats[0]!.personId, s.seats[1]!.personId]) {
    await confirmAsChecker(s.who.actor, { versionId: id, personId, councilId: s.council.id, regionId: s.council.regionId }, new Date('2026-05-21T06:15:00Z'));
  }
  expect((await approveMinutes(s.who, s.meeting.id, id, lv++, 'checkers')).status).toBe('ok');
  expect((await publishMinutes(s.who, s.meeting.id, id, lv++)).status).toBe('ok');
  return s;
}

describe('PDF output', () => {
  it('prints the public minutes with decisions, votes, attendance, checkers and page numbers', async () => {
    const s = await record();
    const { pages, all } = await pdfText(await call(minutesPdf.loader, makeRequest(`/meetings/${s.meeting.id}/minutes.pdf`), { meetingId: s.meeting.id }));
    expect(all).toContain('Pöytäkirja');
    expect(all).toContain('Kokous 2/2026');
    expect(all).toContain('ti 19.5.2026 klo 14.00–16.00');
    expect(all).toContain('§ 1');
    expect(all).toContain('Puheenjohtaja avasi kokouksen klo 14.02.');
    expect(all).toContain('Neuvottelukunta antoi lausunnon muutetussa muodossa.');
    expect(all).toContain('Jaa 7, ei 2, tyhjää 1');
    expect(all).toContain('Läsnäolijat');
    expect(all).toContain(`${s.seats[2]!.name}, Jäsen`);
    expect(all).toContain('Pöytäkirjantarkastajat');
    expect(all).toContain(`${s.seats[0]!.name}, vahvistettu to 21.5.2026 klo 9.15`);
    expect(all).toContain(`${s.seats[1]!.name}, vahvistettu`);
    expect(all).toContain('§ 3 Asiakkaan yhteydenotto');
    expect(all).toContain('JulkL 24 § 1 mom. 25 k');
    expect(all).not.toContain('SALAINEN');
    pages.forEach((text, i) => expect(text).toContain(`Sivu ${i + 1} / ${pages.length}`));
  });

  it('prints the members’ minutes with the confidential item for members only', async () => {
    const s = await record();
    const member = await buildUser({ personId: s.seats[2]!.personId });
    const url = `/meetings/${s.meeting.id}/minutes.pdf?view=members`;
    const { all } = await pdfText(await call(minutesPdf.loader, makeRequest(url, { cookie: member.cookie }), { meetingId: s.meeting.id }));
    expect(all).toContain('SALAINEN PÄÄTÖS');
    const anonymous = await call(minutesPdf.loader, makeRequest(url), { meetingId: s.meeting.id });
    expect(anonymous.status).toBe(302);
  });

  it('marks a published minutes version’s PDF immutable, the moving URLs short-lived and the members’ copy private', async () => {
    const s = await record();
    const pdf = (url: string, cookie?: string) => call(minutesPdf.loader, makeRequest(url, cookie ? { cookie } : {}), { meetingId: s.meeting.id });
    const versioned = await pdf(`/meetings/${s.meeting.id}/minutes.pdf?version=1`);
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await pdf(`/meetings/${s.meeting.id}/minutes.pdf`)).headers.get('cache-control')).toBe('public, max-age=60');
    expect((await call(agendaPdf.loader, makeRequest(`/meetings/${s.meeting.id}/agenda.pdf`), { meetingId: s.meeting.id })).headers.get('cache-control')).toBe('public, max-age=60');
    expect((await pdf(`/meetings/${s.meeting.id}/minutes.pdf?version=2`)).status).toBe(404);
    const member = await buildUser({ personId: s.seats[2]!.personId });
    expect((await pdf(`/meetings/${s.meeting.id}/minutes.pdf?view=members&version=1`, member.cookie)).headers.get('cache-control')).toBe('private, no-store');
  });

  it('prints the agenda in the council’s language', async () => {
    const s = await record({ council: { languages: ['sv', 'fi'], nameSv: 'Organisationsdelegationen' } });
    const res = await call(agendaPdf.loader, makeRequest(`/meetings/${s.meeting.id}/agenda.pdf`), { meetingId: s.meeting.id });
    const { all } = await pdfText(res);
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename=/);
    expect(all).toContain('Föredragningslista');
    expect(all).toContain('Organisationsdelegationen');
    expect(all).toContain('Beslutsförslag');
    expect(all).toContain('Annetaan lausunto liitteen mukaisena.');
    expect(all).toMatch(/Sida 1 \/ \d/);
    expect(all).not.toContain('SALAINEN');
    expect(all).not.toContain('Neuvottelukunta antoi lausunnon');
  });

  it('answers 404 for meetings the public may not see', async () => {
    const s = await buildRecordsSetup();
    await insertItems(s.meeting, [{ title: 'Luonnos' }]);
    expect((await call(agendaPdf.loader, makeRequest(`/meetings/${s.meeting.id}/agenda.pdf`), { meetingId: s.meeting.id })).status).toBe(404);
    expect((await call(minutesPdf.loader, makeRequest(`/meetings/${s.meeting.id}/minutes.pdf`), { meetingId: s.meeting.id })).status).toBe(404);
  });
});
