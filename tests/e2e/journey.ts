import { and, asc, desc, eq } from 'drizzle-orm';
import { expect, vi } from 'vitest';
import { councils, mailMessages, meetings } from '../../db/schema';
import type { Locator } from 'playwright-core';
import { Tab, type Harness } from './harness';

// The secretariat's year in one journey, from a new council to published minutes. Each step is a
// function so the same journey runs with JavaScript on and off (journey-*.test.ts); the steps
// share one Journey object. Every page goes through Tab, which checks it (see harness.ts).

export const PASSWORD = 'kolme sanaa riittää hyvin';
const DAY = 86_400_000;

export interface Journey {
  h: Harness;
  js: boolean;
  /** Check every desktop page at 360 px as well (the JS-on run does; the JS-off run saves the time). */
  alsoPhone: boolean;
  /** Distinguishes the JS-on and JS-off runs' records (slugs, emails). */
  tag: string;
  slug: string;
  termName: string;
  admin?: Tab;
  secretary?: Tab;
  /** The chair, a checker: accepts the invitation to Neuvos before the clock moves (invitations expire). */
  chair?: Tab;
  secretaryEmail: string;
  dates: { termStart: string; termEnd: string; seriesFirst: string; seriesUntil: string; dstSunday: string; meetingDay: string };
  meetingId?: string;
  seriesId?: string;
  checkers: string[];
  posts: number;
  tabs: Tab[];
}

/** Wait until something is visible (vitest's expect has no DOM matchers). */
export async function seen(locator: Locator) {
  await locator.first().waitFor({ state: 'visible' });
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The last Sunday of March after `from`: the day Finland moves its clocks forward. */
export function nextDstStart(from: Date): Date {
  for (let year = from.getUTCFullYear(); ; year += 1) {
    const lastOfMarch = new Date(Date.UTC(year, 2, 31));
    const sunday = new Date(lastOfMarch.getTime() - lastOfMarch.getUTCDay() * DAY);
    if (sunday.getTime() > from.getTime() + 30 * DAY) return sunday;
  }
}

export function newJourney(h: Harness, js: boolean): Journey {
  const tag = js ? 'js' : 'nojs';
  const now = new Date();
  const dst = nextDstStart(now);
  return {
    h,
    js,
    alsoPhone: js,
    tag,
    slug: `e2e-${tag}-neuvottelukunta`,
    termName: `${now.getUTCFullYear()}–${now.getUTCFullYear() + 3}`,
    secretaryEmail: `sihteeri.${tag}@journey.example`,
    dates: {
      termStart: iso(new Date(now.getTime() - 30 * DAY)),
      termEnd: iso(new Date(now.getTime() + 3 * 365 * DAY)),
      // Weekly on Tuesdays around the change to summer time: 17.00 local before and after.
      seriesFirst: iso(new Date(dst.getTime() - 12 * DAY)),
      seriesUntil: iso(new Date(dst.getTime() + 17 * DAY)),
      dstSunday: iso(dst),
      meetingDay: iso(new Date(now.getTime() + 10 * DAY)),
    },
    checkers: [],
    posts: 0,
    tabs: [],
  };
}

export async function openTab(j: Journey, options: Parameters<typeof Tab.open>[1] = {}) {
  const tab = await Tab.open(j.h, { js: j.js, alsoPhone: j.alsoPhone, ...options });
  j.tabs.push(tab);
  return tab;
}

/** Close every tab and add its form posts to the journey's count. */
export async function closeAll(j: Journey) {
  for (const tab of j.tabs.splice(0)) await tab.close();
}

/** Where each open tab is and what errors it shows: appended to a failed step's message. */
export async function describeTabs(j: Journey): Promise<string> {
  const parts: string[] = [];
  for (const tab of j.tabs) {
    if (tab.page.isClosed()) continue;
    const errors = await tab.page
      .locator('.field-errors, [role=alert], .error-text, .notice, h1')
      .allInnerTexts()
      .catch(() => []);
    parts.push(`${tab.page.url()}: ${errors.join(' | ').slice(0, 1500)}`);
  }
  return parts.join('\n');
}

export function postsSoFar(j: Journey) {
  return j.tabs.reduce((n, t) => n + t.posts, j.posts);
}

/** The newest message to an address (the app's outbox table: no SMTP in tests). */
export async function lastMail(j: Journey, to: string, subject?: RegExp) {
  const rows = await j.h.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, to)).orderBy(desc(mailMessages.createdAt)).limit(20);
  const mail = rows.find((r) => !subject || subject.test(r.subject));
  if (!mail) throw new Error(`no mail to ${to}${subject ? ` matching ${subject}` : ''}`);
  return mail;
}

/** A path of this app found in a message body. */
export function linkIn(body: string, path: RegExp): string {
  const m = new RegExp(`https?://[^\\s/]+(${path.source}[^\\s)>"]*)`).exec(body);
  if (!m) throw new Error(`no link ${path} in:\n${body}`);
  return m[1]!;
}

/** Accept an invitation from the outbox and sign in as the new user. */
export async function acceptInvitation(j: Journey, email: string, name: string, options: { phone?: boolean } = {}): Promise<Tab> {
  const mail = await lastMail(j, email, /Neuvokseen|Neuvos\b/);
  // Without JavaScript the post carries `Origin: null` (the page sends no referrer); Remix used to
  // abort it with an empty 500 (tests/integration/hardening-origin-null.test.ts).
  const tab = await openTab(j, options);
  await tab.visit(linkIn(mail.textBody, /\/invite\//));
  const p = tab.page;
  await p.getByLabel('Nimesi').fill(name);
  await p.getByLabel('Uusi salasana').fill(PASSWORD);
  await p.getByLabel('Salasana uudelleen').fill(PASSWORD);
  await tab.submit(p.getByRole('button', { name: 'Ota käyttöön' }));
  expect(new URL(p.url()).pathname).toBe('/login');
  if (!j.js) {
    j.posts += tab.posts;
    await tab.close();
    return openTab(j, { ...options, user: { email, password: PASSWORD } });
  }
  await tab.signIn(email, PASSWORD);
  return tab;
}

// ---------------------------------------------------------------------------------------------
// 1. The admin creates a bilingual council, its term and seat plan, and invites its secretary.

export async function adminCreatesCouncil(j: Journey) {
  const admin = (j.admin = await openTab(j, { user: { email: 'admin@neuvos.example' } }));
  const p = admin.page;
  await admin.visit('/manage');
  await admin.follow(p.getByRole('link', { name: 'Uusi toimielin' }));
  // A first try without the required facts: every field says what is missing, nothing is saved.
  admin.expect(/\/manage\/councils\/new/, 400);
  await p.getByLabel('Verkko-osoitteen tunniste').fill(j.slug);
  if (!j.js) {
    await admin.submit(p.getByRole('button', { name: 'Luo toimielin' }));
    await seen(p.getByText('Pakollinen tieto.').first());
  }
  await p.getByLabel('Alue', { exact: true }).selectOption({ label: 'Itä-Uudenmaan hyvinvointialue' });
  await p.getByLabel('Nimi suomeksi').fill(`Järjestöjen neuvottelukunta ${j.tag}`);
  await p.getByLabel('Nimi ruotsiksi').fill(`Organisationernas delegation ${j.tag}`);
  await p.getByLabel('Tyyppi').selectOption({ label: 'Neuvottelukunta' });
  await p.getByLabel('Tausta', { exact: true }).selectOption({ label: 'Hyvinvointialueen perustama' });
  await p.getByLabel('svenska').check();
  await p.getByLabel('Kuvaus suomeksi').fill('Hyvinvointialueen ja järjestöjen yhteistyöelin.');
  await p.getByLabel('Kuvaus ruotsiksi').fill('Välfärdsområdets och organisationernas samarbetsorgan.');
  await admin.submit(p.getByRole('button', { name: 'Luo toimielin' }));
  expect(new URL(p.url()).pathname).toBe(`/manage/councils/${j.slug}`);
  admin.clearExpected();

  await admin.follow(p.getByRole('link', { name: 'Aloita uusi toimikausi' }));
  await p.getByLabel('Toimikauden nimi').fill(j.termName);
  await p.getByLabel('Alkaa').fill(j.dates.termStart);
  await p.getByLabel('Päättyy', { exact: true }).fill(j.dates.termEnd);
  await admin.submit(p.getByRole('button', { name: 'Aloita toimikausi' }));
  await seen(p.getByRole('heading', { name: 'Paikkasuunnitelma' }));

  // Seat plan: three NGO categories with one member and one deputy seat each.
  await p.getByLabel('Lisää järjestöluokkia').fill('Sosiaali- ja terveysjärjestöt\nLiikunta- ja urheilujärjestöt\nKulttuurijärjestöt');
  await p.getByLabel('Uusien luokkien jäsenpaikat').fill('1');
  await p.getByLabel('Uusien luokkien varajäsenpaikat').fill('1');
  await admin.submit(p.getByRole('button', { name: 'Tallenna paikkasuunnitelma' }));
  await seen(p.getByText('3 järjestöluokkaa'));
  await p.getByLabel('1. Nimi ruotsiksi').fill('Social- och hälsoorganisationer');
  await p.getByLabel('2. Nimi ruotsiksi').fill('Idrottsorganisationer');
  await p.getByLabel('3. Nimi ruotsiksi').fill('Kulturorganisationer');
  await admin.submit(p.getByRole('button', { name: 'Tallenna paikkasuunnitelma' }));
  // The saved Swedish names show right after saving (they used to be empty until a reload) and after one.
  expect(await p.getByLabel('1. Nimi ruotsiksi').inputValue()).toBe('Social- och hälsoorganisationer');
  await admin.visit(new URL(p.url()).pathname);
  expect(await p.getByLabel('1. Nimi ruotsiksi').inputValue()).toBe('Social- och hälsoorganisationer');

  // The secretary gets an account through an invitation with the council's secretary role.
  await admin.visit('/admin/invite');
  await p.getByLabel('Sähköpostiosoite').fill(j.secretaryEmail);
  await p.getByLabel('Toimielin', { exact: true }).selectOption({ label: `Järjestöjen neuvottelukunta ${j.tag} (Itä-Uudenmaan hyvinvointialue)` });
  await p.getByLabel('Rooli toimielimessä').selectOption({ label: 'Sihteeri' });
  await admin.submit(p.getByRole('button', { name: 'Lähetä kutsu' }));
  await seen(p.getByText(`Kutsu lähetetty osoitteeseen ${j.secretaryEmail}.`));
  j.secretary = await acceptInvitation(j, j.secretaryEmail, 'Sanna Sihteeri');
}


// ---------------------------------------------------------------------------------------------
// 2. The secretary imports the roster from CSV (a bad file first) and edits memberships.

export const person = (j: Journey, given: string) => `${given.toLowerCase()}.${j.tag}@journey.example`;

function goodCsv(j: Journey) {
  const e = (n: string) => person(j, n);
  return [
    'category,role,name,organisation,email,deputy_of',
    `Sosiaali- ja terveysjärjestöt,jäsen,Aino Aaltonen,Sydänyhdistys ry,${e('aino')},`,
    `Sosiaali- ja terveysjärjestöt,varajäsen,Bertil Berg,Mielenterveysseura ry,${e('bertil')},Aino Aaltonen`,
    `Liikunta- ja urheilujärjestöt,jäsen,Cecilia Carlsson,Urheiluseura ry,${e('cecilia')},`,
    `Liikunta- ja urheilujärjestöt,varajäsen,Daniel Dahl,Hiihtoseura ry,${e('daniel')},Cecilia Carlsson`,
    `Kulttuurijärjestöt,jäsen,Eeva Eskola,Teatteriyhdistys ry,${e('eeva')},`,
    `Kulttuurijärjestöt,varajäsen,Fredrik Fors,Kuoroyhdistys ry,${e('fredrik')},Eeva Eskola`,
    `,puheenjohtaja,Gunnar Grön,Itä-Uudenmaan hyvinvointialue,${e('gunnar')},`,
  ].join('\n');
}

export async function secretaryImportsRoster(j: Journey) {
  const sec = j.secretary!;
  const p = sec.page;
  await sec.visit('/manage');
  await sec.follow(p.getByRole('link', { name: `Järjestöjen neuvottelukunta ${j.tag}` }).first());
  await sec.follow(p.getByRole('link', { name: 'Tuo kokoonpano CSV-tiedostosta' }));
  // A bad file: an unknown role, a broken email and a category the seat plan does not have.
  const bad = [
    'category,role,name,organisation,email,deputy_of',
    'Sosiaali- ja terveysjärjestöt,johtaja,Aino Aaltonen,Sydänyhdistys ry,aino@,',
    'Ympäristöjärjestöt,jäsen,Bertil Berg,Luontoliitto ry,bertil@example.org,',
  ].join('\n');
  sec.expect(/\/import/, 400);
  await p.getByLabel('tai liitä CSV tähän').fill(bad);
  await sec.submit(p.getByRole('button', { name: 'Esikatsele' }));
  await seen(p.getByText('Tuntematon rooli ”johtaja”', { exact: false }));
  await seen(p.getByText('Sähköpostiosoite ei ole kelvollinen.', { exact: false }));
  await seen(p.getByText('Toimikaudella ei ole järjestöluokkaa ”Ympäristöjärjestöt”', { exact: false }));
  expect(await p.getByRole('button', { name: /^Tuo \d+ riviä$/ }).count()).toBe(0);
  sec.clearExpected();
  // The good file, uploaded as a file this time.
  await p.getByLabel('tai liitä CSV tähän').fill('');
  await p.getByLabel('CSV-tiedosto').setInputFiles({ name: 'kokoonpano.csv', mimeType: 'text/csv', buffer: Buffer.from(goodCsv(j), 'utf8') });
  await sec.submit(p.getByRole('button', { name: 'Esikatsele' }));
  await sec.submit(p.getByRole('button', { name: 'Tuo 7 riviä' }));
  await seen(p.getByText('Tuotiin 7 jäsenyyttä.'));
  await sec.follow(p.getByRole('status').getByRole('link', { name: 'Kokoonpano' }));
  await seen(p.getByRole('heading', { name: `Kokoonpano: Järjestöjen neuvottelukunta ${j.tag}` }));
}

export async function secretaryEditsMemberships(j: Journey) {
  const sec = j.secretary!;
  const p = sec.page;
  const assign = p.locator('section[aria-labelledby="assign-title"]');
  // Add: a permanent expert from the county, a new person.
  await assign.getByLabel('Rooli').selectOption({ label: 'Pysyvä asiantuntija' });
  await assign.getByLabel('Etunimi').fill('Hanna');
  await assign.getByLabel('Sukunimi').fill('Heino');
  await assign.getByLabel('Sähköposti').fill(person(j, 'hanna'));
  await assign.getByLabel('Edustettu organisaatio').fill('Itä-Uudenmaan hyvinvointialue');
  await sec.submit(assign.getByRole('button', { name: 'Lisää' }));
  await seen(p.getByText('Tallennettu.'));
  await seen(p.getByRole('row', { name: /Hanna Heino/ }));
  // Change: Daniel Dahl's deputy seat goes to Juho Jokinen from today on.
  await sec.follow(p.getByRole('link', { name: 'Päätä tai vaihda: Daniel Dahl' }));
  const end = p.locator('section[aria-labelledby="end-title"]');
  await end.getByLabel('Viimeinen päivä').fill(iso(new Date()));
  await end.getByLabel('Syy').selectOption({ label: 'Vaihdettiin' });
  await end.getByLabel('Etunimi').fill('Juho');
  await end.getByLabel('Sukunimi').fill('Jokinen');
  await end.getByLabel('Sähköposti').fill(person(j, 'juho'));
  await sec.submit(end.getByRole('button', { name: 'Päätä jäsenyys' }));
  await seen(p.getByText('Seuraaja henkilölle Daniel Dahl'));
  // End: Fredrik Fors resigns; Eeva Eskola has no deputy after him.
  await sec.follow(p.getByRole('link', { name: 'Päätä tai vaihda: Fredrik Fors' }));
  await end.getByLabel('Viimeinen päivä').fill(iso(new Date()));
  await end.getByLabel('Syy').selectOption({ label: 'Erosi' });
  await sec.submit(end.getByRole('button', { name: 'Päätä jäsenyys' }));
  await seen(p.getByRole('row', { name: /Fredrik Fors.*Erosi/ }));
  // The members who will check the minutes get accounts: the secretary invites them.
  for (const name of ['aino', 'gunnar']) {
    await sec.visit('/admin/invite');
    await p.getByLabel('Sähköpostiosoite').fill(person(j, name));
    await p.getByLabel('Toimielin', { exact: true }).selectOption({ label: `Järjestöjen neuvottelukunta ${j.tag} (Itä-Uudenmaan hyvinvointialue)` });
    await sec.submit(p.getByRole('button', { name: 'Lähetä kutsu' }));
    await seen(p.getByText(`Kutsu lähetetty osoitteeseen ${person(j, name)}.`));
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Meetings: a weekly series across the change to summer time; one occurrence moved, one cancelled.

async function councilMeetings(j: Journey) {
  const [council] = await j.h.database.db.select({ id: councils.id }).from(councils).where(eq(councils.slug, j.slug));
  return j.h.database.db.select().from(meetings).where(eq(meetings.councilId, council!.id)).orderBy(asc(meetings.startsAt));
}

export async function secretaryPlansMeetings(j: Journey) {
  const sec = j.secretary!;
  const p = sec.page;
  await sec.visit(`/manage/councils/${j.slug}`);
  await sec.follow(p.getByRole('main').getByRole('link', { name: 'Kokoukset', exact: true }));
  const series = p.locator('section', { has: p.getByRole('heading', { name: 'Uusi kokoussarja' }) });
  await series.getByLabel('Otsikko', { exact: true }).fill('Kevään kokous');
  await series.getByLabel('Toisto', { exact: true }).selectOption({ label: 'Joka viikko' });
  await series.getByLabel('Ensimmäinen päivä').fill(j.dates.seriesFirst);
  await series.getByLabel('Alkaa klo').fill('17:00');
  await series.getByLabel('Kesto (minuuttia)').fill('120');
  await series.getByLabel('Viimeinen päivä').fill(j.dates.seriesUntil);
  await series.getByLabel('Osoite').fill('Runeberginkatu 1, Porvoo');
  await sec.submit(series.getByRole('button', { name: 'Näytä päivät' }));
  const preview = p.locator('.series-preview li');
  await seen(preview);
  const dates = await preview.allInnerTexts();
  expect(dates.length).toBe(5);
  // Every occurrence at 17.00 local time, before and after the clocks change.
  for (const d of dates) expect(d).toMatch(/17\.00/);
  await sec.submit(series.getByRole('button', { name: 'Luo sarja' }));
  await seen(p.getByText('Sarja luotu: 5 kokousta.'));
  const created = await councilMeetings(j);
  expect(created.length).toBe(5);
  const utcHours = created.map((m) => m.startsAt.getUTCHours());
  expect(utcHours.filter((h) => h === 15).length).toBeGreaterThan(0); // winter: UTC+2
  expect(utcHours.filter((h) => h === 14).length).toBeGreaterThan(0); // summer: UTC+3
  j.seriesId = created[0]!.seriesId ?? undefined;

  // Move the first meeting after the change by an hour, on its own.
  const afterDst = created.find((m) => iso(m.startsAt) > j.dates.dstSunday)!;
  await sec.visit(`/manage/meetings/${afterDst.id}`);
  const edit = p.locator('section[aria-labelledby="edit-title"]');
  await edit.getByLabel('Alkaa klo').fill('18:00');
  await edit.getByLabel('Päättyy klo').fill('20:00');
  await sec.submit(edit.getByRole('button', { name: 'Tallenna' }));
  await seen(p.getByText('Muutos tallennettu.'));
  await seen(p.getByText('Tätä kokousta on muutettu erikseen'));
  // Cancel the one before the change.
  const beforeDst = created.filter((m) => iso(m.startsAt) < j.dates.dstSunday).at(-1)!;
  await sec.visit(`/manage/meetings/${beforeDst.id}`);
  await p.getByLabel('Perumisen syy (näkyy kutsutuille)').fill('Puheenjohtaja on estynyt.');
  await sec.submit(p.getByRole('button', { name: 'Peru kokous' }));
  await seen(p.getByText('Kokous peruttu.'));
  const after = await councilMeetings(j);
  expect(after.find((m) => m.id === afterDst.id)!.startsAt.getUTCHours()).toBe(15);
  expect(after.find((m) => m.id === beforeDst.id)!.status).toBe('cancelled');
  await sec.visit(`/manage/councils/${j.slug}/series/${j.seriesId}`);

  // The meeting whose minutes the journey writes: a single meeting ten days from now.
  await sec.visit(`/manage/councils/${j.slug}/meetings`);
  const single = p.locator('section', { has: p.getByRole('heading', { name: 'Uusi yksittäinen kokous' }) });
  await single.getByLabel('Otsikko', { exact: true }).fill('Syyskokous');
  await single.getByLabel('Päivämäärä').fill(j.dates.meetingDay);
  await single.getByLabel('Alkaa klo').fill('17:00');
  await single.getByLabel('Päättyy klo').fill('19:00');
  await single.getByLabel('Osoite').fill('Runeberginkatu 1, Porvoo');
  await sec.submit(single.getByRole('button', { name: 'Luo kokous' }));
  j.meetingId = /\/manage\/meetings\/([0-9a-f-]{36})/.exec(p.url())?.[1];
  expect(j.meetingId).toBeTruthy();
}

// ---------------------------------------------------------------------------------------------
// 4. The agenda, with a withheld item; invitations; members reply (on their phones).

export async function secretaryPublishesAgenda(j: Journey) {
  const sec = j.secretary!;
  const p = sec.page;
  await sec.visit(`/manage/meetings/${j.meetingId}/agenda`);
  const add = async (title: string, body: string, proposal: string, confidential?: string) => {
    const form = p.locator('section[aria-labelledby="new-item-heading"]');
    await form.getByLabel('Otsikko', { exact: true }).fill(title);
    await form.getByLabel('Selostus', { exact: true }).fill(body);
    await form.getByLabel('Päätösehdotus', { exact: true }).fill(proposal);
    if (confidential) {
      await form.getByLabel('Julkisuus').selectOption({ label: 'Salassa pidettävä' });
      await form.getByLabel(/^Salassapitoperuste/).fill(confidential);
    }
    await sec.submit(form.getByRole('button', { name: 'Lisää asia' }));
    await seen(p.getByRole('heading', { name: title }));
  };
  await add('Järjestöavustusten painopisteet 2027', 'Valmistelija esittelee avustusten painopisteet.\n\n- lasten ja nuorten hyvinvointi\n- yksinäisyyden vähentäminen', 'Neuvottelukunta hyväksyy painopisteet.');
  await add('Avustushakemus: Porvoon Nuorisoseura ry', 'Hakemuksessa on yhdistyksen talouden yksityiskohtia.', 'Neuvottelukunta puoltaa hakemusta.', 'JulkL 24 § 1 mom. 20 k');
  await add('Lausunto hyvinvointisuunnitelmasta', 'Lausuntopyyntö saapui 1.11.', 'Neuvottelukunta antaa lausunnon liitteen mukaisena.');
  // The council is bilingual and the items are in Finnish only: the page lists the missing Swedish
  // versions and the button publishes anyway (the pages mark the Finnish text).
  await p.getByText('Kokouksen otsikko: puuttuu ruotsiksi').waitFor();
  await sec.submit(p.getByRole('button', { name: 'Julkaise silti' }));
  await seen(p.getByText(/Esityslista julkaistiin/));
  await sec.visit(`/manage/meetings/${j.meetingId}`);
  await sec.submit(p.getByRole('button', { name: 'Lähetä kutsu' }));
  await seen(p.getByText(/Kutsu tallennettu lähetettäväksi \d+ henkilölle/));
}

/** A member reads the invitation and the papers on a phone and answers. */
export async function membersReplyOnPhones(j: Journey) {
  // Aino has an account (she accepted the invitation to Neuvos): she uses "My meetings".
  const aino = await acceptInvitation(j, person(j, 'aino'), 'Aino Aaltonen', { phone: true });
  const p = aino.page;
  await aino.visit('/my/meetings');
  const row = p.getByRole('row', { name: /Syyskokous/ });
  await seen(row);
  await aino.follow(row.getByRole('link', { name: 'Syyskokous' }));
  await aino.visit(`/meetings/${j.meetingId}/members`);
  await seen(p.getByText('Hakemuksessa on yhdistyksen talouden yksityiskohtia.'));
  await aino.visit('/my/meetings');
  await aino.submit(p.getByRole('form', { name: /Syyskokous/ }).getByRole('button', { name: 'Osallistun' }));
  await seen(p.getByRole('status').getByText('Vastaus tallennettu.'));
  await seen(p.getByText('Vastauksesi: Osallistuu'));
  // Cecilia has no account: she answers from the link in her invitation email, also on a phone.
  const mail = await lastMail(j, person(j, 'cecilia'));
  const cecilia = await openTab(j, { phone: true });
  await cecilia.visit(linkIn(mail.textBody, /\/reply\//));
  await cecilia.submit(cecilia.page.getByRole('button', { name: 'En osallistu' }));
  await seen(cecilia.page.getByText('Kiitos, vastauksesi on tallennettu: Ei osallistu.', { exact: false }));
  // Her personal deputy is asked to come instead; he answers yes from his email.
  const ask = await lastMail(j, person(j, 'juho'));
  const juho = await openTab(j, { phone: true });
  await juho.visit(linkIn(ask.textBody, /\/reply\//));
  await juho.submit(juho.page.getByRole('button', { name: 'Osallistun' }));
  await seen(juho.page.getByText('Kiitos, vastauksesi on tallennettu: Osallistuu.', { exact: false }));
  // The chair takes his account into use now: the invitation link would expire by the meeting.
  j.chair = await acceptInvitation(j, person(j, 'gunnar'), 'Gunnar Grön');
}

// ---------------------------------------------------------------------------------------------
// 5. The meeting is held; minutes with attendance, a deputy, a vote and a recusal; checkers.

/**
 * Let the app's clock run from the evening of the meeting day (the server runs in this process).
 * Only the server's clock moves: the browsers keep today's date, like a device whose clock is off.
 * Hydrating pages must therefore render time-dependent text from the loader's time, not the browser's.
 */
export async function meetingIsOver(j: Journey) {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(`${j.dates.meetingDay}T18:30:00Z`)); // 20.30 or 21.30 in Helsinki
}

export async function secretaryWritesMinutes(j: Journey) {
  const sec = j.secretary!;
  const p = sec.page;
  await sec.visit(`/manage/meetings/${j.meetingId}`);
  await sec.submit(p.getByRole('button', { name: 'Merkitse pidetyksi' }));
  await seen(p.getByText('Kokous merkitty pidetyksi.'));
  await sec.follow(p.getByRole('link', { name: 'Pöytäkirja', exact: true }));
  await sec.submit(p.getByRole('button', { name: 'Aloita pöytäkirja' }));
  const attendance = p.locator('section[aria-labelledby="attendance-edit-title"]');
  await seen(attendance);
  const present = async (name: string, on: boolean) => {
    const box = attendance.getByLabel(name, { exact: true });
    if ((await box.isChecked()) !== on) await box.setChecked(on);
  };
  await present('Aino Aaltonen', true);
  await present('Gunnar Grön', true);
  await present('Cecilia Carlsson', false);
  await present('Eeva Eskola', false);
  await present('Juho Jokinen', true);
  await attendance.getByLabel('Varajäsenenä jäsenelle: Juho Jokinen').selectOption({ label: 'Cecilia Carlsson' });
  await sec.submit(attendance.getByRole('button', { name: 'Tallenna läsnäolo' }));
  await seen(p.getByRole('status').getByText('Tehty.'));
  // Seats are the three categories' member seats (the chair has none): Aino's, and Cecilia's filled by
  // her deputy Juho. Without the substitution the meeting would not be quorate.
  expect(await p.locator('section[aria-labelledby="quorum-title"]').innerText()).toMatch(/Läsnä 2 \/ 3 jäsenpaikkaa.*\n?.*Kokous on päätösvaltainen\./s);
  expect(await attendance.getByLabel('Varajäsenenä jäsenelle: Juho Jokinen').locator('option:checked').innerText()).toBe('Cecilia Carlsson');

  // The editor's sections are sub-pages (`?section=`): items and decisions next.
  const tabs = p.getByRole('navigation', { name: 'Pöytäkirjan osat' });
  await sec.follow(tabs.getByRole('link', { name: 'Asiat ja päätökset' }));
  // Item 1: decided by vote 2–1; item 2 (withheld): Aino is disqualified.
  const item = (title: string) => p.locator('section.records-item', { has: p.getByRole('heading', { name: title }) });
  const first = item('Järjestöavustusten painopisteet 2027');
  await first.getByLabel('Keskustelu').fill('Keskustelun kuluessa Gunnar Grön ehdotti nuorten painopisteen laajentamista.');
  await first.getByLabel('Päätös', { exact: true }).fill('Neuvottelukunta hyväksyi painopisteet äänin 2–1.');
  await first.getByLabel('Jaa').fill('2');
  await first.getByLabel('Ei', { exact: true }).fill('1');
  await first.getByLabel('Tyhjää').fill('0');
  await sec.submit(first.getByRole('button', { name: 'Tallenna asia' }));
  await seen(p.getByRole('status').getByText('Tehty.'));
  expect(new URL(p.url()).searchParams.get('section')).toBe('items');
  const second = item('Avustushakemus: Porvoon Nuorisoseura ry');
  await second.getByLabel('Esteellinen henkilö').selectOption({ label: 'Aino Aaltonen' });
  await second.getByLabel('Peruste').fill('Hakijayhdistyksen hallituksen jäsen');
  await sec.submit(second.getByRole('button', { name: 'Merkitse esteelliseksi' }));
  await seen(item('Avustushakemus: Porvoon Nuorisoseura ry').getByText('Hakijayhdistyksen hallituksen jäsen', { exact: false }));
  await second.getByLabel('Päätös', { exact: true }).fill('Neuvottelukunta puolsi hakemusta.');
  await sec.submit(second.getByRole('button', { name: 'Tallenna asia' }));
  await seen(p.getByRole('status').getByText('Tehty.'));

  // Checkers and approval: Aino and Gunnar, who were present.
  await sec.follow(tabs.getByRole('link', { name: 'Tarkastajat ja hyväksyminen' }));
  const checkers = p.locator('section[aria-labelledby="checkers-edit-title"]');
  await checkers.getByLabel('Aino Aaltonen').check();
  await checkers.getByLabel('Gunnar Grön').check();
  await sec.submit(checkers.getByRole('button', { name: 'Tallenna tarkastajat' }));
  await seen(p.getByText('0 / 2 tarkastajaa on vahvistanut.'));
  await sec.submit(p.getByRole('button', { name: 'Lähetä tarkastettavaksi' }));
  await seen(p.getByText('Versio 1: ', { exact: false }));
  await seen(p.getByText('Versio on tarkastettavana.', { exact: false }));
}

export async function checkersConfirm(j: Journey) {
  const gunnar = j.chair!;
  const aino = await openTab(j, { user: { email: person(j, 'aino'), password: PASSWORD } });
  for (const tab of [aino, gunnar]) {
    const p = tab.page;
    await tab.visit('/my/checks');
    await tab.follow(p.getByRole('link', { name: 'Lue pöytäkirja' }));
    await seen(p.getByText('Neuvottelukunta hyväksyi painopisteet äänin 2–1.'));
    await tab.visit('/my/checks');
    await tab.submit(p.getByRole('button', { name: 'Vahvistan tarkastaneeni pöytäkirjan' }));
    await seen(p.getByText('Vahvistus tallennettiin.'));
  }
}

export async function secretaryApprovesAndPublishes(j: Journey) {
  const sec = j.secretary!;
  const p = sec.page;
  await sec.visit(`/manage/meetings/${j.meetingId}/minutes?section=approval`);
  await seen(p.getByText('2 / 2 tarkastajaa on vahvistanut.'));
  expect(await p.getByLabel('Hyväksymistapa').inputValue()).toBe('checkers');
  await sec.submit(p.getByRole('button', { name: 'Hyväksy pöytäkirja' }));
  await seen(p.getByText('Versio 1: Hyväksytty'));
  await sec.submit(p.getByRole('button', { name: 'Julkaise pöytäkirja' }));
  await seen(p.getByText('Versio 1: Julkaistu'));
}

export async function visitorReadsMinutes(j: Journey) {
  const visitor = await openTab(j);
  const p = visitor.page;
  await visitor.visit(`/councils/${j.slug}`);
  await visitor.visit(`/meetings/${j.meetingId}`);
  await visitor.visit(`/meetings/${j.meetingId}/minutes`);
  await seen(p.getByText('Neuvottelukunta hyväksyi painopisteet äänin 2–1.'));
  await seen(p.getByText('JulkL 24 § 1 mom. 20 k', { exact: false }));
  const text = await visitor.text();
  expect(text).not.toContain('Hakemuksessa on yhdistyksen talouden yksityiskohtia.');
  expect(text).not.toContain('Neuvottelukunta puolsi hakemusta.');
  expect(text).not.toMatch(/@journey\.example/);
  await visitor.visit(`/councils/${j.slug}?lng=sv`);
  await seen(p.getByRole('heading', { name: `Organisationernas delegation ${j.tag}` }));
}
