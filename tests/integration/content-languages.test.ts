import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { agendaItems, councils, decisions, meetings } from '../../db/schema';
import { addAgendaItem, getMeetingScope, publishAgenda } from '../../app/models/agendas.server';
import {
  approveMinutes,
  getMinutesWorkspace,
  publishMinutes,
  saveDecision,
  startCorrection,
  startMinutes,
} from '../../app/models/minutes.server';
import { searchPublished } from '../../app/models/search.server';
import * as apiRoute from '../../app/routes/api.v1.meetings.$meetingId';
import * as agendaRoute from '../../app/routes/manage.meetings.$meetingId_.agenda';
import * as minutesEditorRoute from '../../app/routes/manage.meetings.$meetingId_.minutes';
import * as meetingEditRoute from '../../app/routes/manage.meetings.$meetingId';
import * as councilMeetingsRoute from '../../app/routes/manage.councils.$slug.meetings._index';
import * as feedRoute from '../../app/routes/councils.$slug.feed[.]xml';
import * as icsRoute from '../../app/routes/councils.$slug.calendar[.ics]';
import * as agendaPdf from '../../app/routes/meetings.$meetingId.agenda[.pdf]';
import * as publicRoute from '../../app/routes/meetings.$meetingId._index';
import { buildRecordsSetup, insertItems, renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { outcome } from '../support/freeze';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

/**
 * A public meeting of a Finnish–Swedish council (like Itä-Uusimaa's partnership table) whose
 * first item is in both languages and whose second item is only in Finnish.
 */
async function bilingualMeeting(opts: { languages?: string[]; startsAt?: Date; status?: 'planned' | 'held' } = {}) {
  const s = await buildRecordsSetup({
    council: {
      languages: opts.languages ?? ['fi', 'sv'],
      publicityDefault: 'public',
      nameFi: 'Kumppanuuspöytä',
      nameSv: 'Partnerskapsbordet',
    },
    meeting: {
      title: 'Kumppanuuspöydän kokous 2/2026',
      titleSv: 'Partnerskapsbordets möte 2/2026',
      startsAt: opts.startsAt ?? new Date('2026-05-19T11:00:00Z'),
      endsAt: new Date((opts.startsAt ?? new Date('2026-05-19T11:00:00Z')).getTime() + 2 * 3_600_000),
      status: opts.status ?? 'held',
    },
  });
  const [both, fiOnly] = await insertItems(s.meeting, [
    {
      title: 'Kaksikielisyys järjestöyhteistyössä',
      titleSv: 'Tvåspråkighet i organisationssamarbetet',
      body: 'Keskustellaan ruotsinkielisistä järjestöistä.',
      bodySv: 'Vi diskuterar de svenskspråkiga organisationerna.',
      proposal: 'Kootaan suositukset.',
      proposalSv: 'Rekommendationerna sammanställs.',
      plainSummaryFi: 'Puhumme ruotsia puhuvista järjestöistä.',
      plainSummarySv: 'Vi pratar om svenskspråkiga föreningar.',
    },
    {
      title: 'Hyvinvointisuunnitelman järjestöosio',
      body: 'Vain suomeksi kirjoitettu esittely.',
      proposal: 'Annetaan näkemys.',
    },
  ]);
  return { ...s, both: both!, fiOnly: fiOnly! };
}

async function publishWithMinutes(s: Awaited<ReturnType<typeof bilingualMeeting>>) {
  expect((await publishAgenda(s.who, s.meeting.id, new Date('2026-05-01T10:00:00Z'))).status).toBe('ok');
  const started = await startMinutes(s.who, s.meeting.id);
  const versionId = started.status === 'ok' ? started.id : '';
  let lv = (await getMinutesWorkspace((await getMeetingScope(s.meeting.id))!)).current!.lockVersion;
  const decide = (itemId: string, decision: string, decisionSv?: string) =>
    saveDecision(s.who, s.meeting.id, versionId, lv++, {
      intent: 'save-decision',
      lockVersion: lv,
      itemId,
      decision,
      decisionSv,
      outcome: 'decided',
    });
  expect(
    (await decide(s.both.id, 'Suositukset kootaan syyskuuksi.', 'Rekommendationerna sammanställs till september.'))
      .status,
  ).toBe('ok');
  expect((await decide(s.fiOnly.id, 'Hyväksyttiin esityksen mukaisesti.')).status).toBe('ok');
  expect((await approveMinutes(s.who, s.meeting.id, versionId, lv++, 'at_meeting')).status).toBe('ok');
  expect((await publishMinutes(s.who, s.meeting.id, versionId, lv++)).status).toBe('ok');
  return versionId;
}

describe('a Swedish reader of a bilingual council', () => {
  it('sees the meeting, items, summary, proposal and decision in Swedish, and Finnish-only texts marked', async () => {
    const s = await bilingualMeeting();
    await publishWithMinutes(s);
    const url = `/meetings/${s.meeting.id}?lng=sv`;
    const rendered = await renderRoute(publicRoute, '/meetings/:meetingId', makeRequest(url), 'sv');
    expect(rendered.status).toBe(200);
    const sv = { html: rendered.html.replace(/<!-- -->/g, '') };
    expect(sv.html).toContain('Partnerskapsbordets möte 2/2026');
    expect(sv.html).toContain('Tvåspråkighet i organisationssamarbetet');
    expect(sv.html).toContain('Vi diskuterar de svenskspråkiga organisationerna.');
    expect(sv.html).toContain('Rekommendationerna sammanställs till september.');
    expect(sv.html).toContain('Vi pratar om svenskspråkiga föreningar.');
    expect(sv.html).not.toContain('Kaksikielisyys järjestöyhteistyössä');
    // The plain-language summary comes before the item's text.
    expect(sv.html.indexOf('Vi pratar om svenskspråkiga föreningar.')).toBeLessThan(
      sv.html.indexOf('Vi diskuterar de svenskspråkiga organisationerna.'),
    );
    // The second item exists only in Finnish: shown in Finnish, marked, with lang="fi".
    expect(sv.html).toMatch(
      /<span lang="fi">Hyvinvointisuunnitelman järjestöosio<\/span><span class="lang-fallback muted"> \(endast på finska\)<\/span>/,
    );
    expect(sv.html).toMatch(
      /<p class="lang-fallback muted">\(endast på finska\)<\/p><div class="records-text" lang="fi"><p>Vain suomeksi kirjoitettu esittely.<\/p>/,
    );
    expect(sv.html).toContain('agenda.pdf?lng=sv');

    const fi = await renderRoute(publicRoute, '/meetings/:meetingId', makeRequest(`/meetings/${s.meeting.id}`), 'fi');
    expect(fi.html).toContain('Kumppanuuspöydän kokous 2/2026');
    expect(fi.html).toContain('Kaksikielisyys järjestöyhteistyössä');
    expect(fi.html).not.toContain('endast på finska');
    expect(fi.html).not.toContain('vain suomeksi');

    // The page's <title> is localised too.
    const data = (await (
      await call(publicRoute.loader, makeRequest(url), { meetingId: s.meeting.id })
    ).json()) as Parameters<typeof publicRoute.meta>[0]['data'];
    const meta = (locale: string) =>
      publicRoute.meta({ data, matches: [{ id: 'root', data: { locale } }] } as unknown as Parameters<
        typeof publicRoute.meta
      >[0]);
    expect(meta('sv')).toEqual([{ title: 'Partnerskapsbordets möte 2/2026 – Neuvos' }]);
    expect(meta('fi')).toEqual([{ title: 'Kumppanuuspöydän kokous 2/2026 – Neuvos' }]);
  });

  it('gets the display value in the asked language and every version as {fi, sv, en} from the API', async () => {
    const s = await bilingualMeeting();
    await publishWithMinutes(s);
    const res = await call(apiRoute.loader, makeRequest(`/api/v1/meetings/${s.meeting.id}?lng=sv`), {
      meetingId: s.meeting.id,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      lang: string;
      meeting: { title: string; titles: Record<string, string | null>; languages: string[] };
      agenda: {
        items: Array<{
          title: string;
          titles: Record<string, string | null>;
          body: string;
          bodies: Record<string, string | null>;
          plainSummary: string | null;
          decision: { text: string; texts: Record<string, string | null> };
        }>;
      };
    };
    expect(body.lang).toBe('sv');
    expect(body.meeting).toMatchObject({
      title: 'Partnerskapsbordets möte 2/2026',
      titles: { fi: 'Kumppanuuspöydän kokous 2/2026', sv: 'Partnerskapsbordets möte 2/2026', en: null },
      languages: ['fi', 'sv'],
    });
    const [both, fiOnly] = body.agenda.items;
    expect(both).toMatchObject({
      title: 'Tvåspråkighet i organisationssamarbetet',
      titles: { fi: 'Kaksikielisyys järjestöyhteistyössä', sv: 'Tvåspråkighet i organisationssamarbetet', en: null },
      body: 'Vi diskuterar de svenskspråkiga organisationerna.',
      plainSummary: 'Vi pratar om svenskspråkiga föreningar.',
      decision: {
        text: 'Rekommendationerna sammanställs till september.',
        texts: {
          fi: 'Suositukset kootaan syyskuuksi.',
          sv: 'Rekommendationerna sammanställs till september.',
          en: null,
        },
      },
    });
    // No Swedish version: the Finnish text, and sv: null says so.
    expect(fiOnly).toMatchObject({
      title: 'Hyvinvointisuunnitelman järjestöosio',
      titles: { fi: 'Hyvinvointisuunnitelman järjestöosio', sv: null, en: null },
    });
    const fi = (await (
      await call(apiRoute.loader, makeRequest(`/api/v1/meetings/${s.meeting.id}`), { meetingId: s.meeting.id })
    ).json()) as typeof body;
    expect(fi.meeting.title).toBe('Kumppanuuspöydän kokous 2/2026');
    expect(fi.agenda.items[0]!.title).toBe('Kaksikielisyys järjestöyhteistyössä');
  });

  it('gets a Swedish Atom feed and iCalendar titles with ?lng=sv, Finnish-only titles marked', async () => {
    const s = await bilingualMeeting({ startsAt: new Date(Date.now() + 10 * 86_400_000), status: 'planned' });
    const other = await getDb()
      .insert(meetings)
      .values({
        councilId: s.council.id,
        title: 'Vain suomeksi nimetty kokous',
        startsAt: new Date(Date.now() + 20 * 86_400_000),
        endsAt: new Date(Date.now() + 20 * 86_400_000 + 3_600_000),
        icsUid: 'fi-only@neuvos',
      })
      .returning();
    expect((await publishAgenda(s.who, s.meeting.id)).status).toBe('ok');
    const feed = await (
      await call(feedRoute.loader, makeRequest(`/councils/${s.council.slug}/feed.xml?lng=sv`), { slug: s.council.slug })
    ).text();
    expect(feed).toContain('xml:lang="sv"');
    expect(feed).toContain('<title type="text">Partnerskapsbordet – Neuvos</title>');
    expect(feed).toContain('Föredragningslista: Partnerskapsbordets möte 2/2026 (Partnerskapsbordet)');
    expect(feed).toContain(`feed.xml?lng=sv`);
    const fiFeed = await (
      await call(feedRoute.loader, makeRequest(`/councils/${s.council.slug}/feed.xml`), { slug: s.council.slug })
    ).text();
    expect(fiFeed).toContain('xml:lang="fi"');
    expect(fiFeed).toContain('Esityslista: Kumppanuuspöydän kokous 2/2026 (Kumppanuuspöytä)');

    const ics = await (
      await call(icsRoute.loader, makeRequest(`/councils/${s.council.slug}/calendar.ics?lng=sv`), {
        slug: s.council.slug,
      })
    ).text();
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY;LANGUAGE=sv:Partnerskapsbordets möte 2/2026');
    expect(unfolded).toContain('SUMMARY;LANGUAGE=fi:Vain suomeksi nimetty kokous (endast på finska)');
    expect(unfolded).toContain('X-WR-CALNAME:Partnerskapsbordet');
    const meetingsApi = await import('../../app/routes/api.v1.councils.$slug.meetings');
    const listed = (await (
      await call(meetingsApi.loader, makeRequest(`/api/v1/councils/${s.council.slug}/meetings?lng=sv`), {
        slug: s.council.slug,
      })
    ).json()) as {
      meetings: Array<{ name: string; names: Record<string, string | null> }>;
    };
    expect(listed.meetings.map((m) => m.name)).toEqual([
      'Partnerskapsbordets möte 2/2026',
      'Vain suomeksi nimetty kokous',
    ]);
    expect(listed.meetings[0]!.names).toEqual({
      fi: 'Kumppanuuspöydän kokous 2/2026',
      sv: 'Partnerskapsbordets möte 2/2026',
      en: null,
    });
    const fiIcs = (
      await (
        await call(icsRoute.loader, makeRequest(`/councils/${s.council.slug}/calendar.ics`), { slug: s.council.slug })
      ).text()
    ).replace(/\r\n /g, '');
    expect(fiIcs).toContain('SUMMARY:Kumppanuuspöydän kokous 2/2026');
    expect(other).toHaveLength(1);
  });

  it('gets the printable agenda in the language asked with ?lng= (the council language without it)', async () => {
    const printRoute = await import('../../app/routes/meetings.$meetingId.print');
    const s = await bilingualMeeting();
    expect((await publishAgenda(s.who, s.meeting.id, new Date('2026-05-01T10:00:00Z'))).status).toBe('ok');
    const sv = await renderRoute(
      printRoute,
      '/meetings/:meetingId/print',
      makeRequest(`/meetings/${s.meeting.id}/print?doc=agenda&lng=sv`),
      'fi',
    );
    expect(sv.html).toContain('Föredragningslista');
    expect(sv.html).toContain('Tvåspråkighet i organisationssamarbetet');
    expect(sv.html).toContain('Partnerskapsbordets möte 2/2026');
    const fi = await renderRoute(
      printRoute,
      '/meetings/:meetingId/print',
      makeRequest(`/meetings/${s.meeting.id}/print?doc=agenda`),
      'sv',
    );
    expect(fi.html).toContain('Kaksikielisyys järjestöyhteistyössä');
    expect(fi.html).not.toContain('Tvåspråkighet i organisationssamarbetet');
  });

  it('gets the agenda PDF in Swedish with ?lng=sv (the council language without it)', async () => {
    const s = await bilingualMeeting();
    expect((await publishAgenda(s.who, s.meeting.id, new Date('2026-05-01T10:00:00Z'))).status).toBe('ok');
    const text = async (query: string) => {
      const res = await call(agendaPdf.loader, makeRequest(`/meetings/${s.meeting.id}/agenda.pdf${query}`), {
        meetingId: s.meeting.id,
      });
      expect(res.status).toBe(200);
      const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
      return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
    };
    const sv = await text('?lng=sv');
    expect(sv).toContain('Tvåspråkighet i organisationssamarbetet');
    expect(sv).toContain('Partnerskapsbordets möte 2/2026');
    expect(sv).toContain('Hyvinvointisuunnitelman järjestöosio (endast på finska)');
    const fi = await text('');
    expect(fi).toContain('Kaksikielisyys järjestöyhteistyössä');
    expect(fi).not.toContain('endast på finska');
  });
});

describe('writing in the council’s languages', () => {
  it('refuses a Swedish text at its field for a council without Swedish (agenda, meeting, decision)', async () => {
    const s = await bilingualMeeting({ languages: ['fi'] });
    const agendaUrl = `/manage/meetings/${s.meeting.id}/agenda`;
    const res = await call(
      agendaRoute.action,
      makeRequest(agendaUrl, {
        cookie: s.secretary.cookie,
        form: { intent: 'save-item', title: 'Uusi asia', titleSv: 'Nytt ärende', publicity: 'public' },
      }),
      { meetingId: s.meeting.id },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { result: { error: Record<string, string[]> } };
    expect(body.result.error.titleSv).toEqual([
      'Toimielin ei käytä tätä kieltä (svenska). Poista teksti tai lisää kieli toimielimen asetuksiin.',
    ]);
    expect(await getDb().select().from(agendaItems).where(eq(agendaItems.title, 'Uusi asia'))).toHaveLength(0);
    // The model refuses too, whoever calls it.
    expect(
      await addAgendaItem(s.who, s.meeting.id, { title: 'Uusi asia', bodySv: 'Text', publicity: 'public' }),
    ).toEqual({ status: 'language_not_used' });
    // English is refused the same way; Finnish alone is fine.
    expect(
      (await addAgendaItem(s.who, s.meeting.id, { title: 'Uusi asia', titleEn: 'New matter', publicity: 'public' }))
        .status,
    ).toBe('language_not_used');
    expect((await addAgendaItem(s.who, s.meeting.id, { title: 'Uusi asia', publicity: 'public' })).status).toBe('ok');

    const future = await bilingualMeeting({
      languages: ['fi'],
      startsAt: new Date(Date.now() + 30 * 86_400_000),
      status: 'planned',
    });
    const meetingForm = {
      intent: 'updateMeeting',
      lockVersion: '1',
      title: 'Kokous',
      titleSv: 'Möte',
      date: '2099-01-01',
      startTime: '10:00',
      endTime: '12:00',
      meetingType: 'in_person',
      address: 'Katu 1',
      publicity: 'public',
    };
    const edit = await call(
      meetingEditRoute.action,
      makeRequest(`/manage/meetings/${future.meeting.id}`, { cookie: future.secretary.cookie, form: meetingForm }),
      { meetingId: future.meeting.id },
    );
    expect(edit.status).toBe(400);
    expect(
      ((await edit.json()) as { result: { error: Record<string, string[]> } }).result.error.titleSv?.[0],
    ).toContain('Toimielin ei käytä tätä kieltä');
    const create = await call(
      councilMeetingsRoute.action,
      makeRequest(`/manage/councils/${future.council.slug}/meetings`, {
        cookie: future.secretary.cookie,
        form: { ...meetingForm, intent: 'createMeeting', lockVersion: '' },
      }),
      { slug: future.council.slug },
    );
    expect(create.status).toBe(400);
    expect(
      ((await create.json()) as { result: { error: Record<string, string[]> } }).result.error.titleSv?.[0],
    ).toContain('Toimielin ei käytä tätä kieltä');

    const started = await startMinutes(s.who, s.meeting.id);
    const versionId = started.status === 'ok' ? started.id : '';
    const lv = (await getMinutesWorkspace((await getMeetingScope(s.meeting.id))!)).current!.lockVersion;
    const decision = await call(
      minutesEditorRoute.action,
      makeRequest(`/manage/meetings/${s.meeting.id}/minutes`, {
        cookie: s.secretary.cookie,
        form: {
          intent: 'save-decision',
          versionId,
          lockVersion: String(lv),
          itemId: s.both.id,
          decision: 'Päätös',
          decisionSv: 'Beslut',
          outcome: 'decided',
        },
      }),
      { meetingId: s.meeting.id },
    );
    expect(decision.status).toBe(400);
    const reply = (await decision.json()) as { fieldErrors?: Record<string, string> };
    expect(reply.fieldErrors?.decisionSv).toBe('Lomakkeessa on teksti kielellä, jota toimielin ei käytä.');
    expect(await getDb().select().from(decisions).where(eq(decisions.agendaItemId, s.both.id))).toHaveLength(0);
  });

  it('saves Swedish versions from the agenda editor and shows one field per council language', async () => {
    const s = await bilingualMeeting();
    const url = `/manage/meetings/${s.meeting.id}/agenda`;
    const res = await call(
      agendaRoute.action,
      makeRequest(url, {
        cookie: s.secretary.cookie,
        form: {
          intent: 'save-item',
          title: 'Kaksikielinen uusi asia',
          titleSv: 'Nytt ärende',
          proposalSv: 'Förslag',
          plainSummarySv: 'Lätt att läsa',
          publicity: 'public',
        },
      }),
      { meetingId: s.meeting.id },
    );
    expect(res.status).toBe(200);
    const [row] = await getDb().select().from(agendaItems).where(eq(agendaItems.title, 'Kaksikielinen uusi asia'));
    expect(row).toMatchObject({
      titleSv: 'Nytt ärende',
      proposalSv: 'Förslag',
      plainSummarySv: 'Lätt att läsa',
      titleEn: null,
    });
    const page = await renderRoute(
      agendaRoute,
      '/manage/meetings/:meetingId/agenda',
      makeRequest(url, { cookie: s.secretary.cookie }),
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain('Otsikko (ruotsiksi)');
    expect(page.html).not.toContain('Otsikko (englanniksi)');
    const fiOnly = await bilingualMeeting({ languages: ['fi'] });
    // (An item that already has a Swedish text keeps its Swedish field visible, so none here.)
    await getDb()
      .update(agendaItems)
      .set({ titleSv: null, bodySv: null, proposalSv: null, plainSummarySv: null })
      .where(eq(agendaItems.meetingId, fiOnly.meeting.id));
    const fiPage = await renderRoute(
      agendaRoute,
      '/manage/meetings/:meetingId/agenda',
      makeRequest(`/manage/meetings/${fiOnly.meeting.id}/agenda`, { cookie: fiOnly.secretary.cookie }),
    );
    expect(fiPage.html).not.toContain('(ruotsiksi)');
  });

  it('lists the missing translations before publishing, and publishing anyway works', async () => {
    const s = await bilingualMeeting();
    const url = `/manage/meetings/${s.meeting.id}/agenda`;
    const data = (await (
      await call(agendaRoute.loader, makeRequest(url, { cookie: s.secretary.cookie }), { meetingId: s.meeting.id })
    ).json()) as {
      missingTranslations: Array<{ what: string; item: string | null; langs: string[] }>;
    };
    expect(data.missingTranslations).toEqual([
      { key: `${s.fiOnly.id}:title`, what: 'title', item: 'Hyvinvointisuunnitelman järjestöosio', langs: ['sv'] },
      { key: `${s.fiOnly.id}:body`, what: 'body', item: 'Hyvinvointisuunnitelman järjestöosio', langs: ['sv'] },
      { key: `${s.fiOnly.id}:proposal`, what: 'proposal', item: 'Hyvinvointisuunnitelman järjestöosio', langs: ['sv'] },
    ]);
    const page = await renderRoute(
      agendaRoute,
      '/manage/meetings/:meetingId/agenda',
      makeRequest(url, { cookie: s.secretary.cookie }),
    );
    expect(page.html).toContain('Puuttuvat käännökset');
    expect(page.html).toContain('Hyvinvointisuunnitelman järjestöosio: Otsikko: puuttuu ruotsiksi');
    expect(page.html).toContain('Julkaise silti');
    const published = await call(
      agendaRoute.action,
      makeRequest(url, { cookie: s.secretary.cookie, form: { intent: 'publish' } }),
      { meetingId: s.meeting.id },
    );
    expect(published.status).toBe(200);
    const [m] = await getDb().select().from(meetings).where(eq(meetings.id, s.meeting.id));
    expect(m!.agendaPublishedAt).not.toBeNull();

    // The minutes editor lists missing decision translations before approval.
    const started = await startMinutes(s.who, s.meeting.id);
    const versionId = started.status === 'ok' ? started.id : '';
    const lv = (await getMinutesWorkspace((await getMeetingScope(s.meeting.id))!)).current!.lockVersion;
    expect(
      (
        await saveDecision(s.who, s.meeting.id, versionId, lv, {
          intent: 'save-decision',
          lockVersion: lv,
          itemId: s.both.id,
          decision: 'Päätös',
          outcome: 'decided',
        })
      ).status,
    ).toBe('ok');
    const ws = (await (
      await call(
        minutesEditorRoute.loader,
        makeRequest(`/manage/meetings/${s.meeting.id}/minutes`, { cookie: s.secretary.cookie }),
        { meetingId: s.meeting.id },
      )
    ).json()) as {
      missingTranslations: Array<{ what: string; item: string | null }>;
    };
    expect(ws.missingTranslations).toContainEqual(
      expect.objectContaining({ what: 'decision', item: '§ 1 Kaksikielisyys järjestöyhteistyössä' }),
    );

    // A Finnish-only council has nothing to translate.
    const fiOnly = await bilingualMeeting({ languages: ['fi'] });
    const fiData = (await (
      await call(
        agendaRoute.loader,
        makeRequest(`/manage/meetings/${fiOnly.meeting.id}/agenda`, { cookie: fiOnly.secretary.cookie }),
        { meetingId: fiOnly.meeting.id },
      )
    ).json()) as {
      missingTranslations: unknown[];
    };
    expect(fiData.missingTranslations).toEqual([]);
  });
});

describe('frozen minutes and corrections keep every language', () => {
  it('refuses changing a Swedish decision of approved minutes, and a correction copies the translations', async () => {
    const s = await bilingualMeeting();
    const versionId = await publishWithMinutes(s);
    const change = getDb()
      .update(decisions)
      .set({ decisionSv: 'Ändrat i efterhand' })
      .where(eq(decisions.versionId, versionId));
    expect(await outcome(change)).toBe('NV001');
    const changeItem = getDb()
      .update(agendaItems)
      .set({ titleSv: 'Ändrad rubrik' })
      .where(eq(agendaItems.id, s.both.id));
    expect(await outcome(changeItem)).toBe('NV001');
    const c = await startCorrection(s.who, s.meeting.id, 'Korjaus');
    expect(c.status).toBe('ok');
    const copied = await getDb()
      .select()
      .from(decisions)
      .where(eq(decisions.versionId, c.status === 'ok' ? c.id : ''));
    expect(copied.find((d) => d.agendaItemId === s.both.id)?.decisionSv).toBe(
      'Rekommendationerna sammanställs till september.',
    );
  });
});

describe('search', () => {
  it('finds a Swedish agenda item title with a Swedish query, and shows the Swedish title to a Swedish reader', async () => {
    const s = await bilingualMeeting();
    await getDb().update(councils).set({ publicityDefault: 'public' }).where(eq(councils.id, s.council.id));
    expect((await publishAgenda(s.who, s.meeting.id, new Date('2026-05-01T10:00:00Z'))).status).toBe('ok');
    const sv = await searchPublished({ q: 'tvåspråkighet', locale: 'sv' });
    const hit = sv.hits.find((h) => h.url.includes(s.both.id));
    expect(hit?.title).toBe('Tvåspråkighet i organisationssamarbetet');
    // Swedish body text is indexed too, and a Finnish reader gets the Finnish title.
    const fi = await searchPublished({ q: 'svenskspråkiga', locale: 'fi' });
    expect(fi.hits.find((h) => h.url.includes(s.both.id))?.title).toBe('Kaksikielisyys järjestöyhteistyössä');
  });
});

describe('council facts, statements, plans and reports in the council’s languages', () => {
  it('shows the fee note, appointing body, statements, plan and report in Swedish, Finnish-only ones marked', async () => {
    const { buildStatement, buildPlan, buildReport } = await import('../factories/plans');
    const { buildCouncil, buildTerm } = await import('../factories');
    const councilPage = await import('../../app/routes/councils.$slug._index');
    const termPage = await import('../../app/routes/councils.$slug.terms.$termId');
    const statementsPage = await import('../../app/routes/councils.$slug.statements');
    const planPage = await import('../../app/routes/councils.$slug.plans.$year');
    const reportPage = await import('../../app/routes/councils.$slug.reports.$year');
    const council = await buildCouncil({
      languages: ['fi', 'sv'],
      publicityDefault: 'public',
      nameFi: 'Kumppanuuspöytä',
      nameSv: 'Partnerskapsbordet',
      meetingFeeNote: 'Kokouspalkkiota ei makseta.',
      meetingFeeNoteSv: 'Inget mötesarvode betalas.',
      appointingBody: 'Aluehallitus',
      appointingBodySv: 'Regionstyrelsen',
      appointingDecisionDate: '2023-09-28',
    });
    const term = await buildTerm(council.id, { name: '2023–2025', startDate: '2023-01-01', endDate: '2099-12-31' });
    const page = await renderRoute(
      councilPage,
      '/councils/:slug',
      makeRequest(`/councils/${council.slug}?lng=sv`),
      'sv',
    );
    expect(page.html).toContain('Inget mötesarvode betalas.');
    expect(page.html).toContain('Regionstyrelsen');
    expect(page.html).not.toContain('Kokouspalkkiota ei makseta.');
    const termData = await (
      await call(termPage.loader, makeRequest(`/councils/${council.slug}/terms/${term.id}`), {
        slug: council.slug,
        termId: term.id,
      })
    ).json();
    const termMeta = termPage.meta({
      data: termData,
      matches: [{ id: 'root', data: { locale: 'sv' } }],
    } as unknown as Parameters<typeof termPage.meta>[0]);
    expect(termMeta).toEqual([{ title: 'Partnerskapsbordet: 2023–2025 – Neuvos' }]);

    const published = {
      status: 'sent' as const,
      publishedAt: new Date('2026-03-01T10:00:00Z'),
      issuedOn: '2026-03-01',
    };
    await buildStatement(council.id, {
      ...published,
      title: 'Lausunto palvelustrategiasta',
      titleSv: 'Utlåtande om servicestrategin',
      body: 'Suomeksi.',
      bodySv: 'På svenska.',
    });
    await buildStatement(council.id, { ...published, title: 'Kannanotto vain suomeksi' });
    const statements = await renderRoute(
      statementsPage,
      '/councils/:slug/statements',
      makeRequest(`/councils/${council.slug}/statements?lng=sv`),
      'sv',
    );
    const html = statements.html.replace(/<!-- -->/g, '');
    expect(html).toContain('Utlåtande om servicestrategin');
    expect(html).toContain('På svenska.');
    expect(html).toContain(
      '<span lang="fi">Kannanotto vain suomeksi</span><span class="lang-fallback muted"> (endast på finska)</span>',
    );
    const statementsApi = await import('../../app/routes/api.v1.councils.$slug.statements');
    const api = (await (
      await call(statementsApi.loader, makeRequest(`/api/v1/councils/${council.slug}/statements?lng=sv`), {
        slug: council.slug,
      })
    ).json()) as {
      statements: Array<{ title: string; titles: Record<string, string | null>; body: string | null }>;
    };
    expect(api.statements.map((x) => x.title).sort()).toEqual([
      'Kannanotto vain suomeksi',
      'Utlåtande om servicestrategin',
    ]);
    expect(api.statements.find((x) => x.titles.fi === 'Lausunto palvelustrategiasta')).toMatchObject({
      body: 'På svenska.',
      titles: { sv: 'Utlåtande om servicestrategin', en: null },
    });

    const built = await buildPlan(
      council.id,
      2026,
      [{ title: 'Järjestöjen äänen vahvistaminen', actions: [{ title: 'Syksyn järjestöfoorumi' }] }],
      {
        title: 'Toimintasuunnitelma 2026',
        titleSv: 'Verksamhetsplan 2026',
        introduction: 'Johdanto.',
        introductionSv: 'Inledning.',
        status: 'published',
        approvedAt: new Date('2026-01-10T10:00:00Z'),
        publishedAt: new Date('2026-01-11T10:00:00Z'),
      },
    );
    const plan = await renderRoute(
      planPage,
      '/councils/:slug/plans/:year',
      makeRequest(`/councils/${council.slug}/plans/2026?lng=sv`),
      'sv',
    );
    expect(plan.html).toContain('Verksamhetsplan 2026');
    expect(plan.html).toContain('Inledning.');
    expect(plan.html).not.toContain('Johdanto.');
    // Goal and action titles without a Swedish version are shown in Finnish, marked.
    const planHtml = plan.html.replace(/<!-- -->/g, '');
    expect(planHtml).toContain(
      '<span lang="fi">Järjestöjen äänen vahvistaminen</span><span class="lang-fallback muted"> (endast på finska)</span>',
    );
    expect(planHtml).toContain(
      '<span lang="fi">Syksyn järjestöfoorumi</span><span class="lang-fallback muted"> (endast på finska)</span>',
    );
    expect(built.actions).toHaveLength(1);

    const { generateReport } = await import('../../app/models/reports.server');
    const generated = (await generateReport(council.id, 2025)) as unknown as Record<string, unknown>;
    await buildReport(council.id, 2025, {
      generated,
      titleSv: 'Verksamhetsberättelse 2025',
      bodySv: 'Året i korthet.',
      status: 'published',
      approvedAt: new Date('2026-02-01T10:00:00Z'),
      publishedAt: new Date('2026-02-02T10:00:00Z'),
    });
    const report = await renderRoute(
      reportPage,
      '/councils/:slug/reports/:year',
      makeRequest(`/councils/${council.slug}/reports/2025?lng=sv`),
      'sv',
    );
    expect(report.html).toContain('Verksamhetsberättelse 2025');
    expect(report.html).toContain('Året i korthet.');
  });

  it('refuses Swedish statement, plan, report and council texts for a council without Swedish', async () => {
    const { buildPlan, buildReport } = await import('../factories/plans');
    const { councilEditSchema } = await import('../../app/validation/roster');
    const manageStatements = await import('../../app/routes/manage.councils.$slug.statements');
    const managePlan = await import('../../app/routes/manage.councils.$slug.plans.$year');
    const manageReport = await import('../../app/routes/manage.councils.$slug.reports.$year');
    const s = await bilingualMeeting({ languages: ['fi'] });
    const cookie = s.secretary.cookie;
    const slug = s.council.slug;
    const errorsOf = async (res: Response) =>
      ((await res.json()) as { result: { error: Record<string, string[]> } }).result.error;

    const st = await call(
      manageStatements.action,
      makeRequest(`/manage/councils/${slug}/statements`, {
        cookie,
        form: {
          type: 'statement',
          status: 'draft',
          recipient: 'Aluehallitus',
          title: 'Lausunto',
          titleSv: 'Utlåtande',
          outcome: 'pending',
        },
      }),
      { slug },
    );
    expect(st.status).toBe(400);
    expect((await errorsOf(st)).titleSv?.[0]).toContain('Toimielin ei käytä tätä kieltä');

    const { plan } = await buildPlan(s.council.id, 2026);
    const pl = await call(
      managePlan.action,
      makeRequest(`/manage/councils/${slug}/plans/2026`, {
        cookie,
        form: {
          intent: 'plan',
          lockVersion: String(plan.lockVersion),
          title: 'Suunnitelma',
          introductionSv: 'Inledning',
        },
      }),
      { slug, year: '2026' },
    );
    expect(pl.status).toBe(400);
    expect((await errorsOf(pl)).introductionSv?.[0]).toContain('Toimielin ei käytä tätä kieltä');
    const goal = await call(
      managePlan.action,
      makeRequest(`/manage/councils/${slug}/plans/2026`, {
        cookie,
        form: { intent: 'goal', title: 'Tavoite', titleSv: 'Mål' },
      }),
      { slug, year: '2026' },
    );
    expect(goal.status).toBe(400);
    expect((await errorsOf(goal)).titleSv?.[0]).toContain('Toimielin ei käytä tätä kieltä');

    const report = await buildReport(s.council.id, 2025, { status: 'draft' });
    const rp = await call(
      manageReport.action,
      makeRequest(`/manage/councils/${slug}/reports/2025`, {
        cookie,
        form: {
          intent: 'save',
          lockVersion: String(report.lockVersion),
          title: 'Kertomus',
          body: 'Teksti',
          titleSv: 'Berättelse',
        },
      }),
      { slug, year: '2025' },
    );
    expect(rp.status).toBe(400);
    expect((await errorsOf(rp)).titleSv?.[0]).toContain('Toimielin ei käytä tätä kieltä');

    const parsed = councilEditSchema.safeParse({
      nameFi: 'N',
      kind: 'advisory_council',
      origin: 'ngo_led',
      languages: ['fi'],
      meetingFeeNoteSv: 'Inget arvode',
      lockVersion: 1,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.find((i) => i.path[0] === 'meetingFeeNoteSv')?.message).toBe(
      'content.refusedLanguage.sv',
    );
    expect(
      councilEditSchema.safeParse({
        nameFi: 'N',
        kind: 'advisory_council',
        origin: 'ngo_led',
        languages: ['fi', 'sv'],
        meetingFeeNoteSv: 'Inget arvode',
        lockVersion: 1,
      }).success,
    ).toBe(true);
  });
});
