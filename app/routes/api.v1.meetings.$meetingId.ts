import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiError } from '~/lib/http.server';
import { meetingNumberText } from '~/lib/meeting-lifecycle';
import { absoluteUrl } from '~/lib/url.server';
import { getPublicAgenda, getPublicMeeting, isUuid } from '~/models/agendas.server';
import { apiTime, getPublishedMinutes } from '~/models/minutes.server';
import { meetingVoteEvents } from '~/lib/votes';

/**
 * GET /api/v1/meetings/{id}: a public meeting's published agenda items (number, title, publicity,
 * body where public, decision where the minutes are published) and its minutes metadata.
 * Closed meetings, members-only councils and unpublished agendas are 404 like unknown ids.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isUuid(params.meetingId)) return apiError(400, 'the meeting id must be a UUID');
  const scope = await getPublicMeeting(params.meetingId);
  if (!scope) return apiError(404, 'no such public meeting with a published agenda');
  const [agenda, minutes] = await Promise.all([getPublicAgenda(scope.meetingId), getPublishedMinutes(scope.meetingId)]);
  const base = absoluteUrl(request, `/meetings/${scope.meetingId}`);
  const decisions = new Map((minutes?.items ?? []).map((i) => [i.id, i]));
  return json(
    {
      meeting: {
        id: scope.meetingId,
        title: scope.title,
        number: meetingNumberText(scope.meetingNo, scope.startsAt),
        startsAt: apiTime(scope.startsAt),
        endsAt: apiTime(scope.endsAt),
        status: scope.status,
        council: { slug: scope.councilSlug, nameFi: scope.councilNameFi, nameSv: scope.councilNameSv, nameEn: scope.councilNameEn },
        language: scope.councilLanguages[0] ?? 'fi',
        url: base,
      },
      agenda: {
        publishedAt: apiTime(scope.agendaPublishedAt),
        pdfUrl: `${base}/agenda.pdf`,
        items: agenda.map((item) => {
          const d = decisions.get(item.id);
          return {
            number: item.number,
            position: item.position,
            title: item.title,
            publicity: item.publicity,
            withheldReason: item.withheldReason,
            /** Issue 14.4: when the item's personal-data part left the web (body, proposal, decision and attachments then absent). */
            personalDataRemovedAt: item.webRemovedNever ? apiTime(scope.agendaPublishedAt) : apiTime(item.webRemovedAt),
            presenter: item.presenter,
            body: item.body,
            proposal: item.proposal,
            decision: d && !d.withheld ? { outcome: d.outcome, text: d.decision, votes: d.votes } : null,
            attachments: item.attachments.map((a) => ({
              title: a.title,
              filename: a.filename,
              mediaType: a.mediaType,
              sizeBytes: a.sizeBytes,
              url: absoluteUrl(request, `/attachments/${a.id}`),
            })),
          };
        }),
      },
      voteEvents: meetingVoteEvents(agenda, decisions, base),
      votesCsvUrl: `${base}/votes.csv`,
      minutes: minutes
        ? {
            kind: minutes.version.kind,
            version: minutes.version.versionNo,
            status: minutes.version.status,
            openedAt: apiTime(minutes.version.openedAt),
            closedAt: apiTime(minutes.version.closedAt),
            approvedAt: apiTime(minutes.version.approvedAt),
            approvalMethod: minutes.version.approvalMethod,
            publishedAt: apiTime(minutes.version.publishedAt),
            correctionNote: minutes.version.correctionNote,
            url: `${base}/minutes`,
            pdfUrl: `${base}/minutes.pdf?version=${minutes.version.versionNo}`,
            checkers: minutes.checkers.map((c) => ({ name: c.name, confirmedAt: apiTime(c.confirmedAt) })),
            versions: minutes.history.map((v) => ({
              version: v.versionNo,
              publishedAt: apiTime(v.publishedAt),
              correctionNote: v.correctionNote,
              url: `${base}/minutes?version=${v.versionNo}`,
            })),
          }
        : null,
    },
    { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60' } },
  );
}
