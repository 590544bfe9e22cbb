import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiError } from '~/lib/http.server';
import { meetingNumberText } from '~/lib/meeting-lifecycle';
import { absoluteUrl } from '~/lib/url.server';
import { councilLanguage, getPublicAgenda, getPublicMeeting, isUuid } from '~/models/agendas.server';
import { mattersOfItems } from '~/models/matters.server';
import { apiTime, getPublishedMinutes } from '~/models/minutes.server';
import { latestFingerprint } from '~/models/fingerprints.server';
import { meetingVoteEvents } from '~/lib/votes';
import i18nServer from '~/i18n.server';
import { isLocale, langTexts, pickLang } from '~/lib/i18n';

/**
 * GET /api/v1/meetings/{id}: a public meeting's published agenda items (number, title, publicity,
 * body where public, decision where the minutes are published) and its minutes metadata.
 * Closed meetings, members-only councils and unpublished agendas are 404 like unknown ids.
 * Texts are given in the reader's language (`?lng=fi|sv|en`, else the language cookie, else Finnish)
 * with the Finnish text where there is no version in it, and every version beside as `{fi, sv, en}`.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isUuid(params.meetingId)) return apiError(400, 'the meeting id must be a UUID');
  const scope = await getPublicMeeting(params.meetingId);
  if (!scope) return apiError(404, 'no such public meeting with a published agenda');
  const [agenda, minutes] = await Promise.all([getPublicAgenda(scope.meetingId), getPublishedMinutes(scope.meetingId)]);
  const pdfSha256 = minutes ? await latestFingerprint(scope.meetingId, 'minutes', minutes.version.versionNo, councilLanguage(scope)) : null;
  const matters = await mattersOfItems(agenda.filter((i) => !i.withheld).map((i) => i.id));
  const base = absoluteUrl(request, `/meetings/${scope.meetingId}`);
  const decisions = new Map((minutes?.items ?? []).map((i) => [i.id, i]));
  const chosen = await i18nServer.getLocale(request);
  const lang = isLocale(chosen) ? chosen : 'fi';
  const pick = (texts: Parameters<typeof pickLang>[0], fiText: string | null) => pickLang(texts, lang)?.text ?? fiText;
  const meetingTitles = langTexts(scope, 'title');
  return json(
    {
      lang,
      meeting: {
        id: scope.meetingId,
        title: pick(meetingTitles, scope.title),
        titles: meetingTitles,
        number: meetingNumberText(scope.meetingNo, scope.startsAt),
        startsAt: apiTime(scope.startsAt),
        endsAt: apiTime(scope.endsAt),
        status: scope.status,
        council: { slug: scope.councilSlug, nameFi: scope.councilNameFi, nameSv: scope.councilNameSv, nameEn: scope.councilNameEn },
        language: scope.councilLanguages[0] ?? 'fi',
        languages: scope.councilLanguages,
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
            title: pick(item.titles, item.title),
            titles: item.titles,
            publicity: item.publicity,
            withheldReason: item.withheldReason,
            /** Issue 14.4: when the item's personal-data part left the web (body, proposal, decision and attachments then absent). */
            personalDataRemovedAt: item.webRemovedNever ? apiTime(scope.agendaPublishedAt) : apiTime(item.webRemovedAt),
            presenter: item.presenter,
            plainSummary: pick(item.plainSummaries, null),
            plainSummaries: item.plainSummaries,
            body: pick(item.bodies, item.body),
            bodies: item.bodies,
            proposal: pick(item.proposals, item.proposal),
            proposals: item.proposals,
            decision:
              d && !d.withheld
                ? { outcome: d.outcome, text: pick(d.decisions, d.decision), texts: d.decisions, votes: d.votes }
                : null,
            /** The matter (asia) the item belongs to, with its diary number and handling history page. */
            matter: matters[item.id]
              ? { title: matters[item.id]!.title, diaryNumber: matters[item.id]!.diaryNumber, url: absoluteUrl(request, `/councils/${scope.councilSlug}/matters/${matters[item.id]!.id}`) }
              : null,
            extractUrl: d && !d.withheld ? `${base}/items/${item.id}/extract` : null,
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
            pdfSha256,
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
