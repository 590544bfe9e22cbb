import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDate, todayInHelsinki } from '~/lib/dates';
import { localized } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';
import { getPublicPerson } from '~/models/portal.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.name} – Neuvos` : 'Neuvos' }];

export async function loader({ params }: LoaderFunctionArgs) {
  const person = await getPublicPerson(params.personId ?? '');
  if (!person) throw new Response('Not found', { status: 404 });
  return json({ ...person, today: todayInHelsinki() });
}

/** A person's public page: their current and past seats, nothing else. */
export default function PersonPage() {
  const { name, seats, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <article>
      <h1>{name}</h1>
      <p className="muted">{t('portal.person.intro')}</p>
      <table>
        <caption>{t('portal.person.seats')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('portal.person.council')}</th>
            <th scope="col">{t('portal.person.role')}</th>
            <th scope="col">{t('portal.person.organisation')}</th>
            <th scope="col">{t('portal.person.term')}</th>
            <th scope="col">{t('portal.person.period')}</th>
          </tr>
        </thead>
        <tbody>
          {seats.map((s) => {
            const cn = localized({ nameFi: s.councilNameFi, nameSv: s.councilNameSv, nameEn: s.councilNameEn }, 'name', locale);
            const current = s.startDate <= today && (!s.endDate || s.endDate >= today);
            return (
              <tr key={s.id}>
                <td>
                  <Link to={`/councils/${s.councilSlug}`} lang={cn.lang !== locale ? cn.lang : undefined}>
                    {cn.text}
                  </Link>
                </td>
                <td>
                  {t(`roles.${s.role}`)}
                  {current ? <span className="badge">{t('portal.person.current')}</span> : null}
                </td>
                <td>{s.organisation ?? '–'}</td>
                <td>{s.termName}</td>
                <td>
                  {formatDate(s.startDate, locale)}–{s.endDate ? formatDate(s.endDate, locale) : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
