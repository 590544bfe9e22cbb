import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { agendaItems, agendaTemplateItems, auditLog, meetings } from '../../db/schema';
import { getPublicAgenda } from '../../app/models/agendas.server';
import * as agendaRoute from '../../app/routes/manage.meetings.$meetingId_.agenda';
import * as templateRoute from '../../app/routes/manage.councils.$slug.agenda-template';
import { buildMeeting } from '../factories';
import { buildRecordsSetup, insertItems, itemsOf } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

const post = (meetingId: string, cookie: string, form: Record<string, string>) =>
  call(agendaRoute.action, makeRequest(`/manage/meetings/${meetingId}/agenda`, { cookie, form }), { meetingId });

type Reply = { form: string; message?: string; error?: string; result?: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } };
const reply = async (res: Response) => (await res.json()) as Reply;

describe('agenda permissions', () => {
  it('redirects the anonymous, refuses members (403) and other councils (404), lets the chair in', async () => {
    const s = await buildRecordsSetup();
    const url = `/manage/meetings/${s.meeting.id}/agenda`;
    const anonymous = await call(agendaRoute.loader, makeRequest(url), { meetingId: s.meeting.id });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toMatch(/^\/login/);
    const member = await buildUser({ personId: s.seats[2]!.personId });
    expect((await call(agendaRoute.loader, makeRequest(url, { cookie: member.cookie }), { meetingId: s.meeting.id })).status).toBe(403);
    expect((await post(s.meeting.id, member.cookie, { intent: 'save-item', title: 'x' })).status).toBe(403);
    const other = await buildRecordsSetup();
    expect((await call(agendaRoute.loader, makeRequest(url, { cookie: other.secretary.cookie }), { meetingId: s.meeting.id })).status).toBe(404);
    const chair = await buildUser({ grants: [{ role: 'chair', councilId: s.council.id }] });
    expect((await call(agendaRoute.loader, makeRequest(url, { cookie: chair.cookie }), { meetingId: s.meeting.id })).status).toBe(200);
    const crossSite = await call(
      agendaRoute.action,
      makeRequest(url, { cookie: s.secretary.cookie, origin: 'https://evil.example', form: { intent: 'save-item', title: 'x' } }),
      { meetingId: s.meeting.id },
    );
    expect(crossSite.status).toBe(403);
    expect(await itemsOf(s.meeting.id)).toHaveLength(0);
  });
});

describe('agenda items', () => {
  it('returns every field error at once and saves nothing', async () => {
    const s = await buildRecordsSetup();
    const res = await post(s.meeting.id, s.secretary.cookie, { intent: 'save-item', title: '', publicity: 'confidential' });
    expect(res.status).toBe(400);
    const body = await reply(res);
    expect(body.result?.error?.title).toEqual(['Pakollinen tieto.']);
    expect(body.result?.error?.withheldReason).toEqual(['Salassa pidettävälle asialle on annettava salassapitoperuste.']);
    expect(await itemsOf(s.meeting.id)).toHaveLength(0);
  });

  it('adds items with pasted text kept as paragraphs and lists, with an audit entry', async () => {
    const s = await buildRecordsSetup();
    const pasted = 'Taustaa:\r\n\r\n• ensimmäinen kohta\r\n• toinen\u00a0kohta\r\n\r\nLoppukappale.';
    const res = await post(s.meeting.id, s.secretary.cookie, { intent: 'save-item', title: 'Avustukset', body: pasted, publicity: 'public' });
    expect(res.status).toBe(200);
    const [item] = await itemsOf(s.meeting.id);
    expect(item!.body).toBe('Taustaa:\n\n- ensimmäinen kohta\n- toinen kohta\n\nLoppukappale.');
    await getDb().update(meetings).set({ agendaPublishedAt: new Date() }).where(eq(meetings.id, s.meeting.id));
    const [view] = await getPublicAgenda(s.meeting.id);
    expect(view!.bodyHtml).toContain('<ul>');
    expect(view!.bodyHtml).toContain('<li>ensimmäinen kohta</li>');
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'agenda.item_create'), eq(auditLog.entityId, item!.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.councilId).toBe(s.council.id);
  });

  it('never loses work when two secretaries save from the same lock version', async () => {
    const s = await buildRecordsSetup();
    const [item] = await insertItems(s.meeting, [{ title: 'Alkuperäinen' }]);
    const base = { intent: 'save-item', itemId: item!.id, lockVersion: String(item!.lockVersion), publicity: 'public' };
    const first = await post(s.meeting.id, s.secretary.cookie, { ...base, title: 'Ensimmäisen muutos' });
    expect(first.status).toBe(200);
    const second = await post(s.meeting.id, s.secretary.cookie, { ...base, title: 'Toisen muutos' });
    expect(second.status).toBe(409);
    const body = await reply(second);
    expect(body.result?.error?.['']).toEqual([expect.stringContaining('Joku muu tallensi tämän sillä välin')]);
    // The second secretary's text comes back to their form; the first one's is saved.
    expect(body.result?.initialValue?.title).toBe('Toisen muutos');
    const [saved] = await itemsOf(s.meeting.id);
    expect(saved).toMatchObject({ title: 'Ensimmäisen muutos', lockVersion: 2 });
  });

  it('puts a new item before the closing items', async () => {
    const s = await buildRecordsSetup();
    await insertItems(s.meeting, [
      { title: 'Kokouksen avaus', templateKey: 'opening' },
      { title: 'Muut asiat', templateKey: 'other_business' },
      { title: 'Kokouksen päättäminen', templateKey: 'closing' },
    ]);
    await post(s.meeting.id, s.secretary.cookie, { intent: 'save-item', title: 'Uusi asia', publicity: 'public' });
    expect((await itemsOf(s.meeting.id)).map((i) => i.title)).toEqual(['Kokouksen avaus', 'Uusi asia', 'Muut asiat', 'Kokouksen päättäminen']);
  });

  it('refuses an item id of another council and leaves it untouched', async () => {
    const s = await buildRecordsSetup();
    const other = await buildRecordsSetup();
    const [foreign] = await insertItems(other.meeting, [{ title: 'Toisen toimielimen asia' }]);
    const res = await post(s.meeting.id, s.secretary.cookie, {
      intent: 'save-item',
      itemId: foreign!.id,
      lockVersion: '1',
      title: 'Kaapattu',
      publicity: 'public',
    });
    expect(res.status).toBe(404);
    expect((await reply(res)).result?.error?.['']).toEqual(['Kohdetta ei löytynyt tästä kokouksesta.']);
    for (const intent of ['move-up', 'delete-item']) {
      expect((await post(s.meeting.id, s.secretary.cookie, { intent, itemId: foreign!.id, lockVersion: '1' })).status).toBe(404);
    }
    const [untouched] = await itemsOf(other.meeting.id);
    expect(untouched).toMatchObject({ title: 'Toisen toimielimen asia', lockVersion: 1 });
  });

  it('reorders, applies the template first, and will not delete a numbered item', async () => {
    const s = await buildRecordsSetup();
    await getDb().insert(agendaTemplateItems).values([
      { councilId: s.council.id, position: 1, key: 'opening', title: 'Kokouksen avaus' },
      { councilId: s.council.id, position: 2, key: 'legality', title: 'Laillisuus ja päätösvaltaisuus' },
    ]);
    const [a, b] = await insertItems(s.meeting, [{ title: 'A' }, { title: 'B' }]);
    expect((await post(s.meeting.id, s.secretary.cookie, { intent: 'move-down', itemId: a!.id, lockVersion: '1' })).status).toBe(200);
    expect((await itemsOf(s.meeting.id)).map((i) => i.title)).toEqual(['B', 'A']);
    expect((await post(s.meeting.id, s.secretary.cookie, { intent: 'move-up', itemId: b!.id, lockVersion: '2' })).status).toBe(400);
    const applied = await post(s.meeting.id, s.secretary.cookie, { intent: 'apply-template' });
    expect((await reply(applied)).message).toBe('Pohjasta lisättiin 2 asiaa.');
    expect((await itemsOf(s.meeting.id)).map((i) => i.title)).toEqual(['Kokouksen avaus', 'Laillisuus ja päätösvaltaisuus', 'B', 'A']);
    // Applying again adds nothing.
    expect((await reply(await post(s.meeting.id, s.secretary.cookie, { intent: 'apply-template' }))).message).toBe('Pohjasta lisättiin 0 asiaa.');

    await post(s.meeting.id, s.secretary.cookie, { intent: 'publish' });
    const items = await itemsOf(s.meeting.id);
    expect(items.map((i) => i.sectionNumber)).toEqual([1, 2, 3, 4]);
    const refused = await post(s.meeting.id, s.secretary.cookie, { intent: 'delete-item', itemId: items[3]!.id, lockVersion: String(items[3]!.lockVersion) });
    expect(refused.status).toBe(400);
    expect((await reply(refused)).error).toMatch(/numeroitua asiaa ei voi poistaa/);
    // After publication the numbers follow the order when items move.
    await post(s.meeting.id, s.secretary.cookie, { intent: 'move-up', itemId: items[3]!.id, lockVersion: String(items[3]!.lockVersion) });
    const moved = await itemsOf(s.meeting.id);
    expect(moved.map((i) => [i.title, i.sectionNumber])).toEqual([
      ['Kokouksen avaus', 1],
      ['Laillisuus ja päätösvaltaisuus', 2],
      ['A', 3],
      ['B', 4],
    ]);
    // An item added to a published agenda gets the next number at once.
    await post(s.meeting.id, s.secretary.cookie, { intent: 'save-item', title: 'Lisäasia', publicity: 'public' });
    expect((await itemsOf(s.meeting.id)).at(-1)).toMatchObject({ title: 'Lisäasia', sectionNumber: 5, sectionYear: 2026 });
  });
});

describe('§ numbering and publishing', () => {
  it('continues § numbers across meetings of a year and restarts in a new Helsinki year', async () => {
    const s = await buildRecordsSetup({ meeting: { startsAt: new Date('2026-02-10T12:00:00Z') } });
    const second = await buildMeeting(s.council.id, { startsAt: new Date('2026-05-10T11:00:00Z') });
    // 31.12.2026 23:30 UTC is already 1.1.2027 in Helsinki.
    const newYear = await buildMeeting(s.council.id, { startsAt: new Date('2026-12-31T23:30:00Z') });
    const otherCouncil = await buildRecordsSetup({ meeting: { startsAt: new Date('2026-03-01T12:00:00Z') } });
    await insertItems(s.meeting, [{ title: '1' }, { title: '2' }, { title: '3' }]);
    await insertItems(second, [{ title: '4' }, { title: '5' }]);
    await insertItems(newYear, [{ title: 'uusi 1' }, { title: 'uusi 2' }]);
    await insertItems(otherCouncil.meeting, [{ title: 'toinen' }]);
    for (const m of [s.meeting, second, newYear]) expect((await post(m.id, s.secretary.cookie, { intent: 'publish' })).status).toBe(200);
    await post(otherCouncil.meeting.id, otherCouncil.secretary.cookie, { intent: 'publish' });
    const numbers = async (id: string) => (await itemsOf(id)).map((i) => `${i.sectionYear}/${i.sectionNumber}`);
    expect(await numbers(s.meeting.id)).toEqual(['2026/1', '2026/2', '2026/3']);
    expect(await numbers(second.id)).toEqual(['2026/4', '2026/5']);
    expect(await numbers(newYear.id)).toEqual(['2027/1', '2027/2']);
    expect(await numbers(otherCouncil.meeting.id)).toEqual(['2026/1']);
    const [published] = await getDb().select().from(meetings).where(eq(meetings.id, second.id));
    expect(published!.agendaPublishedAt).toBeInstanceOf(Date);
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'agenda.publish'), eq(auditLog.entityId, second.id)));
    expect(audit).toHaveLength(1);
  });

  it('warns when publishing later than the notice period, and refuses an empty agenda', async () => {
    const soon = await buildRecordsSetup({ council: { noticePeriodDays: 7 }, meeting: { startsAt: new Date(Date.now() + 3 * 86_400_000) } });
    expect((await call(agendaRoute.loader, makeRequest(`/manage/meetings/${soon.meeting.id}/agenda`, { cookie: soon.secretary.cookie }), { meetingId: soon.meeting.id }).then((r) => r.json())) as { late: boolean }).toMatchObject({ late: true });
    const empty = await post(soon.meeting.id, soon.secretary.cookie, { intent: 'publish' });
    expect(empty.status).toBe(400);
    expect((await reply(empty)).error).toBe('Esityslistalla ei ole asioita.');
    await insertItems(soon.meeting, [{ title: 'Asia' }]);
    const late = await reply(await post(soon.meeting.id, soon.secretary.cookie, { intent: 'publish' }));
    expect(late.message).toMatch(/^Esityslista julkaistiin, mutta myöhässä ilmoitusajasta/);

    const early = await buildRecordsSetup({ council: { noticePeriodDays: 7 }, meeting: { startsAt: new Date(Date.now() + 30 * 86_400_000) } });
    await insertItems(early.meeting, [{ title: 'Asia' }]);
    expect((await reply(await post(early.meeting.id, early.secretary.cookie, { intent: 'publish' }))).message).toBe('Esityslista julkaistiin. Numeroituja asioita: 1.');
  });
});

describe('agenda template page', () => {
  it('adds, edits and refuses a duplicate key', async () => {
    const s = await buildRecordsSetup();
    const url = `/manage/councils/${s.council.slug}/agenda-template`;
    const send = (form: Record<string, string>) => call(templateRoute.action, makeRequest(url, { cookie: s.secretary.cookie, form }), { slug: s.council.slug });
    expect((await send({ intent: 'save', key: 'opening', title: 'Kokouksen avaus', proposal: 'Puheenjohtaja avaa kokouksen.' })).status).toBe(200);
    const dup = await send({ intent: 'save', key: 'Opening', title: 'Toinen' });
    expect(dup.status).toBe(400);
    expect(((await dup.json()) as Reply).result?.error?.key).toEqual(['Pohjassa on jo asia tällä tunnisteella.']);
    const bad = await send({ intent: 'save', key: 'ääkköset ja välit', title: '' });
    const errors = ((await bad.json()) as Reply).result?.error;
    expect(errors?.key).toEqual(['Käytä vain pieniä kirjaimia, numeroita ja alaviivaa.']);
    expect(errors?.title).toEqual(['Pakollinen tieto.']);
    const rows = await getDb().select().from(agendaTemplateItems).where(eq(agendaTemplateItems.councilId, s.council.id));
    expect(rows).toHaveLength(1);
    const member = await buildUser({ personId: s.seats[2]!.personId });
    expect((await call(templateRoute.action, makeRequest(url, { cookie: member.cookie, form: { intent: 'save', key: 'x', title: 'x' } }), { slug: s.council.slug })).status).toBe(403);
    expect((await call(templateRoute.loader, makeRequest(url, { cookie: s.secretary.cookie }), { slug: s.council.slug })).status).toBe(200);
    expect(await getDb().select().from(agendaItems).where(eq(agendaItems.councilId, s.council.id))).toHaveLength(0);
  });
});
