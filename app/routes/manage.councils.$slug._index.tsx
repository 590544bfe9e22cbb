import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { can } from '~/auth/permissions';
import { formatDate } from '~/lib/dates';
import { localized } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';
import { listTerms } from '~/models/councils.server';

export const handle = { hydrate: true };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.council.nameFi} – Neuvos` : 'Neuvos' }];

/** The secretariat's start page for one council: its facts, terms and the areas to work in. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council, region, principal, parent, children } = await requireCouncilPermission(request, params.slug, 'council.view_internal');
  const subject = { councilId: council.id, regionId: council.regionId };
  const terms = await listTerms(council.id);
  return json({
    council: { id: council.id, slug: council.slug, nameFi: council.nameFi, nameSv: council.nameSv, nameEn: council.nameEn, kind: council.kind, origin: council.origin, publicityDefault: council.publicityDefault },
    region: { nameFi: region.nameFi, nameSv: region.nameSv, nameEn: region.nameEn },
    parent,
    children,
    terms,
    may: {
      roster: can(principal, 'roster.edit', subject),
      edit: can(principal, 'council.edit', subject),
      meetings: can(principal, 'meeting.edit', subject),
      plans: can(principal, 'plan.edit', subject),
      statements: can(principal, 'statement.edit', subject),
      invite: can(principal, 'user.invite', subject),
      fees: can(principal, 'fees.manage', subject),
    },
  });
}

export default function ManageCouncilPage() {
  const { council, region, parent, children, terms, may } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(council, 'name', locale);
  const base = `/manage/councils/${council.slug}`;
  return (
    <>
      <h1 lang={name.lang !== locale ? name.lang : undefined}>{name.text}</h1>
      <p className="muted">
        {localized(region, 'name', locale).text} · {t(`kinds.${council.kind}`)} · {t(`origins.${council.origin}`)} · {t(`roster.publicity.${council.publicityDefault}`)}
        {parent ? (
          <>
            {' · '}
            {t('council.parent')}: <Link to={`/manage/councils/${parent.slug}`}>{localized(parent, 'name', locale).text}</Link>
          </>
        ) : null}
      </p>
      <nav aria-labelledby="areas-title">
        <h2 id="areas-title">{t('roster.overview.areas')}</h2>
        <ul>
          {may.roster ? (
            <>
              <li>
                <Link to={`${base}/roster`}>{t('roster.overview.roster')}</Link>
              </li>
              <li>
                <Link to={`${base}/terms/new`}>{t('roster.overview.newTerm')}</Link>
              </li>
              <li>
                <Link to={`${base}/import`}>{t('roster.overview.import')}</Link>
              </li>
              <li>
                {t('roster.overview.export')}: <a href={`${base}/export.csv`}>CSV</a>, <a href={`${base}/export.json`}>JSON</a>
              </li>
            </>
          ) : null}
          {may.edit ? (
            <li>
              <Link to={`${base}/edit`}>{t('roster.overview.edit')}</Link>
            </li>
          ) : null}
          {may.meetings ? (
            <li>
              <Link to={`${base}/meetings`}>{t('roster.overview.meetings')}</Link>
            </li>
          ) : null}
          {may.plans ? (
            <li>
              <Link to={`${base}/plans`}>{t('roster.overview.plans')}</Link>
            </li>
          ) : null}
          {may.statements ? (
            <li>
              <Link to={`${base}/statements`}>{t('roster.overview.statements')}</Link>
            </li>
          ) : null}
          {may.plans ? (
            <>
              <li>
                <Link to={`${base}/reports/${new Date().getFullYear() - 1}`}>{t('plans.nav.reports')}</Link>
              </li>
              <li>
                <Link to={`${base}/cycle`}>{t('plans.nav.cycle')}</Link>
              </li>
            </>
          ) : null}
          {may.meetings ? (
            <li>
              <Link to={`${base}/agenda-template`}>{t('roster.overview.agendaTemplate')}</Link>
            </li>
          ) : null}
          {may.invite ? (
            <li>
              <Link to={`/admin/invite?council=${council.id}`}>{t('admin.inviteFromRoster.nav')}</Link>
            </li>
          ) : null}
          {may.fees ? (
            <li>
              <Link to={`${base}/fees`}>{t('fees.nav.fees')}</Link>
            </li>
          ) : null}
          <li>
            <Link to={`/councils/${council.slug}`}>{t('roster.overview.publicPage')}</Link>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="terms-title">
        <h2 id="terms-title">{t('roster.terms.title')}</h2>
        {terms.length === 0 ? (
          <p className="muted">{t('council.noTerm')}</p>
        ) : (
          <table>
            <caption className="visually-hidden">{t('roster.terms.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roster.terms.name')}</th>
                <th scope="col">{t('roster.terms.period')}</th>
                <th scope="col">{t('roster.terms.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {terms.map((term) => (
                <tr key={term.id}>
                  <th scope="row">
                    {term.name} {term.current ? <span className="badge">{t('roster.terms.current')}</span> : null}
                  </th>
                  <td>
                    {formatDate(term.startDate, locale)} – {term.endDate ? formatDate(term.endDate, locale) : ''} {term.endNote ? <span className="muted">({term.endNote})</span> : null}
                  </td>
                  <td>
                    {may.roster ? (
                      <>
                        <Link to={`${base}/roster?term=${term.id}`}>{t('roster.overview.roster')}</Link> · <Link to={`${base}/terms/${term.id}`}>{t('roster.terms.plan')}</Link>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {children.length > 0 ? (
        <section aria-labelledby="sub-title">
          <h2 id="sub-title">{t('council.subBodies')}</h2>
          <ul>
            {children.map((c) => (
              <li key={c.slug}>
                <Link to={`/manage/councils/${c.slug}`}>{localized(c, 'name', locale).text}</Link> <span className="badge">{t(`kinds.${c.kind}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
