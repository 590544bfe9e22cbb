import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { RosterView } from '~/components/roster-view';
import { TermList } from '~/components/roster-term-list';
import { formatDate } from '~/lib/dates';
import { notFound } from '~/lib/http.server';
import { localized, metaLocale } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';
import { getCouncilBySlug, getRoster, getTermForCouncil, listTerms } from '~/models/councils.server';
import { rosterDateFor } from '~/models/rosters.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${localized(data.council, 'name', metaLocale(matches)).text}: ${data.term.name} – Neuvos` : 'Neuvos' },
];

/** A term's roster as it stood at the term's end (or today): names, roles, organisations only. */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found) notFound();
  const { council } = found;
  const term = await getTermForCouncil(council.id, params.termId ?? '');
  if (!term) notFound();
  const isPublic = council.publicityDefault === 'public';
  const on = rosterDateFor(term);
  const [roster, terms] = await Promise.all([isPublic ? getRoster(term.id, on) : Promise.resolve(null), listTerms(council.id)]);
  return json({
    council: { slug: council.slug, nameFi: council.nameFi, nameSv: council.nameSv, nameEn: council.nameEn, publicityDefault: council.publicityDefault },
    term: { id: term.id, name: term.name, startDate: term.startDate, endDate: term.endDate, endNote: term.endNote },
    on,
    roster,
    terms,
  });
}

export default function PublicTermPage() {
  const { council, term, on, roster, terms } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(council, 'name', locale);
  return (
    <article>
      <p>
        <Link to={`/councils/${council.slug}`} lang={name.lang !== locale ? name.lang : undefined}>
          {name.text}
        </Link>
      </p>
      <h1>{t('roster.public.termTitle', { term: term.name })}</h1>
      <p className="lead">
        {formatDate(term.startDate, locale)} – {term.endDate ? formatDate(term.endDate, locale) : ''} {term.endNote ? `(${term.endNote})` : ''}
      </p>
      {roster ? (
        <section aria-labelledby="roster-title">
          <h2 id="roster-title">{t('roster.public.asOf', { date: formatDate(on, locale) })}</h2>
          <RosterView roster={roster} locale={locale} />
        </section>
      ) : (
        <p className="notice">{t('council.membersOnlyRecords')}</p>
      )}
      <section aria-labelledby="terms-title">
        <h2 id="terms-title">{t('roster.public.allTerms')}</h2>
        <TermList slug={council.slug} terms={terms} locale={locale} activeId={term.id} />
      </section>
    </article>
  );
}
