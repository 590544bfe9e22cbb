import type { LoaderFunctionArgs } from '@remix-run/node';
import { toCsv } from '~/lib/csv';
import { todayInHelsinki } from '~/lib/dates';
import { notFound } from '~/lib/http.server';
import { meetingVoteEvents } from '~/lib/votes';
import { getPublicAgenda, getPublicMeeting, isUuid } from '~/models/agendas.server';
import { getPublishedMinutes } from '~/models/minutes.server';

const HEADER = ['meeting', 'date', 'section', 'item', 'motion', 'result', 'outcome', 'yes', 'no', 'abstain', 'voter_id', 'voter_name', 'option'];

/**
 * GET /meetings/{id}/votes.csv: the votes recorded in the published minutes. A vote by name
 * gives one row per member's vote (the event's columns repeated); a vote with counts only gives
 * one row with the voter columns empty. Names only, never contact details.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!isUuid(params.meetingId)) notFound();
  const scope = await getPublicMeeting(params.meetingId);
  const minutes = scope ? await getPublishedMinutes(scope.meetingId) : null;
  if (!scope || !minutes) notFound();
  const agenda = await getPublicAgenda(scope.meetingId);
  const events = meetingVoteEvents(agenda, new Map(minutes.items.map((i) => [i.id, i])), '');
  const count = (e: (typeof events)[number], option: string) => e.counts.find((c) => c.option === option)?.value ?? 0;
  const date = todayInHelsinki(scope.startsAt);
  const csv = toCsv(
    HEADER,
    events.flatMap((e) => {
      const event = [scope.title, date, e.agendaItem.number, e.agendaItem.title, e.motion.text, e.result, e.outcome, count(e, 'yes'), count(e, 'no'), count(e, 'abstain')];
      if (e.votes.length === 0) return [[...event, '', '', '']];
      return e.votes.map((v) => [...event, v.voter_id, v.voter_name, v.option]);
    }),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="votes-${scope.meetingId}.csv"`,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'public, max-age=300',
    },
  });
}
