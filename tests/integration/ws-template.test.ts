// A new council starts with a default agenda template in its languages; applying it puts the
// opening items first and "other matters", "next meeting" and "closing" last.
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { agendaItems, agendaTemplateItems, councils } from '../../db/schema';
import * as newCouncil from '../../app/routes/manage.councils.new';
import { applyAgendaTemplate } from '../../app/models/agendas.server';
import { buildMeeting, buildRegion } from '../factories';
import { insertItems, testWho } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

const form = (regionId: string, slug: string, languages: string[]) => ({
  slug,
  regionId,
  nameFi: 'Järjestöneuvottelukunta',
  nameSv: 'Organisationsdelegationen',
  kind: 'advisory_council',
  origin: 'county_established',
  publicityDefault: 'public',
  languages,
});

describe('a new council starts usable', () => {
  it('gets the standard agenda template in its languages, and applying it adds every item in place', async () => {
    const region = await buildRegion();
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const res = await call(newCouncil.action, makeRequest('/manage/councils/new', { cookie: admin.cookie, form: form(region.id, 'kaksikielinen', ['fi', 'sv']) }));
    expect(res.status).toBe(302);
    const [council] = await getDb().select().from(councils).where(eq(councils.slug, 'kaksikielinen'));
    const template = await getDb().select().from(agendaTemplateItems).where(eq(agendaTemplateItems.councilId, council!.id)).orderBy(asc(agendaTemplateItems.position));
    expect(template.map((t) => t.key)).toEqual([
      'opening',
      'legality_quorum',
      'minutes_checkers',
      'agenda_approval',
      'previous_minutes',
      'other_matters',
      'next_meeting',
      'closing',
    ]);
    expect(template[0]!.title).toBe('Kokouksen avaus / Mötets öppnande');

    const meeting = await buildMeeting(council!.id);
    await insertItems(meeting, [{ title: 'Hyte-neuvottelut' }]);
    const outcome = await applyAgendaTemplate(testWho(council!), meeting.id);
    expect(outcome).toMatchObject({ status: 'ok', added: 8 });
    const items = await getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).orderBy(asc(agendaItems.position));
    expect(items.map((i) => i.templateKey ?? i.title)).toEqual([
      'opening',
      'legality_quorum',
      'minutes_checkers',
      'agenda_approval',
      'previous_minutes',
      'Hyte-neuvottelut',
      'other_matters',
      'next_meeting',
      'closing',
    ]);
  });

  it('uses only English for an English council', async () => {
    const region = await buildRegion();
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    await call(newCouncil.action, makeRequest('/manage/councils/new', { cookie: admin.cookie, form: form(region.id, 'english', ['en']) }));
    const [council] = await getDb().select().from(councils).where(eq(councils.slug, 'english'));
    const [first] = await getDb().select().from(agendaTemplateItems).where(eq(agendaTemplateItems.councilId, council!.id)).orderBy(asc(agendaTemplateItems.position)).limit(1);
    expect(first!.title).toBe('Opening of the meeting');
  });
});
