import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { councilsOf } from '~/auth/permissions';
import { requireUser } from '~/auth/session.server';
import { CalendarList, type ListMeeting } from '~/components/calendar-list';
import { CalendarMonth, monthBounds, monthOf } from '~/components/calendar-month';
import { localized } from '~/lib/i18n';
import { getT } from '~/lib/t.server';
import { absoluteUrl } from '~/lib/url.server';
import { useLocale } from '~/lib/use-locale';
import { replyInApp } from '~/models/invitations.server';
import { listMyMeetings } from '~/models/meetings.server';
import { appReplySchema, parseMonthParam } from '~/validation/calendar';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

const DAY_MS = 86_400_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, principal } = await requireUser(request);
  const url = new URL(request.url);
  const now = new Date();
  const month = parseMonthParam(url.searchParams.get('month'));
  const view = url.searchParams.get('view') === 'month' || month ? 'month' : 'list';
  const shown = month ?? monthOf(now);
  const range = view === 'month' ? monthBounds(shown) : { from: now, to: new Date(now.getTime() + 366 * DAY_MS) };
  const meetings = await listMyMeetings(councilsOf(principal), user.personId, range);
  return json(
    {
      view,
      month: shown,
      now: now.toISOString(),
      // The online link is for those invited, and only while the meeting is on.
      meetings: meetings.map((m) => ({ ...m, onlineUrl: m.inviteeKind && m.status !== 'cancelled' ? m.onlineUrl : null })),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireUser(request);
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: appReplySchema });
  if (submission.status !== 'success') return json({ ok: false, message: t('calendar.errors.replyRequired') }, { status: 400 });
  if (!user.personId) return json({ ok: false, message: t('calendar.errors.notInvited') }, { status: 404 });
  const result = await replyInApp(submission.value.meetingId, user.personId, submission.value.reply, actor, { baseUrl: absoluteUrl(request, '') });
  if (!result.ok) {
    const message = result.reason === 'not_found' ? t('calendar.errors.notInvited') : t(`calendar.reply.refused.${result.reason}Text`);
    return json({ ok: false, message }, { status: result.reason === 'not_found' ? 404 : 409 });
  }
  const deputy = result.deputiesAsked > 0 ? ` ${t('calendar.my.deputyAsked')}` : '';
  return json({ ok: true, message: t('calendar.my.saved') + deputy });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['meetings'][number];

function ReplyCell({ meeting, now }: { meeting: Row; now: string }) {
  const { t } = useTranslation();
  if (!meeting.inviteeKind) return null;
  const open = meeting.status === 'invited' && new Date(meeting.startsAt).getTime() > new Date(now).getTime();
  return (
    <>
      {meeting.inviteeKind === 'deputy' ? <span className="badge">{t('calendar.my.asDeputy')}</span> : null}
      {meeting.askedToSubstituteAt ? <p>{t('calendar.my.asked')}</p> : null}
      <p>{t('calendar.my.yourReply', { reply: t(`calendar.replies.${meeting.reply ?? 'none'}`) })}</p>
      {open ? (
        <Form method="post" className="button-row" aria-label={`${t('calendar.my.reply')}: ${meeting.title}`}>
          <input type="hidden" name="meetingId" value={meeting.id} />
          <button type="submit" name="reply" value="attending" aria-pressed={meeting.reply === 'attending'}>
            {t('calendar.my.attend')}
          </button>{' '}
          <button type="submit" name="reply" value="not_attending" className="secondary" aria-pressed={meeting.reply === 'not_attending'}>
            {t('calendar.my.decline')}
          </button>
        </Form>
      ) : null}
      {meeting.onlineUrl ? (
        <p>
          <a href={meeting.onlineUrl} rel="noreferrer">{t('calendar.my.onlineLink')}</a>
        </p>
      ) : null}
    </>
  );
}

export default function MyMeetingsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const rows: Array<ListMeeting & Row> = data.meetings.map((m) => ({
    ...m,
    councilName: localized({ nameFi: m.councilNameFi, nameSv: m.councilNameSv, nameEn: m.councilNameEn }, 'name', locale),
  }));
  return (
    <>
      <h1>{t('calendar.my.title')}</h1>
      {actionData ? (
        <p role={actionData.ok ? 'status' : 'alert'} className={actionData.ok ? undefined : 'error-text'}>
          {actionData.message}
        </p>
      ) : null}
      <nav aria-label={t('calendar.list.views')}>
        <ul className="pager">
          <li><Link to="/my/meetings" aria-current={data.view === 'list' ? 'page' : undefined}>{t('calendar.list.listView')}</Link></li>
          <li><Link to={`/my/meetings?view=month&month=${data.month}`} aria-current={data.view === 'month' ? 'page' : undefined}>{t('calendar.list.monthView')}</Link></li>
          <li><Link to="/my/calendar">{t('calendar.my.feedLink')}</Link></li>
        </ul>
      </nav>
      {data.view === 'month' ? (
        <CalendarMonth month={data.month} meetings={rows} now={data.now} hrefFor={(m) => `/meetings/${m.id}`} monthHref={(m) => `/my/meetings?view=month&month=${m}`} />
      ) : (
        <CalendarList
          meetings={rows}
          caption={t('calendar.my.upcoming')}
          hrefFor={(m) => `/meetings/${m.id}`}
          actionsLabel={t('calendar.my.reply')}
          now={data.now}
          actions={(m) => <ReplyCell meeting={m as Row} now={data.now} />}
        />
      )}
    </>
  );
}
