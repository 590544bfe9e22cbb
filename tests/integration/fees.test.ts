// Meeting fees and travel claims: rules with an optimistic lock, fees computed from recorded
// attendance, members' claims refused at the field, approval, the payroll CSV, and no fee data
// anywhere public.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as feesPage from '../../app/routes/manage.councils.$slug.fees';
import * as feesCsv from '../../app/routes/manage.councils.$slug.fees[.csv]';
import * as myClaims from '../../app/routes/my.claims';
import * as apiCouncil from '../../app/routes/api.v1.councils.$slug._index';
import * as apiMeetings from '../../app/routes/api.v1.councils.$slug.meetings';
import * as apiMeeting from '../../app/routes/api.v1.meetings.$meetingId';
import * as apiExport from '../../app/routes/api.v1.export.$slug[.json]';
import * as apiSearch from '../../app/routes/api.v1.search';
import * as oparlAny from '../../app/routes/oparl.v1[.]1.$';
import * as councilPage from '../../app/routes/councils.$slug._index';
import * as meetingPage from '../../app/routes/meetings.$meetingId._index';
import * as minutesPage from '../../app/routes/meetings.$meetingId.minutes';
import { todayInHelsinki } from '../../app/lib/dates';
import { getDb, queryCounter } from '../../db/client.server';
import { auditLog, minutesVersions, people, regions, travelClaims } from '../../db/schema';
import { buildPerson } from '../factories';
import { approveAndMaybePublish, buildHeldMeeting } from '../factories/plans';
import { buildRecordsSetup, renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

const DAY_MS = 86_400_000;
const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** JSON replies parsed; a plain-text refusal ("Forbidden") kept as its text. */
const parse = (text: string): Reply => {
  try {
    return JSON.parse(text) as Reply;
  } catch {
    return { error: text };
  }
};

type Reply = {
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  result?: { error?: Record<string, string[] | null> };
};

/** A council with a held meeting 20 days ago whose published minutes record chair, substitute, secretary, absentee and expert. */
async function setup(opts: { slug?: string } = {}) {
  const s = await buildRecordsSetup({ members: 2, council: opts.slug ? { slug: opts.slug } : {} });
  const expert = await buildPerson({ givenName: 'Asiantuntija' });
  const start = new Date(Date.now() - 20 * DAY_MS);
  start.setUTCHours(9, 0, 0, 0);
  const held = await buildHeldMeeting({
    councilId: s.council.id,
    termId: s.term.id,
    startsAt: start,
    title: 'Kokous 2/2026',
    minutes: 'draft',
    attendance: [
      { personId: s.seats[0]!.personId, membershipId: s.seats[0]!.membershipId, role: 'chair', present: true },
      { personId: s.seats[1]!.personId, membershipId: s.seats[1]!.membershipId, role: 'member', present: false },
      {
        personId: s.seats[1]!.deputyPersonId,
        membershipId: s.seats[1]!.deputyMembershipId,
        role: 'deputy',
        present: true,
        substitutesForId: s.seats[1]!.membershipId,
      },
      { personId: s.secretaryPerson.id, role: 'secretary', present: true },
      { personId: expert.id, role: 'expert', present: true },
    ],
  });
  // Recorded: opened on time, closed three and a half hours later (a long meeting).
  await getDb()
    .update(minutesVersions)
    .set({ openedAt: start, closedAt: new Date(start.getTime() + 210 * 60_000) })
    .where(eq(minutesVersions.id, held.versionId!));
  await approveAndMaybePublish(held.versionId!, true);
  const meetingDate = todayInHelsinki(start);
  const period = { from: shiftDate(meetingDate, -1), to: shiftDate(meetingDate, 1) };
  const base = `/manage/councils/${s.council.slug}/fees`;
  const page = `${base}?from=${period.from}&to=${period.to}`;
  const secretaryPost = async (form: Record<string, string>, cookie = s.secretary.cookie) => {
    const res = await call(feesPage.action, makeRequest(page, { cookie, form }), { slug: s.council.slug });
    return { status: res.status, body: parse(await res.text()) };
  };
  const periodView = async () => {
    const res = await call(feesPage.loader, makeRequest(page, { cookie: s.secretary.cookie }), {
      slug: s.council.slug,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      rules: Array<{ id: string; lockVersion: number; kind: string; kmRateCents: number }>;
      meetings: Array<{
        id: string;
        lengthMinutes: number;
        lengthSource: string;
        lines: Array<{ personId: string; role: string; totalCents: number; kmCents: number; longMeetingCents: number }>;
        claims: Array<{ id: string; status: string; lockVersion: number }>;
      }>;
    };
  };
  const claim = async (cookie: string, form: Record<string, string>) => {
    const res = await call(
      myClaims.action,
      makeRequest(`/my/claims?meeting=${held.meeting.id}`, { cookie, form: { meetingId: held.meeting.id, ...form } }),
    );
    const body = parse(await res.text());
    return { status: res.status, body };
  };
  const csv = async (query = `?from=${period.from}&to=${period.to}`, cookie = s.secretary.cookie) =>
    call(feesCsv.loader, makeRequest(`${base}.csv${query}`, { cookie }), { slug: s.council.slug });
  const member = s.checkerA; // seats[0]: chaired the meeting
  const absent = s.checkerB; // seats[1]: absent, the deputy came instead
  return { ...s, expert, held, meetingDate, period, page, secretaryPost, periodView, claim, csv, member, absent };
}

const PAYING_RULE = {
  intent: 'save-rule',
  kind: 'per_meeting',
  validFrom: '2020-01-01',
  meetingFee: '80',
  chairSupplement: '40',
  secretarySupplement: '20',
  paySecretary: 'on',
  longMeetingAfterHours: '3',
  longMeetingSupplement: '25',
  kmRate: '0,59',
};

describe('fee rules', () => {
  it('saves a rule, refuses a stale edit and an overlapping period at the field, and audits', async () => {
    const s = await setup();
    expect((await s.secretaryPost(PAYING_RULE)).status).toBe(200);
    const [rule] = (await s.periodView()).rules;
    expect(rule).toMatchObject({ kind: 'per_meeting', kmRateCents: 59, lockVersion: 1 });

    const edit = { ...PAYING_RULE, id: rule!.id, lockVersion: '1', meetingFee: '90' };
    expect((await s.secretaryPost(edit)).status).toBe(200);
    const stale = await s.secretaryPost(edit);
    expect(stale.status).toBe(400);
    expect(stale.body.result?.error?.['']).toEqual([
      'Joku muu muutti tätä samaan aikaan. Lataa sivu uudelleen ja tee muutos uudelleen.',
    ]);

    const overlap = await s.secretaryPost({ ...PAYING_RULE, validFrom: '2024-01-01' });
    expect(overlap.status).toBe(400);
    expect(overlap.body.result?.error?.validFrom).toEqual([
      'Voimassaoloaika menee päällekkäin toisen palkkiosäännön kanssa.',
    ]);

    const negative = await s.secretaryPost({
      ...PAYING_RULE,
      validFrom: '2019-01-01',
      validTo: '2019-12-31',
      meetingFee: '-5',
    });
    expect(negative.status).toBe(400);
    expect(negative.body.result?.error?.meetingFee).toEqual(['Summa ei voi olla negatiivinen.']);

    expect((await s.periodView()).rules).toHaveLength(1);
    const audit = await getDb()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.councilId, s.council.id));
    expect(audit.map((a) => a.action).filter((a) => a.startsWith('fees.'))).toEqual([
      'fees.rule_create',
      'fees.rule_update',
    ]);
  });

  it('is the secretariat’s: a member gets 403, someone without a role 404', async () => {
    const s = await setup();
    const asMember = await call(feesPage.loader, makeRequest(s.page, { cookie: s.member.cookie }), {
      slug: s.council.slug,
    });
    expect(asMember.status).toBe(403);
    expect((await s.secretaryPost(PAYING_RULE, s.member.cookie)).status).toBe(403);
    const stranger = await buildUser();
    expect(
      (await call(feesPage.loader, makeRequest(s.page, { cookie: stranger.cookie }), { slug: s.council.slug })).status,
    ).toBe(404);
    expect((await s.csv(undefined, s.member.cookie)).status).toBe(403);
  });

  it('answers a malformed period with 400, not 500', async () => {
    const s = await setup();
    const res = await call(
      feesPage.loader,
      makeRequest(`/manage/councils/${s.council.slug}/fees?from=2026-13-01&to=x`, { cookie: s.secretary.cookie }),
      { slug: s.council.slug },
    );
    expect(res.status).toBe(400);
    const csv = await s.csv('?from=2026-03-01&to=2025-01-01');
    expect(csv.status).toBe(400);
    expect(((await csv.json()) as Reply).error).toMatch(/Kausi ei kelpaa/);
  });
});

describe('fees from recorded attendance', () => {
  it('pays the chair, the substituting deputy and the secretary, with the long-meeting supplement; not the absentee or the expert', async () => {
    const s = await setup();
    await s.secretaryPost(PAYING_RULE);
    const [meeting] = (await s.periodView()).meetings;
    expect(meeting).toMatchObject({ id: s.held.meeting.id, lengthMinutes: 210, lengthSource: 'recorded' });
    const byPerson = new Map(meeting!.lines.map((l) => [l.personId, l]));
    expect(byPerson.get(s.seats[0]!.personId)).toMatchObject({ role: 'chair', totalCents: 8000 + 4000 + 2500 });
    expect(byPerson.get(s.seats[1]!.deputyPersonId)).toMatchObject({ role: 'deputy', totalCents: 8000 + 2500 });
    expect(byPerson.get(s.secretaryPerson.id)).toMatchObject({ role: 'secretary', totalCents: 8000 + 2000 + 2500 });
    expect(byPerson.has(s.seats[1]!.personId)).toBe(false);
    expect(byPerson.has(s.expert.id)).toBe(false);
  });

  it('leaves out the secretary when the rule does not pay them (a county employee)', async () => {
    const s = await setup();
    const { paySecretary: _, ...withoutSecretary } = PAYING_RULE;
    expect((await s.secretaryPost(withoutSecretary)).status).toBe(200);
    const lines = (await s.periodView()).meetings[0]!.lines;
    expect(lines.map((l) => l.role).sort()).toEqual(['chair', 'deputy']);
  });

  it('pays nothing under a none rule (Pirkanmaa), refuses claims there, and exports only the header', async () => {
    const s = await setup();
    expect(
      (await s.secretaryPost({ intent: 'save-rule', kind: 'none', validFrom: '2020-01-01', meetingFee: '80' })).status,
    ).toBe(200);
    const view = await s.periodView();
    expect(view.rules[0]).toMatchObject({ kind: 'none' });
    expect(view.meetings[0]!.lines).toEqual([]);
    const refused = await s.claim(s.member.cookie, { intent: 'submit-claim', travelDate: s.meetingDate, km: '40' });
    expect(refused.status).toBe(400);
    expect(refused.body.result?.error?.['']).toEqual(['Tämä neuvosto ei maksa kokouspalkkioita eikä kulukorvauksia.']);
    const text = await (await s.csv()).text();
    expect(text.replace('\uFEFF', '').trim().split('\r\n')).toHaveLength(1);
  });
});

describe('travel claims', () => {
  it('refuses negative kilometres and a date outside the meeting at the field, with 400 and nothing saved', async () => {
    const s = await setup();
    await s.secretaryPost(PAYING_RULE);
    const negative = await s.claim(s.member.cookie, { intent: 'submit-claim', travelDate: s.meetingDate, km: '-12' });
    expect(negative.status).toBe(400);
    expect(negative.body.result?.error?.km).toEqual(['Kilometrit eivät voi olla negatiivisia.']);
    const tooFar = await s.claim(s.member.cookie, { intent: 'submit-claim', travelDate: s.meetingDate, km: '99999' });
    expect(tooFar.body.result?.error?.km).toEqual(['Kilometrejä voi olla enintään 3 000.']);
    const outside = await s.claim(s.member.cookie, {
      intent: 'submit-claim',
      travelDate: shiftDate(s.meetingDate, 1),
      km: '12',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.result?.error?.travelDate).toEqual([
      `Matkapäivän on oltava kokouksen päivä (${s.meetingDate}).`,
    ]);
    const noType = await s.claim(s.member.cookie, {
      intent: 'submit-claim',
      travelDate: s.meetingDate,
      accessibilityCosts: '30',
    });
    expect(noType.body.result?.error?.accessibilityType).toEqual(['Valitse saavutettavuuskulun laji.']);
    expect(await getDb().select().from(travelClaims).where(eq(travelClaims.councilId, s.council.id))).toEqual([]);
  });

  it('refuses a meeting the person did not attend, and hides the meeting from someone without a role', async () => {
    const s = await setup();
    await s.secretaryPost(PAYING_RULE);
    const res = await s.claim(s.absent.cookie, { intent: 'submit-claim', travelDate: s.meetingDate, km: '10' });
    expect(res.status).toBe(400);
    expect(res.body.result?.error?.['']).toEqual(['Voit hakea korvausta vain kokouksesta, johon osallistuit.']);
    const stranger = await buildUser({ personId: (await buildPerson()).id });
    expect(
      (await s.claim(stranger.cookie, { intent: 'submit-claim', travelDate: s.meetingDate, km: '10' })).status,
    ).toBe(404);
    const list = await call(myClaims.loader, makeRequest('/my/claims', { cookie: s.absent.cookie }));
    expect(((await list.json()) as { meetings: unknown[] }).meetings).toEqual([]);
  });

  it('goes from draft to submitted to approved; the approved claim counts in the fees and is final', async () => {
    const s = await setup();
    await s.secretaryPost(PAYING_RULE);
    expect(
      (await s.claim(s.member.cookie, { intent: 'save-claim', travelDate: s.meetingDate, km: '100' })).status,
    ).toBe(200);
    const [draft] = await getDb().select().from(travelClaims).where(eq(travelClaims.councilId, s.council.id));
    expect(draft).toMatchObject({ status: 'draft', km: 100 });
    // The secretary cannot approve a draft.
    const early = await s.secretaryPost({
      intent: 'approve-claim',
      claimId: draft!.id,
      lockVersion: String(draft!.lockVersion),
    });
    expect(early.status).toBe(409);
    const sent = await s.claim(s.member.cookie, {
      intent: 'submit-claim',
      lockVersion: String(draft!.lockVersion),
      travelDate: s.meetingDate,
      km: '120',
      tickets: '12,50',
      accessibilityCosts: '30',
      accessibilityType: 'taxi',
      note: 'Taksi asemalta',
    });
    expect(sent.status).toBe(200);
    // A submitted claim does not count until approved.
    const before = (await s.periodView()).meetings[0]!.lines.find((l) => l.personId === s.seats[0]!.personId)!;
    expect(before.kmCents).toBe(0);
    const claim = (await s.periodView()).meetings[0]!.claims[0]!;
    expect(claim.status).toBe('submitted');
    const noReason = await s.secretaryPost({
      intent: 'reject-claim',
      claimId: claim.id,
      lockVersion: String(claim.lockVersion),
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fieldErrors?.reason).toBe('Kerro hylkäyksen syy.');
    const stale = await s.secretaryPost({
      intent: 'approve-claim',
      claimId: claim.id,
      lockVersion: String(claim.lockVersion - 1),
    });
    expect(stale.status).toBe(409);
    expect(
      (await s.secretaryPost({ intent: 'approve-claim', claimId: claim.id, lockVersion: String(claim.lockVersion) }))
        .status,
    ).toBe(200);

    const line = (await s.periodView()).meetings[0]!.lines.find((l) => l.personId === s.seats[0]!.personId)!;
    expect(line).toMatchObject({ kmCents: 120 * 59, totalCents: 8000 + 4000 + 2500 + 120 * 59 + 1250 + 3000 });
    const [approved] = await getDb().select().from(travelClaims).where(eq(travelClaims.councilId, s.council.id));
    const change = await s.claim(s.member.cookie, {
      intent: 'submit-claim',
      lockVersion: String(approved!.lockVersion),
      travelDate: s.meetingDate,
      km: '500',
    });
    expect(change.status).toBe(400);
    expect(change.body.result?.error?.['']).toEqual(['Hakemus on hyväksytty, eikä sitä voi enää muuttaa.']);
    const actions = (
      await getDb()
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'travel_claim'), eq(auditLog.entityId, approved!.id)))
    ).map((a) => a.action);
    expect(actions).toEqual(['claim.create', 'claim.submit', 'claim.approve']);
  });

  it('lets a rejected claim be corrected and sent again', async () => {
    const s = await setup();
    await s.secretaryPost(PAYING_RULE);
    await s.claim(s.member.cookie, { intent: 'submit-claim', travelDate: s.meetingDate, km: '40' });
    const [c] = await getDb().select().from(travelClaims).where(eq(travelClaims.councilId, s.council.id));
    expect(
      (
        await s.secretaryPost({
          intent: 'reject-claim',
          claimId: c!.id,
          lockVersion: String(c!.lockVersion),
          reason: 'Matka puuttuu',
        })
      ).status,
    ).toBe(200);
    const page = await renderRoute(
      myClaims,
      '/my/claims',
      makeRequest(`/my/claims?meeting=${s.held.meeting.id}`, { cookie: s.member.cookie }),
    );
    expect(page.html).toContain('Hylätty: Matka puuttuu');
    const [rejected] = await getDb().select().from(travelClaims).where(eq(travelClaims.councilId, s.council.id));
    expect(
      (
        await s.claim(s.member.cookie, {
          intent: 'submit-claim',
          lockVersion: String(rejected!.lockVersion),
          travelDate: s.meetingDate,
          km: '42',
        })
      ).status,
    ).toBe(200);
    const [again] = await getDb().select().from(travelClaims).where(eq(travelClaims.councilId, s.council.id));
    expect(again).toMatchObject({ status: 'submitted', km: 42, rejectReason: null });
  });
});

describe('the payroll export', () => {
  it('writes one row per person with the fee components and total, formula cells protected, and audits the export', async () => {
    const s = await setup();
    await s.secretaryPost(PAYING_RULE);
    await getDb().update(people).set({ givenName: '=SUM(A1)' }).where(eq(people.id, s.seats[1]!.deputyPersonId));
    await s.claim(s.member.cookie, { intent: 'submit-claim', travelDate: s.meetingDate, km: '120', tickets: '12,50' });
    const [c] = await getDb().select().from(travelClaims).where(eq(travelClaims.councilId, s.council.id));
    await s.secretaryPost({ intent: 'approve-claim', claimId: c!.id, lockVersion: String(c!.lockVersion) });
    const res = await s.csv();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const lines = (await res.text()).replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'person,meeting_date,meeting,role,meeting_fee,chair_supplement,secretary_supplement,long_meeting_supplement,km,km_amount,tickets,accessibility_costs,total',
    );
    expect(lines).toHaveLength(4);
    const chair = lines.find((l) => l.includes(',chair,'))!;
    expect(chair).toContain(`${s.meetingDate},Kokous 2/2026,chair,80.00,40.00,0.00,25.00,120,70.80,12.50,0.00,228.30`);
    const deputy = lines.find((l) => l.includes(',deputy,'))!;
    expect(deputy.startsWith("'=SUM(A1)")).toBe(true);
    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.councilId, s.council.id), eq(auditLog.action, 'fees.export')));
    expect(entry?.changes).toMatchObject({ from: s.period.from, to: s.period.to, rows: 3 });
  });
});

describe('fee data is never public', () => {
  it('leaves no amount, claim or rule in the public API, OParl, export, search or pages of a council with claims', async () => {
    const s = await setup({ slug: 'palkkio-julkisuus' });
    await s.secretaryPost(PAYING_RULE);
    await s.claim(s.member.cookie, {
      intent: 'submit-claim',
      travelDate: s.meetingDate,
      km: '77',
      tickets: '98,76',
      note: 'MATKAMERKKI-7731',
    });
    const [c] = await getDb().select().from(travelClaims).where(eq(travelClaims.councilId, s.council.id));
    await s.secretaryPost({ intent: 'approve-claim', claimId: c!.id, lockVersion: String(c!.lockVersion) });
    const [region] = await getDb()
      .select({ slug: regions.slug })
      .from(regions)
      .where(eq(regions.id, s.council.regionId));
    const slug = s.council.slug;
    const meetingId = s.held.meeting.id;
    const responses = [
      await call(apiCouncil.loader as never, makeRequest(`/api/v1/councils/${slug}`), { slug }),
      await call(apiMeetings.loader as never, makeRequest(`/api/v1/councils/${slug}/meetings`), { slug }),
      await call(apiMeeting.loader as never, makeRequest(`/api/v1/meetings/${meetingId}`), { meetingId }),
      await call(apiExport.loader as never, makeRequest(`/api/v1/export/${slug}.json`), { slug }),
      await call(oparlAny.loader as never, makeRequest(`/oparl/v1.1/meeting/${meetingId}`), {
        '*': `meeting/${meetingId}`,
      }),
      await call(oparlAny.loader as never, makeRequest(`/oparl/v1.1/body/${region!.slug}/meetings`), {
        '*': `body/${region!.slug}/meetings`,
      }),
      await call(councilPage.loader as never, makeRequest(`/councils/${slug}`), { slug }),
      await call(meetingPage.loader as never, makeRequest(`/meetings/${meetingId}`), { meetingId }),
      await call(minutesPage.loader as never, makeRequest(`/meetings/${meetingId}/minutes`), { meetingId }),
    ];
    const bodies = await Promise.all(responses.map((r) => r.text()));
    // Search finds nothing by the claim's note (the query itself is echoed back, so count the hits).
    const search = (await (
      await call(apiSearch.loader as never, makeRequest('/api/v1/search?q=MATKAMERKKI'))
    ).json()) as { results: unknown[] };
    expect(search.results).toEqual([]);
    // The published minutes are public: the attendance shows, so the meeting is really there.
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    expect(bodies[2]).toContain('Kokous 2/2026');
    for (const body of bodies) {
      for (const leak of [
        'MATKAMERKKI',
        '98.76',
        '98,76',
        'ticket',
        'travel',
        'claim',
        'kmRate',
        'km_rate',
        'FeeCents',
        'fee_cents',
        'fee_rule',
        'supplement',
      ]) {
        expect(body.toLowerCase()).not.toContain(leak.toLowerCase());
      }
    }
  });
});

describe('the pages', () => {
  it('render in Finnish, Swedish and English with every input labelled, and link from the council and the member area', async () => {
    const s = await setup();
    await s.secretaryPost(PAYING_RULE);
    await s.claim(s.member.cookie, { intent: 'submit-claim', travelDate: s.meetingDate, km: '10' });
    for (const [locale, title] of [
      ['fi', 'Kokouspalkkiot'],
      ['sv', 'Mötesarvoden'],
      ['en', 'Meeting fees'],
    ] as const) {
      const page = await renderRoute(feesPage, '/manage/councils/:slug/fees', makeRequest(s.page, { cookie: s.secretary.cookie }), locale);
      expect(page.status).toBe(200);
      expect(page.html).toContain(title);
      expect(page.html).toContain(`fees.csv?from=${s.period.from}&amp;to=${s.period.to}`);
      const mine = await renderRoute(myClaims, '/my/claims', makeRequest(`/my/claims?meeting=${s.held.meeting.id}`, { cookie: s.member.cookie }), locale);
      expect(mine.status).toBe(200);
      for (const html of [page.html, mine.html]) {
        const ids = [...html.matchAll(/<(?:input|select|textarea)[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
        expect(ids.length).toBeGreaterThan(0);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(html).toContain(`for="${id}"`);
      }
    }
    const overview = await renderRoute(
      await import('../../app/routes/manage.councils.$slug._index'),
      '/manage/councils/:slug',
      makeRequest(`/manage/councils/${s.council.slug}`, { cookie: s.secretary.cookie }),
    );
    expect(overview.html).toContain(`href="/manage/councils/${s.council.slug}/fees"`);
    const memberOverview = await renderRoute(
      await import('../../app/routes/manage.councils.$slug._index'),
      '/manage/councils/:slug',
      makeRequest(`/manage/councils/${s.council.slug}`, { cookie: s.member.cookie }),
    );
    expect(memberOverview.html).not.toContain('/fees"');
  });
});

describe('query counts', () => {
  it('stay the same for the fee page, the export and my claims when meetings and claims grow', async () => {
    const s = await setup();
    await s.secretaryPost(PAYING_RULE);
    await s.claim(s.member.cookie, { intent: 'submit-claim', travelDate: s.meetingDate, km: '10' });
    const wide = `?from=${shiftDate(s.meetingDate, -200)}&to=${shiftDate(s.meetingDate, 100)}`;
    const count = async () => {
      const out: number[] = [];
      for (const run of [
        () => call(feesPage.loader, makeRequest(`/manage/councils/${s.council.slug}/fees${wide}`, { cookie: s.secretary.cookie }), { slug: s.council.slug }),
        () => s.csv(wide),
        () => call(myClaims.loader, makeRequest('/my/claims', { cookie: s.member.cookie })),
      ]) {
        const before = queryCounter.count;
        expect((await run()).status).toBe(200);
        out.push(queryCounter.count - before);
      }
      return out;
    };
    const small = await count();
    for (let i = 1; i <= 5; i++) {
      const start = new Date(s.held.meeting.startsAt.getTime() - i * 14 * DAY_MS);
      const more = await buildHeldMeeting({
        councilId: s.council.id,
        termId: s.term.id,
        startsAt: start,
        title: `Kokous x${i}`,
        attendance: [
          { personId: s.seats[0]!.personId, membershipId: s.seats[0]!.membershipId, role: 'member', present: true },
          { personId: s.secretaryPerson.id, role: 'secretary', present: true },
        ],
      });
      await getDb()
        .insert(travelClaims)
        .values({ meetingId: more.meeting.id, councilId: s.council.id, personId: s.seats[0]!.personId, travelDate: todayInHelsinki(start), km: 5 + i });
    }
    const large = await count();
    expect(large).toEqual(small);
  });
});
