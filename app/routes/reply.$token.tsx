import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getAuth, requireSameOrigin } from '~/auth/session.server';
import { formatMeetingTime } from '~/lib/dates';
import { localized } from '~/lib/i18n';
import { absoluteUrl } from '~/lib/url.server';
import { useLocale } from '~/lib/use-locale';
import { getReplyContext, replyRefusal, replyWithToken, type ReplyRefusal } from '~/models/invitations.server';
import { replySchema } from '~/validation/calendar';
import { readForm } from '~/lib/http/body.server';

export const meta: MetaFunction = () => [{ title: 'Neuvos' }, { name: 'robots', content: 'noindex' }];

// The token is in the URL: keep it out of caches and out of Referer headers.
const HEADERS = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
const STATUS: Record<ReplyRefusal, number> = { not_found: 404, other_person: 403, over: 410, cancelled: 410 };

type Refused = { state: 'refused'; reason: ReplyRefusal };

/** Shows the meeting and two buttons; reading the link never changes anything. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await getReplyContext(params.token ?? '');
  if (!context) return json<Refused>({ state: 'refused', reason: 'not_found' }, { status: 404, headers: HEADERS });
  const auth = await getAuth(request);
  const refusal = replyRefusal(context, auth.user ? { personId: auth.user.personId } : null, new Date());
  if (refusal) return json<Refused>({ state: 'refused', reason: refusal }, { status: STATUS[refusal], headers: HEADERS });
  return json(
    {
      state: 'open' as const,
      name: context.givenName,
      kind: context.kind,
      asked: context.askedToSubstituteAt !== null,
      reply: context.reply,
      meeting: {
        title: context.title,
        startsAt: context.startsAt,
        endsAt: context.endsAt,
        meetingType: context.meetingType,
        address: context.address,
        room: context.room,
        council: { nameFi: context.councilNameFi, nameSv: context.councilNameSv, nameEn: context.councilNameEn },
      },
    },
    { headers: HEADERS },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = parseWithZod(await readForm(request), { schema: replySchema });
  if (submission.status !== 'success') return json({ state: 'invalid' as const }, { status: 400, headers: HEADERS });
  const auth = await getAuth(request);
  const result = await replyWithToken(
    params.token ?? '',
    submission.value.reply,
    auth.user ? { personId: auth.user.personId } : null,
    auth.user ? auth.actor : { ...auth.actor, label: 'reply link' },
    { baseUrl: absoluteUrl(request, '') },
  );
  if (!result.ok) return json<Refused>({ state: 'refused', reason: result.reason }, { status: STATUS[result.reason], headers: HEADERS });
  return json({ state: 'saved' as const, reply: result.reply, deputiesAsked: result.deputiesAsked }, { headers: HEADERS });
}

function RefusedPage({ reason }: { reason: ReplyRefusal }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="reply-title">
      <h1 id="reply-title">{t(`calendar.reply.refused.${reason}`)}</h1>
      <p role="alert">{t(`calendar.reply.refused.${reason}Text`)}</p>
    </section>
  );
}

export default function ReplyPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  if (actionData?.state === 'refused') return <RefusedPage reason={actionData.reason} />;
  if (data.state === 'refused') return <RefusedPage reason={data.reason} />;
  const council = localized(data.meeting.council, 'name', locale);
  const place = [data.meeting.address, data.meeting.room].filter(Boolean).join(', ');
  return (
    <section aria-labelledby="reply-title">
      <h1 id="reply-title">{t('calendar.reply.title')}</h1>
      {actionData?.state === 'saved' ? (
        <p role="status" className="notice">
          {t('calendar.reply.thanks', { reply: t(`calendar.replies.${actionData.reply}`) })}
          {actionData.deputiesAsked > 0 ? ` ${t('calendar.reply.deputyAsked')}` : ''}
        </p>
      ) : null}
      <p>{t('calendar.reply.greeting', { name: data.name })}</p>
      <dl className="facts">
        <dt>{t('meetings.council')}</dt>
        <dd lang={council.lang !== locale ? council.lang : undefined}>{council.text}</dd>
        <dt>{t('calendar.fields.title')}</dt>
        <dd>{data.meeting.title}</dd>
        <dt>{t('meetings.when')}</dt>
        <dd>
          <time dateTime={data.meeting.startsAt}>{formatMeetingTime(data.meeting.startsAt, data.meeting.endsAt, locale)}</time>
        </dd>
        <dt>{t('meetings.where')}</dt>
        <dd>
          {t(`meetings.${data.meeting.meetingType}`)}
          {place ? `: ${place}` : ''}
        </dd>
      </dl>
      {data.kind === 'deputy' ? <p>{t(data.asked ? 'calendar.reply.asked' : 'calendar.reply.asDeputy')}</p> : null}
      {data.reply && actionData?.state !== 'saved' ? <p>{t('calendar.reply.current', { reply: t(`calendar.replies.${data.reply}`) })}</p> : null}
      <Form method="post" className="button-row" aria-labelledby="reply-question">
        <p id="reply-question">{t('calendar.reply.question')}</p>
        <button type="submit" name="reply" value="attending">{t('calendar.reply.attend')}</button>{' '}
        <button type="submit" name="reply" value="not_attending" className="secondary">{t('calendar.reply.decline')}</button>
      </Form>
    </section>
  );
}
