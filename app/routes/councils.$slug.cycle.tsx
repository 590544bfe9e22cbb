import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { YearWheel, toWheelEvents } from '~/components/year-wheel';
import { todayInHelsinki } from '~/lib/dates';
import { notFound } from '~/lib/http.server';
import { localized } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';
import { getCouncilBySlug } from '~/models/councils.server';
import { buildYearEvents, listMilestones, listYearMeetings } from '~/models/cycle.server';
import { parseYearParam } from '~/validation/plans';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.council.nameFi} – Neuvos` : 'Neuvos' }];

/** The annual cycle of a public council with its public meetings of the year. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found || found.council.publicityDefault !== 'public') notFound();
  const { council } = found;
  const thisYear = Number(todayInHelsinki().slice(0, 4));
  const year = parseYearParam(new URL(request.url).searchParams.get('year') ?? undefined) ?? thisYear;
  const [milestones, meetings] = await Promise.all([listMilestones(council.id, council.regionId), listYearMeetings(council.id, year, { publicOnly: true })]);
  return json({
    council: { slug: council.slug, nameFi: council.nameFi, nameSv: council.nameSv, nameEn: council.nameEn },
    year,
    events: buildYearEvents(milestones, meetings, year),
  });
}

export default function PublicCycle() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(data.council, 'name', locale);
  const base = `/councils/${data.council.slug}/cycle`;
  return (
    <article>
      <p className="muted">
        <Link to={`/councils/${data.council.slug}`} lang={name.lang !== locale ? name.lang : undefined}>
          {name.text}
        </Link>
      </p>
      <h1>{t('plans.cycle.yearTitle', { year: data.year })}</h1>
      <p className="lead">{t('plans.cycle.intro')}</p>
      <nav aria-label={t('plans.cycle.yearNav')}>
        <ul className="pager">
          <li>
            <Link to={`${base}?year=${data.year - 1}`}>{t('plans.cycle.previousYear')}</Link>
          </li>
          <li>
            <Link to={`${base}?year=${data.year + 1}`}>{t('plans.cycle.nextYear')}</Link>
          </li>
        </ul>
      </nav>
      <YearWheel year={data.year} events={toWheelEvents(data.events, locale)} locale={locale} />
    </article>
  );
}
