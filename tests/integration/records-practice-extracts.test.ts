import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { auditLog, extractSendings, mailMessages } from '../../db/schema';
import * as manageRoute from '../../app/routes/manage.meetings.$meetingId_.items.$itemId.extract';
import * as extractPdf from '../../app/routes/meetings.$meetingId.items.$itemId.extract[.pdf]';
import * as extractRoute from '../../app/routes/meetings.$meetingId.items.$itemId.extract';
import * as publicRoute from '../../app/routes/meetings.$meetingId._index';
import { buildPublishedMeeting } from '../factories/practice';
import { renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

const PATTERN = '/meetings/:meetingId/items/:itemId/extract';
const extractUrl = (meetingId: string, itemId: string) => `/meetings/${meetingId}/items/${itemId}/extract`;

describe('extract from the minutes (pöytäkirjanote, issue 14.3)', () => {
  it('shows one published § with decision, votes, recusals, the checkers and the certification, in fi and sv', async () => {
    const r = await buildPublishedMeeting();
    const url = extractUrl(r.meeting.id, r.open.id);
    const fi = await renderRoute(extractRoute, PATTERN, makeRequest(url));
    expect(fi.status).toBe(200);
    expect(fi.html).toContain('Pöytäkirjanote');
    expect(fi.html).toContain('§ 1');
    expect(fi.html).toContain('Lausunto palvelustrategiasta');
    expect(fi.html).toContain('Annetaan liitteen mukainen lausunto.');
    expect(fi.html).toContain('Lausunto annettiin muutetussa muodossa.');
    expect(fi.html).toContain('Jaa 7, ei 2, tyhjää 1');
    expect(fi.html).toContain('Jäsen4');
    expect(fi.html).toContain('Jäsen1');
    expect(fi.html).toContain('Otteen oikeaksi todistaa');
    expect(fi.html).toMatch(/Sihteeri [^,<]+, \d{1,2}\.\d{1,2}\.\d{4}/);
    expect(fi.html).not.toContain('SALAINEN');
    expect(fi.html).not.toContain('Asiakasasia');
    const sv = await renderRoute(extractRoute, PATTERN, makeRequest(url), 'sv');
    expect(sv.html).toContain('Protokollsutdrag');
    expect(sv.html).toContain('Utdragets riktighet intygar');
    // The public meeting page links every public § to its extract.
    const page = await renderRoute(publicRoute, '/meetings/:meetingId', makeRequest(`/meetings/${r.meeting.id}`));
    expect(page.html).toContain(`href="${url}"`);
    expect(page.html).not.toContain(`/items/${r.secret.id}/extract`);
  });

  it('gives the extract as a PDF', async () => {
    const r = await buildPublishedMeeting();
    const res = await call(extractPdf.loader, makeRequest(`${extractUrl(r.meeting.id, r.open.id)}.pdf`), {
      meetingId: r.meeting.id,
      itemId: r.open.id,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(new TextDecoder('latin1').decode(bytes)).toContain('/Title');
  });

  it('refuses an unpublished § clearly, and hides a withheld § from the public (the secretariat sees it)', async () => {
    const draft = await buildPublishedMeeting({ publish: false });
    const url = extractUrl(draft.meeting.id, draft.open.id);
    const refused = await renderRoute(extractRoute, PATTERN, makeRequest(url));
    expect(refused.status).toBe(404);
    expect(refused.html).toContain('pöytäkirjaa ei ole julkaistu');
    expect(refused.html).not.toContain('Lausunto annettiin');
    expect(
      (await call(extractPdf.loader, makeRequest(`${url}.pdf`), { meetingId: draft.meeting.id, itemId: draft.open.id }))
        .status,
    ).toBe(404);

    const r = await buildPublishedMeeting();
    const secretUrl = extractUrl(r.meeting.id, r.secret.id);
    expect(
      (await call(extractRoute.loader, makeRequest(secretUrl), { meetingId: r.meeting.id, itemId: r.secret.id }))
        .status,
    ).toBe(404);
    expect(
      (await call(extractPdf.loader, makeRequest(`${secretUrl}.pdf`), { meetingId: r.meeting.id, itemId: r.secret.id }))
        .status,
    ).toBe(404);
    const outsider = await buildUser();
    expect(
      (
        await call(extractRoute.loader, makeRequest(secretUrl, { cookie: outsider.cookie }), {
          meetingId: r.meeting.id,
          itemId: r.secret.id,
        })
      ).status,
    ).toBe(404);
    const forSecretary = await renderRoute(
      extractRoute,
      PATTERN,
      makeRequest(secretUrl, { cookie: r.secretary.cookie }),
    );
    expect(forSecretary.status).toBe(200);
    expect(forSecretary.html).toContain('SALAINEN PÄÄTÖS');
    const res = await call(extractRoute.loader, makeRequest(secretUrl, { cookie: r.secretary.cookie }), {
      meetingId: r.meeting.id,
      itemId: r.secret.id,
    });
    expect(res.headers.get('cache-control')).toContain('no-store');
    // Odd ids and an item of another meeting are 404, never 500.
    expect(
      (await call(extractRoute.loader, makeRequest('/meetings/x/items/y/extract'), { meetingId: 'x', itemId: 'y' }))
        .status,
    ).toBe(404);
    expect(
      (
        await call(extractRoute.loader, makeRequest(extractUrl(r.meeting.id, draft.open.id)), {
          meetingId: r.meeting.id,
          itemId: draft.open.id,
        })
      ).status,
    ).toBe(404);
  });

  it('keeps a distribution list per item and sends the extract to it, recorded and audited; emails never public', async () => {
    const r = await buildPublishedMeeting();
    const url = `/manage/meetings/${r.meeting.id}/items/${r.open.id}/extract`;
    const params = { meetingId: r.meeting.id, itemId: r.open.id };
    const post = (form: Record<string, string>, cookie = r.secretary.cookie) =>
      call(manageRoute.action, makeRequest(url, { method: 'POST', cookie, form }), params);

    const empty = await post({ intent: 'send-extract' });
    expect(empty.status).toBe(400);
    const bad = await post({ intent: 'add-recipient', name: 'Hyvinvointialueen kirjaamo', email: 'ei-osoite' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fieldErrors: Record<string, string> }).fieldErrors.email).toBe(
      'Kirjoita kelvollinen sähköpostiosoite.',
    );
    expect(
      (
        await post({
          intent: 'add-recipient',
          name: 'Hyvinvointialueen kirjaamo',
          email: 'kirjaamo@hyvinvointialue.example',
        })
      ).status,
    ).toBe(200);
    expect(
      (await post({ intent: 'add-recipient', name: 'Palvelujohtaja', email: 'johtaja@hyvinvointialue.example' }))
        .status,
    ).toBe(200);
    const dup = await post({ intent: 'add-recipient', name: 'Toinen', email: 'KIRJAAMO@hyvinvointialue.example' });
    expect(dup.status).toBe(409);
    expect((await post({ intent: 'send-extract' }, r.checkerA.cookie)).status).toBe(403);

    const sent = await post({ intent: 'send-extract' });
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as { message: string }).message).toBe('Ote lähetetty 2 vastaanottajalle.');
    const mails = await getDb()
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.kind, 'extract'), eq(mailMessages.meetingId, r.meeting.id)));
    expect(mails.map((m) => m.toAddress).sort()).toEqual([
      'johtaja@hyvinvointialue.example',
      'kirjaamo@hyvinvointialue.example',
    ]);
    expect(mails[0]!.subject).toBe('Pöytäkirjanote: § 1 Lausunto palvelustrategiasta');
    expect(mails[0]!.textBody).toContain('Lausunto annettiin muutetussa muodossa.');
    expect(mails[0]!.textBody).toContain('Otteen oikeaksi todistaa');
    expect(mails[0]!.textBody).toContain(`/meetings/${r.meeting.id}/items/${r.open.id}/extract`);
    // A second click on the same page (it showed no sendings) is refused instead of sending twice.
    const twice = await post({ intent: 'send-extract', sentBefore: '0' });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { error: string }).error).toContain('Ote lähetettiin juuri');
    const sendings = await getDb().select().from(extractSendings).where(eq(extractSendings.agendaItemId, r.open.id));
    expect(sendings).toHaveLength(2);
    expect(
      sendings.every((s) => s.sentBy === r.secretary.user.id && s.versionId === r.versionId && s.mailMessageId),
    ).toBe(true);
    const audit = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'extract.send'), eq(auditLog.entityId, r.open.id)));
    expect(audit).toHaveLength(1);

    const page = await renderRoute(
      manageRoute,
      '/manage/meetings/:meetingId/items/:itemId/extract',
      makeRequest(url, { cookie: r.secretary.cookie }),
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain('kirjaamo@hyvinvointialue.example');
    expect(page.html).toContain(r.secretary.user.displayName);
    const publicExtract = await renderRoute(extractRoute, PATTERN, makeRequest(extractUrl(r.meeting.id, r.open.id)));
    expect(publicExtract.html).not.toContain('hyvinvointialue.example');
    expect(publicExtract.html).not.toContain('Palvelujohtaja');
  });

  it('sends a non-public § without a link, and refuses to send before publication', async () => {
    const r = await buildPublishedMeeting();
    const params = { meetingId: r.meeting.id, itemId: r.secret.id };
    const url = `/manage/meetings/${r.meeting.id}/items/${r.secret.id}/extract`;
    const post = (form: Record<string, string>) =>
      call(manageRoute.action, makeRequest(url, { method: 'POST', cookie: r.secretary.cookie, form }), params);
    expect(
      (await post({ intent: 'add-recipient', name: 'Asianosainen', email: 'asianosainen@example.net' })).status,
    ).toBe(200);
    expect((await post({ intent: 'send-extract' })).status).toBe(200);
    const [mail] = await getDb()
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, 'asianosainen@example.net'));
    expect(mail!.textBody).toContain('SALAINEN PÄÄTÖS');
    expect(mail!.textBody).not.toContain('/extract');

    const draft = await buildPublishedMeeting({ publish: false });
    const dUrl = `/manage/meetings/${draft.meeting.id}/items/${draft.open.id}/extract`;
    const dPost = (form: Record<string, string>) =>
      call(manageRoute.action, makeRequest(dUrl, { method: 'POST', cookie: draft.secretary.cookie, form }), {
        meetingId: draft.meeting.id,
        itemId: draft.open.id,
      });
    expect((await dPost({ intent: 'add-recipient', name: 'Kirjaamo', email: 'kirjaamo@example.net' })).status).toBe(
      200,
    );
    const refused = await dPost({ intent: 'send-extract' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toBe(
      'Otteen voi lähettää vasta, kun pöytäkirja on julkaistu.',
    );
  });
});
