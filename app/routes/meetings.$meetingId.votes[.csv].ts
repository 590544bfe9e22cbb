import type { LoaderFunctionArgs } from '@remix-run/node';
import { toCsv } from '~/lib/csv';
import { todayInHelsinki } from '~/lib/dates';
import { notFound } from '~/lib/http.server';
import { meetingVoteEvents } from '~/lib/votes';
import { getPublicAgenda, getPublicMeeting, isUuid } from '~/models/agendas.server';
import { getPublishedMinutes } from '~/models/minutes.server';

const HEADER = ['meeting', 'date', 'section', 'item', 'motion', 'result', 'outcome', 'yes', 'no', 'abstain'];

/** GET /meetings/{id}/votes.csv: the votes recorded in the published minutes, one row per vote. */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!isUuid(params.meetingId)) notFound();
  const scope = await getPublicMeeting(params.meetingId);
  const minutes = scope ? await getPublishedMinutes(scope.meetingId) : null;
  if (!scope || !minutes) notFound();
  const agenda = await getPublicAgenda(scope.meetingId);
  const events = meetingVoteEvents(agenda, new Map(minutes.items.map((i) => [i.id, i])), '');
  const count = (e: (typeof events)[number], option: string) => e.counts.find((c) => c.option === option)?.value ?? 0;
  const csv = toCsv(
    HEADER,
    events.map((e) => [scope.title, todayInHelsinki(scope.startsAt), e.agendaItem.number, e.agendaItem.title, e.motion.text, e.result, e.outcome, count(e, 'yes'), count(e, 'no'), count(e, 'abstain')]),
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
