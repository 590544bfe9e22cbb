import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import {
  actionPlans,
  agendaItems,
  decisions,
  minutes,
  minutesVersions,
  planActions,
  planGoals,
  statements,
  type NewAgendaItem,
} from '../../db/schema';
import { helsinkiWallClock } from '../../app/lib/dates';
import { fold } from '../../app/lib/search-text';
import { searchPublished, type SearchHit } from '../../app/models/search.server';
import { buildCouncil, buildMeeting, buildRegion } from '../factories';
import { useTestDatabase } from '../setup/database';

useTestDatabase();

/** Doc name (e.g. 'item:v.kotihoito') -> "type url" key of the hit it must produce. */
const K: Record<string, string> = {};
/** Keys of records that are not public and must never be returned. */
const FORBIDDEN = new Set<string>();

/** An agenda item and its decision are one record, so both map to one key. */
const keyOf = (hit: Pick<SearchHit, 'type' | 'url'>) =>
  `${hit.type === 'agenda_item' || hit.type === 'decision' ? 'record' : hit.type} ${hit.url}`;

async function item(meetingId: string, councilId: string, position: number, over: Partial<NewAgendaItem> & { title: string }) {
  const [row] = await getDb()
    .insert(agendaItems)
    .values({ meetingId, councilId, position, ...over })
    .returning();
  return row!;
}

/**
 * Minutes with one version per entry, each inserted as a draft with its decisions, then
 * approved and (when asked) published: the freeze trigger allows nothing else.
 */
async function recordMinutes(
  meeting: { id: string; councilId: string },
  versions: Array<{ summary: string; decisions: Array<[string, string]>; publish: boolean; note?: string }>,
) {
  const [m] = await getDb().insert(minutes).values({ meetingId: meeting.id, councilId: meeting.councilId }).returning();
  let no = 1;
  for (const v of versions) {
    const [version] = await getDb()
      .insert(minutesVersions)
      .values({ minutesId: m!.id, versionNo: no, status: 'draft', summary: v.summary, correctionNote: v.note ?? null })
      .returning();
    no += 1;
    for (const [agendaItemId, decision] of v.decisions) {
      await getDb().insert(decisions).values({ versionId: version!.id, agendaItemId, decision });
    }
    await getDb()
      .update(minutesVersions)
      .set({ status: 'approved', approvedAt: new Date('2025-06-01T10:00:00Z'), approvalMethod: 'at_meeting' })
      .where(eq(minutesVersions.id, version!.id));
    if (v.publish) {
      await getDb()
        .update(minutesVersions)
        .set({ status: 'published', publishedAt: new Date('2025-06-02T10:00:00Z') })
        .where(eq(minutesVersions.id, version!.id));
    }
  }
  return m!;
}

async function plan(
  councilId: string,
  year: number,
  status: 'draft' | 'approved' | 'published',
  title: string,
  introduction: string,
  goals: Array<{ title: string; description?: string; actions: Array<[string, string?]> }>,
) {
  const [p] = await getDb()
    .insert(actionPlans)
    .values({
      councilId,
      year,
      title,
      introduction,
      status: 'draft',
    })
    .returning();
  let gp = 1;
  for (const g of goals) {
    const [goal] = await getDb()
      .insert(planGoals)
      .values({ planId: p!.id, councilId, position: gp++, title: g.title, description: g.description ?? null })
      .returning();
    let ap = 1;
    for (const [t, d] of g.actions) {
      await getDb().insert(planActions).values({ goalId: goal!.id, councilId, position: ap++, title: t, description: d ?? null });
    }
  }
  // Goals and actions first: an approved plan is frozen (migration sec_freeze).
  if (status !== 'draft') {
    await getDb()
      .update(actionPlans)
      .set({
        status,
        approvedAt: new Date(`${year - 1}-12-01T10:00:00Z`),
        publishedAt: status === 'published' ? new Date(`${year - 1}-12-15T10:00:00Z`) : null,
      })
      .where(eq(actionPlans.id, p!.id));
  }
  return p!;
}

async function statement(
  councilId: string,
  over: Omit<typeof statements.$inferInsert, 'councilId'>,
) {
  const [row] = await getDb().insert(statements).values({ councilId, ...over }).returning();
  return row!;
}

const at = (date: string) => helsinkiWallClock(date, '13:00');
const published = new Date('2025-01-01T08:00:00Z');

async function buildCorpus() {
  const pirkanmaa = await buildRegion({ slug: 'pirkanmaa', nameFi: 'Pirkanmaa', nameSv: 'Birkaland', nameEn: 'Pirkanmaa', shortFi: 'Pirkanmaa' });
  const itaUusimaa = await buildRegion({ slug: 'ita-uusimaa', nameFi: 'Itä-Uusimaa', nameSv: 'Östra Nyland', nameEn: 'Eastern Uusimaa', shortFi: 'Itä-Uusimaa', bilingual: true });
  const pohjanmaa = await buildRegion({ slug: 'pohjanmaa', nameFi: 'Pohjanmaa', nameSv: 'Österbotten', nameEn: 'Ostrobothnia', shortFi: 'Pohjanmaa', bilingual: true });
  const keskiUusimaa = await buildRegion({ slug: 'keski-uusimaa', nameFi: 'Keski-Uusimaa', nameSv: 'Mellersta Nyland', nameEn: 'Central Uusimaa', shortFi: 'Keski-Uusimaa' });

  const vanhus = await buildCouncil({
    regionId: pirkanmaa.id, slug: 'pirkanmaan-vanhusneuvosto', nameFi: 'Pirkanmaan vanhusneuvosto',
    nameSv: 'Äldrerådet i Birkaland', nameEn: 'Pirkanmaa Council for Older People', kind: 'influence_body',
    descriptionFi: 'Lakisääteinen vaikuttamistoimielin, joka seuraa ikääntyneen väestön palveluja.',
  });
  const jnk = await buildCouncil({
    regionId: pirkanmaa.id, slug: 'pirkanmaan-jarjestoneuvottelukunta', nameFi: 'Sote-järjestöjen neuvottelukunta',
    nameSv: 'Delegationen för social- och hälsovårdsorganisationer', descriptionFi: 'Järjestöjen ja hyvinvointialueen yhteistyöelin.',
  });
  const kumppanuus = await buildCouncil({
    regionId: itaUusimaa.id, slug: 'ita-uusimaa-kumppanuuspoyta', nameFi: 'Sote-järjestöjen kumppanuuspöytä',
    nameSv: 'Samarbetsbordet för social- och hälsovårdsföreningar', kind: 'partnership_table', languages: ['fi', 'sv'],
    descriptionFi: 'Kaksikielinen kumppanuuspöytä, jossa on 22 järjestöjäsentä.',
  });
  const aldre = await buildCouncil({
    regionId: pohjanmaa.id, slug: 'osterbotten-aldreradet', nameFi: 'Pohjanmaan vanhusneuvosto',
    nameSv: 'Äldrerådet i Österbotten', kind: 'influence_body', languages: ['sv', 'fi'],
    descriptionSv: 'Äldrerådet är ett lagstadgat påverkansorgan i välfärdsområdet.',
  });
  const vammais = await buildCouncil({
    regionId: pohjanmaa.id, slug: 'pohjanmaan-vammaisneuvosto', nameFi: 'Pohjanmaan vammaisneuvosto',
    nameSv: 'Rådet för personer med funktionsnedsättning i Österbotten', kind: 'influence_body', establishedOn: '2025-01-01',
  });
  const closed = await buildCouncil({
    regionId: keskiUusimaa.id, slug: 'keski-uusimaa-jnk', nameFi: 'Keski-Uudenmaan järjestöneuvottelukunta',
    publicityDefault: 'members_only', origin: 'ngo_led',
  });
  K['council:vanhus'] = `council /councils/${vanhus.slug}`;
  K['council:jnk'] = `council /councils/${jnk.slug}`;
  K['council:kumppanuus'] = `council /councils/${kumppanuus.slug}`;
  K['council:aldre'] = `council /councils/${aldre.slug}`;
  K['council:vammais'] = `council /councils/${vammais.slug}`;
  K['council:closed'] = `council /councils/${closed.slug}`;

  const itemKeys = (name: string, meetingId: string, itemId: string) => {
    K[`item:${name}`] = `record /meetings/${meetingId}#item-${itemId}`;
    K[`dec:${name}`] = `record /meetings/${meetingId}#item-${itemId}`;
  };

  // M1: Pirkanmaa elderly council, published agenda, published minutes.
  const m1 = await buildMeeting(vanhus.id, { title: 'Vanhusneuvoston kokous 1/2025', startsAt: at('2025-02-10'), agendaPublishedAt: published });
  const vAvaus = await item(m1.id, vanhus.id, 1, { title: 'Kokouksen avaus', body: 'Puheenjohtaja avaa kokouksen ja toteaa läsnäolijat.' });
  const vKoti = await item(m1.id, vanhus.id, 2, {
    title: 'Kotihoidon tilannekatsaus',
    body: 'Kotihoidon asiakasmäärä on kasvanut. Palvelujohtaja esittelee kotihoidon henkilöstötilanteen.',
    proposal: 'Merkitään tiedoksi.',
  });
  const vLausunto = await item(m1.id, vanhus.id, 3, {
    title: 'Lausunto ikääntyneiden palvelustrategiasta',
    body: 'Hyvinvointialue pyytää **vanhusneuvostolta** lausuntoa ikääntyneiden palvelustrategiasta.',
    proposal: 'Vanhusneuvosto antaa liitteen mukaisen lausunnon.',
  });
  const vSecret = await item(m1.id, vanhus.id, 4, {
    title: 'Asiakasvalitus kotihoidosta', body: 'Kotihoidon asiakasvalitus ja lausunto.', publicity: 'confidential',
    withheldReason: 'JulkL 24 § 1 mom. 25 k',
  });
  const vMembers = await item(m1.id, vanhus.id, 5, {
    title: 'Jäsenten kokouspalkkiot', body: 'Kokouspalkkiot maksetaan jäsenille.', publicity: 'members_only',
  });
  itemKeys('v.avaus', m1.id, vAvaus.id);
  itemKeys('v.kotihoito', m1.id, vKoti.id);
  itemKeys('v.lausunto', m1.id, vLausunto.id);
  itemKeys('v.secret', m1.id, vSecret.id);
  itemKeys('v.members', m1.id, vMembers.id);
  FORBIDDEN.add(K['item:v.secret']!).add(K['dec:v.secret']!).add(K['item:v.members']!).add(K['dec:v.members']!);
  await recordMinutes(m1, [
    {
      summary: 'Kokouksessa käsiteltiin kotihoidon tilannetta ja annettiin lausunto palvelustrategiasta.',
      publish: true,
      decisions: [
        [vAvaus.id, 'Kokous todettiin lailliseksi ja päätösvaltaiseksi.'],
        [vKoti.id, 'Vanhusneuvosto merkitsi kotihoidon tilannekatsauksen tiedoksi ja esittää henkilöstömitoituksen selvittämistä.'],
        [vLausunto.id, 'Vanhusneuvosto hyväksyi lausunnon liitteen mukaisena.'],
        [vSecret.id, 'Valitus käsiteltiin, lausunto annettiin ja hyvitys maksetaan.'],
        [vMembers.id, 'Kokouspalkkiot vahvistettiin.'],
      ],
    },
  ]);
  K['min:M1'] = `minutes /meetings/${m1.id}/minutes`;

  // M2: NGO council; version 1 published, then corrected by a published version 2.
  const m2 = await buildMeeting(jnk.id, { title: 'Neuvottelukunnan kokous 2/2025', startsAt: at('2025-03-12'), agendaPublishedAt: published });
  const jAvustus = await item(m2.id, jnk.id, 1, {
    title: 'Järjestöavustusten haku 2025',
    body: 'Hyvinvointialueen järjestöavustusten hakuaika on maaliskuussa. Avustuksista päättää aluehallitus.',
  });
  const jJasenet = await item(m2.id, jnk.id, 2, {
    title: 'Järjestöjen edustajat työryhmiin',
    body: 'Neuvottelukunta nimeää jäsenet hyvinvointialueen työryhmiin. Jäsenten toimikausi on kaksi vuotta.',
  });
  const jTalous = await item(m2.id, jnk.id, 3, {
    title: 'Talousarvio 2026 ja järjestöyhteistyö', body: 'Talousarvion valmistelussa kuullaan järjestöjä.',
  });
  itemKeys('j.avustus', m2.id, jAvustus.id);
  itemKeys('j.jasenet', m2.id, jJasenet.id);
  itemKeys('j.talous', m2.id, jTalous.id);
  await recordMinutes(m2, [
    {
      summary: 'Kokous käsitteli avustuksia ennakkoon.',
      publish: true,
      decisions: [[jAvustus.id, 'Neuvottelukunta päätti lähettää kirjelmän aluehallitukselle.']],
    },
    {
      summary: 'Kokouksessa käsiteltiin järjestöavustuksia ja työryhmien jäseniä.',
      publish: true,
      note: 'Päätöksen sanamuoto korjattu.',
      decisions: [
        [jAvustus.id, 'Neuvottelukunta esittää, että avustusten hakuaikaa pidennetään.'],
        [jJasenet.id, 'Neuvottelukunta nimesi jäsenet työryhmiin.'],
        [jTalous.id, 'Merkittiin tiedoksi.'],
      ],
    },
  ]);
  K['min:M2'] = `minutes /meetings/${m2.id}/minutes`;

  // M3: agenda not published yet.
  const m3 = await buildMeeting(jnk.id, { title: 'Neuvottelukunnan kokous 3/2025', startsAt: at('2025-09-15') });
  const jUnpub = await item(m3.id, jnk.id, 1, { title: 'Järjestöavustusten jakoperusteet', body: 'Avustusten jakoperusteet ja lausunto.' });
  itemKeys('j.unpub', m3.id, jUnpub.id);
  FORBIDDEN.add(K['item:j.unpub']!);

  // M4: partnership table; minutes approved but not published.
  const m4 = await buildMeeting(kumppanuus.id, { title: 'Kumppanuuspöydän kokous 4/2024', startsAt: at('2024-11-20'), agendaPublishedAt: published });
  const kPlan = await item(m4.id, kumppanuus.id, 1, {
    title: 'Toimintasuunnitelma 2025', body: 'Kumppanuuspöytä valmistelee toimintasuunnitelman vuodelle 2025.',
  });
  const kKieli = await item(m4.id, kumppanuus.id, 2, {
    title: 'Kaksikielisyys järjestöyhteistyössä',
    body: 'Ruotsinkielisten yhdistysten osallistuminen. Svenska föreningar deltar i samarbetet.',
  });
  itemKeys('k.plan', m4.id, kPlan.id);
  itemKeys('k.kieli', m4.id, kKieli.id);
  await recordMinutes(m4, [
    { summary: 'Kaksikielisyystyöryhmä perustettiin.', publish: false, decisions: [[kKieli.id, 'Päätettiin perustaa kaksikielisyystyöryhmä.']] },
  ]);
  K['min:M4'] = `minutes /meetings/${m4.id}/minutes`;
  // The unpublished decision text itself is checked by WITHHELD_WORDS (kaksikielisyystyöryhmä).
  FORBIDDEN.add(K['min:M4']!);

  // M5: Swedish-speaking elderly council.
  const m5 = await buildMeeting(aldre.id, { title: 'Äldrerådets möte 2/2025', startsAt: at('2025-04-03'), agendaPublishedAt: published });
  const aOpen = await item(m5.id, aldre.id, 1, { title: 'Mötets öppnande', body: 'Ordföranden öppnar mötet.' });
  const aStrategi = await item(m5.id, aldre.id, 2, {
    title: 'Servicestrategin för äldreomsorgen', body: 'Välfärdsområdet begär ett utlåtande av äldrerådet om servicestrategin.',
  });
  const aBidrag = await item(m5.id, aldre.id, 3, {
    title: 'Föreningarnas verksamhetsbidrag', body: 'Föreningar kan ansöka om bidrag för verksamhet bland äldre.',
  });
  // Added with the second relevance set (words typed without å/ä/ö, Swedish compounds).
  const aNarst = await item(m5.id, aldre.id, 4, {
    title: 'Närståendevård och avlösning',
    body: 'Närståendevårdare behöver avlösning och kortvård. Kommunerna ordnar stöd för närståendevårdarna.',
  });
  const aKamrat = await item(m5.id, aldre.id, 5, {
    title: 'Kamratstöd', body: 'Kamratstödjarna träffas varje vecka. Kamratstödet behöver utbildning.',
  });
  itemKeys('a.narst', m5.id, aNarst.id);
  itemKeys('a.kamrat', m5.id, aKamrat.id);
  itemKeys('a.open', m5.id, aOpen.id);
  itemKeys('a.strategi', m5.id, aStrategi.id);
  itemKeys('a.bidrag', m5.id, aBidrag.id);
  await recordMinutes(m5, [
    {
      summary: 'På mötet behandlades servicestrategin och föreningarnas bidrag.',
      publish: true,
      decisions: [
        [aStrategi.id, 'Äldrerådet godkände utlåtandet.'],
        [aBidrag.id, 'Äldrerådet föreslår att bidragen höjs.'],
        [aNarst.id, 'Ärendet återremitterades för beredning av kortvården.'],
      ],
    },
  ]);
  K['min:M5'] = `minutes /meetings/${m5.id}/minutes`;

  // M6: a closed meeting of a public council.
  const m6 = await buildMeeting(vanhus.id, {
    title: 'Vanhusneuvoston suljettu kokous', startsAt: at('2025-06-01'), publicity: 'closed', agendaPublishedAt: published,
  });
  const vClosed = await item(m6.id, vanhus.id, 1, { title: 'Kotihoidon lausunto', body: 'Suljettu käsittely kotihoidosta.' });
  itemKeys('v.closed', m6.id, vClosed.id);
  FORBIDDEN.add(K['item:v.closed']!);

  // M7: a public meeting of a members-only council, with published minutes.
  const m7 = await buildMeeting(closed.id, { title: 'Keski-Uudenmaan kokous 1/2025', startsAt: at('2025-02-20'), agendaPublishedAt: published });
  const cItem = await item(m7.id, closed.id, 1, {
    title: 'Järjestöavustukset ja lausunnot',
    body: 'Avustukset, lausunto, kotihoito ja föreningarnas bidrag. Keskiuusimaalainen erityisasia.',
  });
  itemKeys('c.item', m7.id, cItem.id);
  await recordMinutes(m7, [
    {
      summary: 'Kokouksessa käsiteltiin luottamuksellisesti avustuksia ja vanhusneuvoston lausuntoa.',
      publish: true,
      decisions: [[cItem.id, 'Päätettiin avustuksista ja salassapidosta.']],
    },
  ]);
  K['min:M7'] = `minutes /meetings/${m7.id}/minutes`;
  FORBIDDEN.add(K['item:c.item']!).add(K['dec:c.item']!).add(K['min:M7']!);

  // M8: disability council, agenda only.
  const m8 = await buildMeeting(vammais.id, { title: 'Vammaisneuvoston kokous 3/2025', startsAt: at('2025-05-20'), agendaPublishedAt: published });
  const vaEst = await item(m8.id, vammais.id, 1, {
    title: 'Esteettömyys sote-palveluissa', body: 'Vammaisneuvosto kartoittaa palvelupisteiden esteettömyyttä.',
  });
  const vaKulj = await item(m8.id, vammais.id, 2, {
    title: 'Kuljetuspalvelujen myöntäminen', body: 'Kuljetuspalveluja myönnetään vammaispalvelulain perusteella.',
  });
  itemKeys('va.esteett', m8.id, vaEst.id);
  itemKeys('va.kuljetus', m8.id, vaKulj.id);

  // M9: a council whose name is a hyphenated compound; words for the second relevance set.
  const varsinais = await buildRegion({ slug: 'varsinais-suomi', nameFi: 'Varsinais-Suomi', nameSv: 'Egentliga Finland', nameEn: 'Southwest Finland', shortFi: 'Varsinais-Suomi' });
  const mtp = await buildCouncil({
    regionId: varsinais.id, slug: 'vs-mtp-neuvottelukunta', nameFi: 'Mielenterveys- ja päihdejärjestöjen neuvottelukunta',
    nameSv: 'Delegationen för organisationer inom mental hälsa och missbruk', kind: 'ngo_council', origin: 'ngo_led',
    descriptionFi: 'Yhdistysten yhteinen foorumi.',
  });
  K['council:mtp'] = `council /councils/${mtp.slug}`;
  const m9 = await buildMeeting(mtp.id, { title: 'Foorumin tapaaminen 1/2025', startsAt: at('2025-03-05'), agendaPublishedAt: published });
  const mPaihde = await item(m9.id, mtp.id, 1, {
    title: 'Päihdetyön tilanne',
    body: 'Päihdetyö ja matalan kynnyksen päihdetyön yksiköt. Järjestöjen päihdetyö täydentää julkista työtä.',
  });
  const mVertais = await item(m9.id, mtp.id, 2, {
    title: 'Vertaistuen ryhmät', body: 'Vertaistuki kokoaa ihmisiä viikoittain. Ryhmien ohjaajat tarvitsevat koulutusta.',
  });
  const mKokemus = await item(m9.id, mtp.id, 3, {
    title: 'Kokemusasiantuntijoiden palkkiot', body: 'Kokemusasiantuntijat osallistuvat kehittämiseen. Palkkioista sovitaan erikseen.',
  });
  const mAsuminen = await item(m9.id, mtp.id, 4, {
    title: 'Mielenterveyskuntoutujien asuminen', body: 'Mielenterveyskuntoutujat tarvitsevat tuettua asumista ja työtoimintaa.',
  });
  const mNuoret = await item(m9.id, mtp.id, 5, {
    title: 'Nuorten mielenterveys', body: 'Koulujen kuraattorit kertovat, että nuorten mielenterveyden ongelmat lisääntyvät.',
  });
  itemKeys('m.paihde', m9.id, mPaihde.id);
  itemKeys('m.vertais', m9.id, mVertais.id);
  itemKeys('m.kokemus', m9.id, mKokemus.id);
  itemKeys('m.asuminen', m9.id, mAsuminen.id);
  itemKeys('m.nuoret', m9.id, mNuoret.id);
  await recordMinutes(m9, [
    {
      summary: 'Tapaamisessa käsiteltiin päihdetyötä ja vertaistukea.',
      publish: true,
      decisions: [
        [mPaihde.id, 'Päihdetyön rahoitus selvitetään.'],
        [mVertais.id, 'Vertaistuen koulutus käynnistetään syksyllä.'],
      ],
    },
  ]);
  K['min:M9'] = `minutes /meetings/${m9.id}/minutes`;

  // Statements.
  const st = async (name: string, councilSlug: string, councilId: string, over: Omit<typeof statements.$inferInsert, 'councilId'>) => {
    const row = await statement(councilId, over);
    K[`st:${name}`] = `statement /councils/${councilSlug}/statements#s-${row.id}`;
  };
  await st('v.lausunto', vanhus.slug, vanhus.id, {
    type: 'statement', title: 'Lausunto ikääntyneiden palvelustrategiasta', issuedOn: '2025-02-20', status: 'sent',
    recipient: 'Aluehallitus', publishedAt: published,
    body: 'Vanhusneuvosto pitää tärkeänä, että kotihoidon saatavuus turvataan kaikissa kunnissa.',
  });
  await st('j.kannanotto', jnk.slug, jnk.id, {
    type: 'position', title: 'Kannanotto järjestöavustusten leikkauksiin', issuedOn: '2025-04-01', status: 'sent',
    recipient: 'Aluevaltuusto', publishedAt: published, body: 'Neuvottelukunta vastustaa järjestöjen avustusten leikkaamista.',
  });
  await st('j.aloite', jnk.slug, jnk.id, {
    type: 'initiative', title: 'Aloite järjestöjen kohtaamispaikasta', issuedOn: '2024-10-05', status: 'answered',
    recipient: 'Aluehallitus', response: 'Aluehallitus selvittää tilojen käyttöä.', responseDate: '2024-12-01',
    publishedAt: published, body: 'Järjestöille tarvitaan yhteinen kohtaamispaikka.',
  });
  await st('a.utlatande', aldre.slug, aldre.id, {
    type: 'statement', title: 'Utlåtande om servicestrategin för äldreomsorgen', issuedOn: '2025-04-10', status: 'sent',
    recipient: 'Välfärdsområdets styrelse', publishedAt: published,
    body: 'Äldrerådet understryker att tjänster på svenska ska tryggas.',
  });
  await st('va.fardtjanst', vammais.slug, vammais.id, {
    type: 'position', title: 'Funktionshinderrådets ställningstagande om färdtjänst', issuedOn: '2025-06-10', status: 'sent',
    recipient: 'Välfärdsområdets styrelse', publishedAt: published,
    body: 'Funktionshinderrådet kräver att färdtjänsten utvecklas och att kollektivtrafiken blir tillgänglig.',
  });
  await st('v.draft', vanhus.slug, vanhus.id, {
    type: 'statement', title: 'Lausuntoluonnos kotihoidosta', status: 'draft', recipient: 'Aluehallitus',
    body: 'Luonnos: vanhusneuvosto, lausunto ja kotihoito.',
  });
  await st('j.unpub', jnk.slug, jnk.id, {
    type: 'position', title: 'Kannanotto avustuksista', issuedOn: '2025-05-01', status: 'sent', recipient: 'Aluehallitus',
    body: 'Julkaisematon kannanotto avustusten leikkauksista.',
  });
  await st('c.pub', closed.slug, closed.id, {
    type: 'statement', title: 'Lausunto avustuksista', issuedOn: '2025-03-01', status: 'sent', recipient: 'Aluehallitus',
    publishedAt: published, body: 'Keskiuusimaalaisten järjestöjen lausunto kotihoidosta.',
  });
  FORBIDDEN.add(K['st:v.draft']!).add(K['st:j.unpub']!).add(K['st:c.pub']!);

  // Action plans.
  await plan(jnk.id, 2025, 'published', 'Toimintasuunnitelma 2025', 'Neuvottelukunta edistää järjestöjen ja hyvinvointialueen yhteistyötä.', [
    {
      title: 'Järjestöavustusten kehittäminen',
      description: 'Avustusprosessi selkeämmäksi.',
      actions: [['Avustusinfo järjestöille', 'Järjestetään kaksi infotilaisuutta.']],
    },
    { title: 'Vaikuttaminen talousarvioon', actions: [['Lausunto talousarvioesityksestä']] },
  ]);
  K['plan:j.2025'] = `plan /councils/${jnk.slug}/plans/2025`;
  await plan(aldre.id, 2025, 'published', 'Verksamhetsplan 2025', 'Äldrerådet följer upp äldreomsorgen i välfärdsområdet.', [
    { title: 'Tillgängliga tjänster på svenska', actions: [['Besök till servicehusen']] },
  ]);
  K['plan:a.2025'] = `plan /councils/${aldre.slug}/plans/2025`;
  await plan(vanhus.id, 2026, 'draft', 'Toimintasuunnitelma 2026', 'Luonnos: kotihoito, lausunto ja vanhusneuvosto.', [
    { title: 'Kotihoidon seuranta', actions: [['Lausunto kotihoidosta']] },
  ]);
  K['plan:v.2026'] = `plan /councils/${vanhus.slug}/plans/2026`;
  await plan(closed.id, 2025, 'published', 'Toimintasuunnitelma 2025', 'Avustukset ja järjestöt; sisäinen suunnitelma.', [
    { title: 'Avustusten seuranta', actions: [['Lausunto avustuksista']] },
  ]);
  K['plan:c.2025'] = `plan /councils/${closed.slug}/plans/2025`;
  await plan(kumppanuus.id, 2025, 'approved', 'Toimintasuunnitelma 2025', 'Kaksikielisyys, hyväksytty mutta julkaisematon suunnitelma.', [
    { title: 'Järjestöavustukset', actions: [['Lausunto kaksikielisyydestä']] },
  ]);
  K['plan:k.2025'] = `plan /councils/${kumppanuus.slug}/plans/2025`;
  FORBIDDEN.add(K['plan:v.2026']!).add(K['plan:c.2025']!).add(K['plan:k.2025']!);
}

const NEUVOSTO = ['council:vanhus', 'council:aldre', 'council:vammais', 'item:v.lausunto', 'dec:v.kotihoito', 'dec:v.lausunto', 'min:M1', 'st:v.lausunto', 'item:va.esteett'];
const VANHUSNEUVOSTO = ['council:vanhus', 'council:aldre', 'item:v.lausunto', 'dec:v.kotihoito', 'dec:v.lausunto', 'min:M1', 'st:v.lausunto'];
const KOKOUS = ['item:v.avaus', 'dec:v.avaus', 'min:M1', 'min:M2'];
const JASEN = ['item:j.jasenet', 'dec:j.jasenet', 'min:M2', 'council:kumppanuus'];
const AVUSTUS = ['item:j.avustus', 'dec:j.avustus', 'min:M2', 'st:j.kannanotto', 'plan:j.2025'];
const LAUSUNTO = ['item:v.lausunto', 'dec:v.lausunto', 'st:v.lausunto', 'min:M1', 'plan:j.2025'];
const KOTIHOITO = ['item:v.kotihoito', 'dec:v.kotihoito', 'min:M1', 'st:v.lausunto'];
const PALVELUSTRATEGIA = ['item:v.lausunto', 'dec:v.lausunto', 'st:v.lausunto', 'min:M1'];
const TALOUSARVIO = ['item:j.talous', 'dec:j.talous', 'plan:j.2025'];
const TOIMINTASUUNNITELMA = ['item:k.plan', 'plan:j.2025'];
const TYORYHMA = ['item:j.jasenet', 'dec:j.jasenet', 'min:M2'];
const SERVICESTRATEGI = ['item:a.strategi', 'dec:a.strategi', 'st:a.utlatande', 'min:M5'];

/** Finnish queries and the records a reader would want from them (judged by hand from the corpus). */
const FINNISH: Array<[string, string[]]> = [
  ['kokouksessa', KOKOUS],
  ['kokous', KOKOUS],
  ['kokouksen avaus', ['item:v.avaus', 'dec:v.avaus']],
  ['jäsenet', JASEN],
  ['jäsen', JASEN],
  ['jäsenten toimikausi', ['item:j.jasenet']],
  ['neuvosto', NEUVOSTO],
  ['vanhusneuvoston', VANHUSNEUVOSTO],
  ['vanhusneuvosto', VANHUSNEUVOSTO],
  ['vanhusneuvostolta lausunto', ['item:v.lausunto', 'dec:v.lausunto', 'st:v.lausunto', 'min:M1']],
  ['järjestöjen edustajat', ['item:j.jasenet', 'dec:j.jasenet']],
  ['avustuksista', AVUSTUS],
  ['avustus', AVUSTUS],
  ['järjestöavustukset', AVUSTUS],
  ['lausunnon', LAUSUNTO],
  ['lausunto', LAUSUNTO],
  ['lausunnot', LAUSUNTO],
  ['kotihoidon', KOTIHOITO],
  ['kotihoito', KOTIHOITO],
  ['kotihoidossa', KOTIHOITO],
  ['palvelustrategiasta', PALVELUSTRATEGIA],
  ['strategia', [...PALVELUSTRATEGIA, ...SERVICESTRATEGI]],
  ['talousarvio', TALOUSARVIO],
  ['talousarvioon', TALOUSARVIO],
  ['toimintasuunnitelma', TOIMINTASUUNNITELMA],
  ['toimintasuunnitelman', TOIMINTASUUNNITELMA],
  ['kaksikielisyys', ['item:k.kieli']],
  ['esteettömyyttä', ['item:va.esteett']],
  ['esteettömyys', ['item:va.esteett']],
  ['kuljetuspalvelut', ['item:va.kuljetus']],
  ['sote-palveluissa', ['item:va.esteett']],
  ['aluehallitukselle', ['item:j.avustus', 'st:v.lausunto', 'st:j.aloite']],
  ['hyvinvointialueen', ['item:v.lausunto', 'item:j.avustus', 'item:j.jasenet', 'plan:j.2025', 'council:jnk']],
  ['työryhmiin', TYORYHMA],
  ['työryhmä', TYORYHMA],
  ['kannanotto', ['st:j.kannanotto']],
  ['kannanoton', ['st:j.kannanotto']],
  ['aloitteet', ['st:j.aloite']],
  ['kohtaamispaikka', ['st:j.aloite']],
  ['ikääntyneiden', ['council:vanhus', 'item:v.lausunto', 'dec:v.lausunto', 'st:v.lausunto']],
  ['henkilöstömitoitus', ['dec:v.kotihoito']],
  ['pirkanmaa', ['council:vanhus', 'council:jnk']],
  ['Itä-Uusimaa', ['council:kumppanuus']],
  ['läsnäolijat', ['item:v.avaus']],
  ['tilannekatsaus', ['item:v.kotihoito', 'dec:v.kotihoito']],
  ['asiakasmäärä', ['item:v.kotihoito']],
  ['talousarvio 2026', ['item:j.talous', 'dec:j.talous']],
  ['vanhusneuvsto', VANHUSNEUVOSTO],
  // Harder ones, added after the rules were written: typos, derivations, s/d gradation.
  ['kotihoto', KOTIHOITO],
  ['vanhukset', VANHUSNEUVOSTO],
  ['ikääntyneet', ['council:vanhus', 'item:v.lausunto', 'dec:v.lausunto', 'st:v.lausunto']],
  ['kunnat', ['st:v.lausunto']],
  ['neuvottelukunta', ['council:mtp', 'council:jnk', 'council:closed', 'item:j.jasenet', 'dec:j.avustus', 'dec:j.jasenet', 'min:M2', 'st:j.kannanotto', 'plan:j.2025']],
  ['palveluiden', ['item:va.esteett', 'item:va.kuljetus', 'council:vanhus', 'item:v.lausunto', 'dec:v.lausunto', 'st:v.lausunto', 'min:M1', 'item:v.kotihoito']],
  ['vuosi', ['item:j.jasenet', 'item:k.plan']],
  ['päätösvaltaisuus', ['dec:v.avaus']],
  ['yhteistyö', ['council:jnk', 'item:j.talous', 'dec:j.talous', 'item:k.kieli', 'plan:j.2025']],
  ['infotilaisuus', ['plan:j.2025']],
];

/** Swedish queries. */
const SWEDISH: Array<[string, string[]]> = [
  ['föreningarnas', ['item:a.bidrag', 'dec:a.bidrag', 'min:M5', 'item:k.kieli', 'council:kumppanuus']],
  ['förening', ['item:a.bidrag', 'dec:a.bidrag', 'min:M5', 'item:k.kieli', 'council:kumppanuus']],
  ['mötet', ['item:a.open', 'min:M5']],
  ['möte', ['item:a.open', 'min:M5']],
  ['rådet', ['council:aldre', 'council:vanhus', 'council:vammais', 'item:a.strategi', 'dec:a.strategi', 'dec:a.bidrag', 'min:M5', 'st:a.utlatande', 'plan:a.2025', 'st:va.fardtjanst']],
  ['äldrerådets', ['council:aldre', 'council:vanhus', 'item:a.strategi', 'dec:a.strategi', 'dec:a.bidrag', 'min:M5', 'st:a.utlatande', 'plan:a.2025']],
  ['utlåtandet', ['item:a.strategi', 'dec:a.strategi', 'st:a.utlatande']],
  ['äldreomsorgen', ['item:a.strategi', 'dec:a.strategi', 'st:a.utlatande', 'plan:a.2025']],
  ['bidrag', ['item:a.bidrag', 'dec:a.bidrag', 'min:M5']],
  ['servicestrategi', SERVICESTRATEGI],
  // st:va.fardtjanst (added with the second set) is addressed to välfärdsområdet like st:a.utlatande.
  ['välfärdsområdet', ['item:a.strategi', 'council:aldre', 'plan:a.2025', 'st:a.utlatande', 'st:va.fardtjanst']],
  ['tjänster på svenska', ['st:a.utlatande', 'plan:a.2025']],
  ['verksamhetsplan', ['plan:a.2025']],
  ['Österbotten', ['council:aldre', 'council:vammais']],
  // Harder ones, added after the rules were written.
  ['äldre', ['council:aldre', 'council:vanhus', 'item:a.strategi', 'dec:a.strategi', 'item:a.bidrag', 'dec:a.bidrag', 'min:M5', 'st:a.utlatande', 'plan:a.2025']],
  ['hälsovård', ['council:jnk', 'council:kumppanuus']],
  ['ansökan', ['item:a.bidrag']],
  ['ordförande', ['item:a.open']],
  ['öppnade', ['item:a.open']],
  ['äldreomsorjen', ['item:a.strategi', 'dec:a.strategi', 'st:a.utlatande', 'plan:a.2025']],
  ['besöket', ['plan:a.2025']],
  ['personer med funktionsnedsättning', ['council:vammais']],
  ['råden', ['council:aldre', 'council:vanhus', 'council:vammais', 'item:a.strategi', 'dec:a.strategi', 'dec:a.bidrag', 'min:M5', 'st:a.utlatande', 'plan:a.2025', 'st:va.fardtjanst']],
  ['verksamheten', ['item:a.bidrag', 'dec:a.bidrag', 'plan:a.2025']],
];

/**
 * The second set (added with search_documents): words typed without å/ä/ö, consonant
 * gradation, hyphenated and typed-together compounds, one-letter typos, and one hit per
 * record (a word only in a decision finds the agenda item). Judged by hand from the corpus.
 */
const PAIHDE = ['item:m.paihde', 'min:M9'];
const VERTAIS = ['item:m.vertais', 'min:M9'];
const FINNISH_2: Array<[string, string[]]> = [
  ['paihdetyo', PAIHDE],
  ['paihdetyon', PAIHDE],
  ['päihdetyö', PAIHDE],
  ['PAIHDETYO', PAIHDE],
  ['paihdetyota', PAIHDE],
  ['vertaistukea', VERTAIS],
  ['vertaistuen', VERTAIS],
  ['vertaistuki', VERTAIS],
  ['vertaistuesta', VERTAIS],
  ['mielenterveysjärjestöille', ['council:mtp']],
  ['mielenterveysjarjestot', ['council:mtp']],
  ['päihdejärjestöt', ['council:mtp']],
  ['paihdejarjestojen', ['council:mtp']],
  ['kokemusasiantuntijat', ['item:m.kokemus']],
  ['kokemusasiantuntijoiden', ['item:m.kokemus']],
  ['kokemusasiantuntioiden', ['item:m.kokemus']],
  ['mielenterveyskuntotujien', ['item:m.asuminen']],
  ['kuraattorit', ['item:m.nuoret']],
  ['kuraatorit', ['item:m.nuoret']],
  ['nuorten mielenterveys', ['item:m.nuoret']],
  ['asumista', ['item:m.asuminen']],
  ['tuettu asuminen', ['item:m.asuminen']],
  ['mielenterveyskuntoutujat', ['item:m.asuminen']],
  ['palkkiot', ['item:m.kokemus']],
  ['ryhmien ohjaajat', ['item:m.vertais']],
  ['rahoitus', ['item:m.paihde']],
  ['koulutus', ['item:m.vertais']],
  ['paihdetyon rahoitus', ['item:m.paihde']],
  ['matalan kynnyksen', ['item:m.paihde']],
  ['tyotoiminta', ['item:m.asuminen']],
];

const FARDTJANST = ['st:va.fardtjanst'];
const NARST = ['item:a.narst'];
const KAMRAT = ['item:a.kamrat'];
const SWEDISH_2: Array<[string, string[]]> = [
  ['funktionshindrade', FARDTJANST],
  ['funktionshinderrådet', FARDTJANST],
  ['funktionshinderradet', FARDTJANST],
  ['färdtjänst', FARDTJANST],
  ['fardtjansten', FARDTJANST],
  ['kollektivtrafik', FARDTJANST],
  ['ställningstagande', FARDTJANST],
  ['tillgänglig', [...FARDTJANST, 'plan:a.2025']],
  ['närståendevård', NARST],
  ['narstaendevardare', NARST],
  ['närståendevårdarna', NARST],
  ['avlösning', NARST],
  ['avlosning', NARST],
  ['kortvården', NARST],
  ['kamratstöd', KAMRAT],
  ['kamratstodjare', KAMRAT],
  ['kamratstödet', KAMRAT],
  ['kamratstöjd', KAMRAT],
];

/** Words found only in records that are not public: every one must give no hits. */
const WITHHELD_WORDS = [
  'asiakasvalitus', 'kokouspalkkiot', 'jakoperusteet', 'suljettu', 'kaksikielisyystyöryhmä', 'kirjelmän',
  'lausuntoluonnos', 'luonnos', 'julkaisematon', 'erityisasia', 'salassapidosta', 'luottamuksellisesti',
  'hyvitys', 'sisäinen', 'keskiuusimaalaisten', 'ennakkoon', 'kotihoidon seuranta',
];

interface Measured {
  q: string;
  recall: number;
  precision: number;
  missing: string[];
  extra: string[];
}

async function measure(set: Array<[string, string[]]>, locale: 'fi' | 'sv'): Promise<Measured[]> {
  const out: Measured[] = [];
  for (const [q, names] of set) {
    const expected = new Set(names.map((n) => {
      const key = K[n];
      if (!key) throw new Error(`unknown doc ${n}`);
      return key;
    }));
    const { hits } = await searchPublished({ q, locale, limit: 10 });
    const got = hits.map(keyOf);
    const found = got.filter((k) => expected.has(k)).length;
    const name = (k: string) => Object.keys(K).find((n) => K[n] === k) ?? k;
    out.push({
      q,
      recall: found / Math.min(expected.size, 10),
      precision: got.length === 0 ? 0 : found / got.length,
      missing: [...expected].filter((k) => !got.includes(k)).map(name),
      extra: got.filter((k) => !expected.has(k)).map(name),
    });
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function report(label: string, rows: Measured[]) {
  const recall = mean(rows.map((r) => r.recall));
  const precision = mean(rows.map((r) => r.precision));
  const misses = rows
    .filter((r) => r.recall < 1 || r.precision < 1)
    .map((r) => `  ${r.q}: R=${r.recall.toFixed(2)} P=${r.precision.toFixed(2)} missing=[${r.missing.join(', ')}] extra=[${r.extra.join(', ')}]`);
  console.log(`${label}: ${rows.length} queries, recall@10 ${recall.toFixed(3)}, precision@10 ${precision.toFixed(3)}\n${misses.join('\n')}`);
  return { recall, precision };
}

beforeAll(async () => {
  await buildCorpus();
});

describe('search quality (recall and precision at 10)', () => {
  it('has the size the brief asks for', () => {
    expect(FINNISH.length).toBeGreaterThanOrEqual(40);
    expect(SWEDISH.length).toBeGreaterThanOrEqual(10);
  });

  it('finds inflected forms and compound parts of Finnish queries', async () => {
    const { recall, precision } = report('Finnish', await measure(FINNISH, 'fi'));
    // Measured 0.966 and 0.950 (docs/search.md); floors a little below.
    expect(recall).toBeGreaterThanOrEqual(0.93);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it('finds inflected forms and compound parts of Swedish queries', async () => {
    const { recall, precision } = report('Swedish', await measure(SWEDISH, 'sv'));
    // Measured 1.000 and 1.000 (docs/search.md); floors a little below.
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  it('finds words typed without å/ä/ö, gradation, compounds and typos (second set, Finnish)', async () => {
    const { recall, precision } = report('Finnish, second set', await measure(FINNISH_2, 'fi'));
    expect(FINNISH_2.length + SWEDISH_2.length).toBeGreaterThanOrEqual(40);
    // Measured figures in docs/search.md; floors a little below.
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.85);
  });

  it('finds words typed without å/ä/ö, compounds and typos (second set, Swedish)', async () => {
    const { recall, precision } = report('Swedish, second set', await measure(SWEDISH_2, 'sv'));
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.85);
  });

  it('answers the examples of the brief', async () => {
    const hit = async (q: string, name: string) =>
      expect((await searchPublished({ q, locale: 'fi' })).hits.map(keyOf)).toContain(K[name]);
    await hit('kokouksessa', 'min:M2'); // "Neuvottelukunnan kokous"
    await hit('jäsenet', 'council:kumppanuus'); // "järjestöjäsentä"
    await hit('neuvosto', 'min:M1'); // "Vanhusneuvoston kokous"
    await hit('järjestöjen', 'item:j.talous'); // "järjestöyhteistyö"
    await hit('avustuksista', 'plan:j.2025');
    await hit('lausunnon', 'st:v.lausunto');
    await hit('föreningarnas', 'item:a.bidrag');
    await hit('mötet', 'min:M5');
    await hit('rådet', 'council:vammais');
    await hit('äldrerådets', 'st:a.utlatande');
  });
});

describe('ranking', () => {
  it('puts whole-word title matches before stem and compound matches', async () => {
    const { hits } = await searchPublished({ q: 'vanhusneuvosto', locale: 'fi' });
    expect(hits.slice(0, 2).map(keyOf).sort()).toEqual([K['council:aldre'], K['council:vanhus']].sort());
    const lausunto = await searchPublished({ q: 'lausunto', locale: 'fi' });
    const exact = lausunto.hits.map((h) => /(^|[^\p{L}])lausunto([^\p{L}]|$)/iu.test(h.title));
    expect(exact[0]).toBe(true);
    // Once a hit without the exact word in its title appears, none with it follows.
    expect(exact.indexOf(false)).toBeGreaterThan(0);
    expect(exact.slice(exact.indexOf(false))).not.toContain(true);
  });

  it('ranks the exact word above inflected forms', async () => {
    const { hits } = await searchPublished({ q: 'kokous', locale: 'fi' });
    // Both minutes have "kokous" in the title and "Kokouksessa" in the summary; the item
    // "Kokouksen avaus" has only inflected forms.
    expect(hits.slice(0, 2).map(keyOf).sort()).toEqual([K['min:M1'], K['min:M2']].sort());
    expect(hits.findIndex((h) => keyOf(h) === K['item:v.avaus'])).toBeGreaterThan(1);
    const ranks = hits.map((h) => h.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it('ranks a title equal to the query first and uses the locale for names', async () => {
    const { hits } = await searchPublished({ q: 'Äldrerådet i Österbotten', locale: 'sv' });
    expect(hits[0]).toMatchObject({ type: 'council', title: 'Äldrerådet i Österbotten', url: '/councils/osterbotten-aldreradet', date: null });
    const fi = await searchPublished({ q: 'Äldrerådet i Österbotten', locale: 'fi' });
    expect(fi.hits[0]).toMatchObject({ title: 'Pohjanmaan vanhusneuvosto', councilName: 'Pohjanmaan vanhusneuvosto' });
  });
});

describe('hits', () => {
  it('carry type, title, url, date, council and a marked snippet', async () => {
    const { hits } = await searchPublished({ q: 'kotihoidon', locale: 'fi' });
    const decision = hits.find((h) => keyOf(h) === K['dec:v.kotihoito']);
    expect(decision).toMatchObject({
      type: 'decision',
      title: 'Kotihoidon tilannekatsaus',
      councilSlug: 'pirkanmaan-vanhusneuvosto',
      councilName: 'Pirkanmaan vanhusneuvosto',
      date: '2025-02-10',
    });
    expect(decision!.snippet).toContain('\u0002kotihoidon\u0003 tilannekatsauksen');
    const item = hits.find((h) => keyOf(h) === K['item:v.lausunto']);
    expect(item).toBeUndefined();
    const statement = hits.find((h) => h.type === 'statement');
    expect(statement).toMatchObject({ date: '2025-02-20', snippet: expect.stringContaining('\u0002kotihoidon\u0003 saatavuus') });
  });

  it('strip Markdown from snippets', async () => {
    const { hits } = await searchPublished({ q: 'vanhusneuvostolta', locale: 'fi' });
    const item = hits.find((h) => keyOf(h) === K['item:v.lausunto']);
    expect(item!.snippet).toContain('pyytää \u0002vanhusneuvostolta\u0003 lausuntoa');
    expect(item!.snippet).not.toContain('*');
  });

  it('link plans and minutes to their pages', async () => {
    const plans = await searchPublished({ q: 'verksamhetsplan', locale: 'sv' });
    expect(plans.hits[0]).toMatchObject({ type: 'plan', url: '/councils/osterbotten-aldreradet/plans/2025', date: '2024-12-15' });
    const mins = await searchPublished({ q: 'behandlades', locale: 'sv' });
    expect(mins.hits.map(keyOf)).toEqual([K['min:M5']]);
  });
});

describe('filters', () => {
  const keys = async (params: Parameters<typeof searchPublished>[0]) => (await searchPublished(params)).hits.map(keyOf).sort();

  it('by region', async () => {
    expect(await keys({ q: 'neuvosto', region: 'pohjanmaa', locale: 'fi' })).toEqual(
      [K['council:aldre'], K['council:vammais'], K['item:va.esteett']].sort(),
    );
    expect(await keys({ q: 'neuvosto', region: 'no-such-region', locale: 'fi' })).toEqual([]);
  });

  it('by council', async () => {
    const { hits } = await searchPublished({ q: 'lausunto', council: 'pirkanmaan-vanhusneuvosto', locale: 'fi' });
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.councilSlug))).toEqual(new Set(['pirkanmaan-vanhusneuvosto']));
    expect(hits.map(keyOf)).toContain(K['st:v.lausunto']);
  });

  it('by year, councils counting in the years they exist', async () => {
    expect(await keys({ q: 'aloite', year: 2024, locale: 'fi' })).toEqual([K['st:j.aloite']]);
    expect(await keys({ q: 'aloite', year: 2025, locale: 'fi' })).toEqual([]);
    expect(await keys({ q: 'vammaisneuvosto', year: 2024, locale: 'fi' })).toEqual([]);
    expect(await keys({ q: 'vammaisneuvosto', year: 2025, locale: 'fi' })).toEqual([K['council:vammais'], K['item:va.esteett']].sort());
    expect(await keys({ q: 'toimintasuunnitelma', year: 2025, type: 'plan', locale: 'fi' })).toEqual([K['plan:j.2025']]);
  });

  it('by type', async () => {
    expect(await keys({ q: 'lausunto', type: 'statement', locale: 'fi' })).toEqual([K['st:v.lausunto']]);
    expect(await keys({ q: 'avustus', type: 'plan', locale: 'fi' })).toEqual([K['plan:j.2025']]);
    expect(await keys({ q: 'kokous', type: 'minutes', locale: 'fi' })).toEqual([K['min:M1'], K['min:M2']].sort());
  });

  it('pages with a stable total', async () => {
    const all = await searchPublished({ q: 'neuvosto', locale: 'fi', limit: 100 });
    const first = await searchPublished({ q: 'neuvosto', locale: 'fi', limit: 4, offset: 0 });
    const second = await searchPublished({ q: 'neuvosto', locale: 'fi', limit: 4, offset: 4 });
    const beyond = await searchPublished({ q: 'neuvosto', locale: 'fi', limit: 4, offset: 200 });
    expect(first.total).toBe(all.total);
    expect(second.total).toBe(all.total);
    expect(beyond).toEqual({ hits: [], total: all.total, more: false });
    expect([...first.hits, ...second.hits].map(keyOf)).toEqual(all.hits.slice(0, 8).map(keyOf));
  });
});

describe('records that are not public', () => {
  it('never appear, whatever the query', async () => {
    const queries = [...FINNISH, ...SWEDISH, ...FINNISH_2, ...SWEDISH_2].map(([q]) => q).concat(WITHHELD_WORDS, ['keski-uusimaa', 'järjestöneuvottelukunta']);
    for (const q of queries) {
      const { hits } = await searchPublished({ q, locale: 'fi', limit: 100 });
      const leaked = hits.map(keyOf).filter((k) => FORBIDDEN.has(k));
      expect(leaked, q).toEqual([]);
    }
  });

  it('give no literal hits for words only they contain', async () => {
    for (const q of WITHHELD_WORDS) {
      // A typo-tolerant (trigram) hit on some public record is fine; the word itself must not surface.
      const { hits } = await searchPublished({ q, locale: 'fi' });
      const word = q.split(' ')[0]!;
      expect(hits.filter((h) => `${h.title} ${h.snippet}`.toLowerCase().includes(word)), q).toEqual([]);
      expect(hits.every((h) => h.rank < 20), q).toBe(true);
    }
  });

  it('leave the council itself findable: council names are public facts', async () => {
    const { hits } = await searchPublished({ q: 'järjestöneuvottelukunta', locale: 'fi' });
    expect(hits.map(keyOf)).toEqual([K['council:closed']]);
  });
});

describe('hostile input', () => {
  const hostile = [
    "'; drop table councils; --",
    'a:* & !b',
    '(.*)+$',
    '\\',
    '%_%',
    'x'.repeat(10_000),
    'kokous '.repeat(2_000),
    '!!!???',
    '',
    '   ',
    "lausunto' OR '1'='1",
    'neuvosto:* | kokous & !(x)',
    '[[:alpha:]]{1,1000}',
    '\u0000\u0002\u0003',
  ];

  it('returns normally', async () => {
    for (const q of hostile) {
      const result = await searchPublished({ q, locale: 'fi' });
      expect(Array.isArray(result.hits), q.slice(0, 40)).toBe(true);
      expect(result.total).toBe(result.hits.length === 0 ? 0 : result.total);
    }
    const councilsLeft = await searchPublished({ q: 'vanhusneuvosto', locale: 'fi' });
    expect(councilsLeft.hits.length).toBeGreaterThan(0);
  });

  it('finds nothing in punctuation and operator soup', async () => {
    for (const q of ['!!!???', '', 'a:* & !b', '(.*)+$', '\\', '%_%']) {
      expect(await searchPublished({ q, locale: 'fi' }), q).toEqual({ hits: [], total: 0, more: false });
    }
  });

  it('treats operators around real words as separators', async () => {
    const { hits } = await searchPublished({ q: "lausunto' OR '1'='1", locale: 'fi' });
    // Searched as the words "lausunto" and "1" ("or" is a stop word): the minutes of meeting 1/2025.
    expect(hits.map(keyOf)).toEqual([K['min:M1']]);
    const plain = await searchPublished({ q: 'neuvosto:* & kokous', locale: 'fi' });
    expect(plain.hits.map(keyOf)).toContain(K['min:M1']);
  });

  it('survives odd filters and paging values', async () => {
    const odd = [
      { year: Number.NaN },
      { year: 99999 },
      { year: 2025.5 },
      { limit: -5, offset: -10 },
      { limit: 1e9, offset: 1e9 },
      { region: "'; drop table regions; --", council: '%' },
      { type: 'nonsense' as never },
    ];
    for (const extra of odd) {
      const result = await searchPublished({ q: 'neuvosto', locale: 'fi', ...extra });
      expect(Array.isArray(result.hits), JSON.stringify(extra)).toBe(true);
    }
    expect((await searchPublished({ q: 'neuvosto', locale: 'fi', limit: -5 })).hits.length).toBe(1);
  });
});

describe('search_documents', () => {
  const rows = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<Record<string, string>>;

  it.each([
    ['search_text', 'search_documents_text_trgm'],
    ['search_title', 'search_documents_title_trgm'],
  ])('%s can be searched through its trigram index', async (column, index) => {
    const plan = await getDb().transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute(sql`explain select 1 from search_documents d where ${sql.raw(`d.${column}`)} like ${'%kokou%'}`);
    });
    expect(rows(plan).map((l) => Object.values(l).join(' ')).join('\n')).toContain(index);
  });

  it('folds text in SQL exactly as the query side does', async () => {
    const sample = 'Päihdetyö ÅÄÖ åäö éèêëáàâüúùïíìôóòçñøæšžõ Funktionshinderrådets ß Z';
    const [row] = rows(await getDb().execute(sql`select search_fold(${sample}) as f`));
    expect(row!.f).toBe(fold(sample));
    expect(fold('Päihdetyö')).toBe('paihdetyo');
  });

  it('hold one document per record and nothing that is not public', async () => {
    const docs = rows(await getDb().execute(sql`select type, id, title from search_documents`));
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    const titles = docs.map((d) => d.title);
    for (const secret of ['Asiakasvalitus kotihoidosta', 'Jäsenten kokouspalkkiot', 'Järjestöavustusten jakoperusteet', 'Lausuntoluonnos kotihoidosta', 'Kotihoidon lausunto']) {
      expect(titles, secret).not.toContain(secret);
    }
  });
});
