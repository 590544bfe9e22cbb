import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { clientIp, requireSameOrigin } from '~/auth/session.server';
import { SubscribeForm } from '~/components/subscribe-form';
import { translatedReply } from '~/lib/forms.server';
import { readForm } from '~/lib/http/body.server';
import { notFound } from '~/lib/http.server';
import { localized } from '~/lib/i18n';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { getCouncilBySlug } from '~/models/councils.server';
import { CONFIRM_DAYS, requestSubscription } from '~/models/subscriptions.server';
import { subscribeSchema } from '~/validation/notify';

export const meta: MetaFunction = () => [{ title: 'Neuvos' }, { name: 'robots', content: 'noindex' }];
// The answer to a post is never stored by any cache.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) =>
  actionHeaders.get('Cache-Control') ? actionHeaders : loaderHeaders;
const NO_STORE = { 'Cache-Control': 'no-store' };

async function publicCouncil(slug: string | undefined) {
  const found = await getCouncilBySlug(slug ?? '');
  if (!found || found.council.publicityDefault !== 'public') notFound();
  const { council } = found;
  return { id: council.id, slug: council.slug, nameFi: council.nameFi, nameSv: council.nameSv, nameEn: council.nameEn };
}

/** The form on its own page (the council page carries the same form). */
export async function loader({ params }: LoaderFunctionArgs) {
  const council = await publicCouncil(params.slug);
  return json({
    council: { slug: council.slug, nameFi: council.nameFi, nameSv: council.nameSv, nameEn: council.nameEn },
    days: CONFIRM_DAYS,
  });
}

/**
 * A subscription request. The answer is the same for a new, pending or active address; only a
 * malformed form or too many requests from one client say otherwise.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const council = await publicCouncil(params.slug);
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: subscribeSchema });
  if (submission.status !== 'success') {
    return json({ result: translatedReply(submission, t), sent: false }, { status: 400, headers: NO_STORE });
  }
  const { email, language, website } = submission.value;
  // A bot that filled the hidden field is told the same as anyone, and nothing is sent.
  const outcome = website
    ? 'ok'
    : await requestSubscription({ councilId: council.id, email, locale: language }, { ip: clientIp(request) });
  if (outcome === 'rate_limited') {
    return json(
      { result: translatedReply(submission, t, { formErrors: [t('notify.form.rateLimited')] }), sent: false },
      { status: 429, headers: NO_STORE },
    );
  }
  return json({ result: null, sent: true }, { headers: NO_STORE });
}

export default function SubscribePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(data.council, 'name', locale);
  return (
    <article>
      <p>
        <Link to={`/councils/${data.council.slug}`}>{t('notify.form.back')}</Link>
      </p>
      <h1 lang={name.lang !== locale ? name.lang : undefined}>{name.text}</h1>
      {actionData?.sent ? (
        <section aria-labelledby="subscribe-sent" role="status">
          <h2 id="subscribe-sent">{t('notify.form.sentTitle')}</h2>
          <p>{t('notify.form.sent', { days: data.days })}</p>
        </section>
      ) : (
        <SubscribeForm slug={data.council.slug} locale={locale} lastResult={actionData?.result} />
      )}
    </article>
  );
}
