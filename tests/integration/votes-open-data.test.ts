import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../app/lib/csv';
import * as meetingApi from '../../app/routes/api.v1.meetings.$meetingId';
import * as votesCsv from '../../app/routes/meetings.$meetingId.votes[.csv]';
import { buildCouncilWithRoster } from '../factories';
import { buildHeldMeeting } from '../factories/plans';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

let fx: Awaited<ReturnType<typeof buildHeldMeeting>>;
let unpublished: Awaited<ReturnType<typeof buildHeldMeeting>>;

beforeAll(async () => {
  const { council, term } = await buildCouncilWithRoster();
  fx = await buildHeldMeeting({
    councilId: council.id,
    termId: term.id,
    startsAt: new Date('2026-05-05T09:00:00Z'),
    title: 'Kokous 2/2026',
    items: [
      { title: 'Avustusten jako', decision: 'Esitys hyväksyttiin äänin 6–4.', votes: { for: 6, against: 4, abstain: 1 } },
      { title: '=HYPERLINK("http://evil.example")', decision: 'Hylättiin', votes: { for: 2, against: 8 } },
      { title: 'Ilman äänestystä' },
      { title: 'Salainen', publicity: 'confidential', votes: { for: 1, against: 9 } },
    ],
  });
  unpublished = await buildHeldMeeting({ councilId: council.id, termId: term.id, startsAt: new Date('2026-06-05T09:00:00Z'), minutes: 'approved' });
});

describe('votes as open data', () => {
  it('gives each vote of the published minutes as a Popolo VoteEvent in the meeting API', async () => {
    const res = await call(meetingApi.loader as never, makeRequest(`/api/v1/meetings/${fx.meeting.id}`), { meetingId: fx.meeting.id });
    const body = (await res.json()) as { voteEvents: Array<{ result: string; counts: Array<{ option: string; value: number }>; agendaItem: { title: string } }> };
    expect(body.voteEvents.map((v) => [v.agendaItem.title, v.result, v.counts.map((c) => c.value)])).toEqual([
      ['Avustusten jako', 'pass', [6, 4, 1]],
      ['=HYPERLINK("http://evil.example")', 'fail', [2, 8, 0]],
    ]);
  });

  it('writes the votes as CSV per meeting, formulas neutralised, withheld items left out', async () => {
    const res = await call(votesCsv.loader as never, makeRequest(`/meetings/${fx.meeting.id}/votes.csv`), { meetingId: fx.meeting.id });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    // The raw cell starts with an apostrophe, so a spreadsheet shows text, not a formula.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const parsed = parseCsv(text);
    // Counts only: one row per vote, the voter columns empty (a vote by name gives one row per member).
    expect(parsed.header).toEqual(['meeting', 'date', 'section', 'item', 'motion', 'result', 'outcome', 'yes', 'no', 'abstain', 'voter_id', 'voter_name', 'option']);
    expect(parsed.rows.map((r) => [r.values.item, r.values.yes, r.values.no, r.values.date])).toEqual([
      ['Avustusten jako', '6', '4', '2026-05-05'],
      ['=HYPERLINK("http://evil.example")', '2', '8', '2026-05-05'],
    ]);
  });

  it('has no CSV for minutes that are not published, nor for unknown meetings', async () => {
    for (const id of [unpublished.meeting.id, '00000000-0000-4000-8000-000000000000', 'nope']) {
      const res = await call(votesCsv.loader as never, makeRequest(`/meetings/${id}/votes.csv`), { meetingId: id });
      expect(res.status, id).toBe(404);
    }
  });
});
