import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PlanGoalsView, PlanProgressView } from '~/components/plans-view';
import { formatDate } from '~/lib/dates';
import { notFound } from '~/lib/http.server';
import { langTexts, localized, metaLocale, pickLang } from '~/lib/i18n';
import { LangText } from '~/components/lang-text';
import { useLocale } from '~/lib/use-locale';
import { getCouncilBySlug } from '~/models/councils.server';
import { getPlanDetail } from '~/models/plans.server';
import { parseYearParam } from '~/validation/plans';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? `${pickLang(data.plan.titles, metaLocale(matches))?.text ?? data.plan.title} – ${localized(data.council, 'name', metaLocale(matches)).text} – Neuvos`
      : 'Neuvos',
  },
];

/** A published action plan of a public council; drafts and approved-but-unpublished plans are 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  const year = parseYearParam(params.year);
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found || year === null || found.council.publicityDefault !== 'public') notFound();
  const detail = await getPlanDetail(found.council.id, year, { publicOnly: true });
  if (!detail) notFound();
  const { plan } = detail;
  return json({
    council: { slug: found.council.slug, nameFi: found.council.nameFi, nameSv: found.council.nameSv, nameEn: found.council.nameEn },
    year,
    plan: {
      title: plan.title,
      titles: langTexts(plan, 'title'),
      introduction: plan.introduction,
      introductions: langTexts(plan, 'introduction'),
      approvedAt: plan.approvedAt, publishedAt: plan.publishedAt },
    goals: detail.goals,
    progress: detail.progress,
  });
}

export default function PublicPlan() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(data.council, 'name', locale);
  return (
    <article>
      <p className="muted">
        <Link to={`/councils/${data.council.slug}`} lang={name.lang !== locale ? name.lang : undefined}>
          {name.text}
        </Link>
      </p>
      <h1>
        <LangText texts={data.plan.titles} fallbackText={data.plan.title} />
      </h1>
      <p className="muted">
        {data.plan.approvedAt ? t('plans.plan.approvedOn', { date: formatDate(new Date(data.plan.approvedAt), locale) }) : null}
        {data.plan.publishedAt ? ` · ${t('plans.plan.publishedOn', { date: formatDate(new Date(data.plan.publishedAt), locale) })}` : null}
      </p>
      {data.plan.introduction ? (
        <p className="lead">
          <LangText texts={data.plan.introductions} fallbackText={data.plan.introduction} />
        </p>
      ) : null}
      <PlanProgressView progress={data.progress} />
      <PlanGoalsView goals={data.goals} locale={locale} />
    </article>
  );
}
