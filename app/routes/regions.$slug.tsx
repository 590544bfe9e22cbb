import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { localized } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';
import { getRegionWithCouncils } from '~/models/portal.server';
import type { CouncilKind, CouncilOrigin } from '~db/schema';

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.region.nameFi} – Neuvos` },
        { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', title: data.region.nameFi, href: `/regions/${data.region.slug}/feed.xml` },
      ]
    : [{ title: 'Neuvos' }];

const ORIGINS: CouncilOrigin[] = ['ngo_led', 'county_established'];

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getRegionWithCouncils(params.slug ?? '');
  if (!found) throw new Response('Not found', { status: 404 });
  return json(found);
}

/** A region: its councils grouped by origin and kind. */
export default function RegionPage() {
  const { region, councils } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(region, 'name', locale);
  return (
    <article>
      <h1 lang={name.lang !== locale ? name.lang : undefined}>{name.text}</h1>
      <p className="muted">
        {t('portal.region.municipalities', { count: region.municipalityCount })}
        {region.bilingual ? ` · ${t('portal.region.bilingual')}` : ''}
      </p>
      <h2>{t('portal.region.councils')}</h2>
      {councils.length === 0 ? <p className="muted">{t('portal.region.none')}</p> : null}
      {ORIGINS.map((origin) => {
        const inOrigin = councils.filter((c) => c.origin === origin);
        if (inOrigin.length === 0) return null;
        const kinds = [...new Set(inOrigin.map((c) => c.kind))] as CouncilKind[];
        return (
          <section key={origin} aria-labelledby={`origin-${origin}`}>
            <h3 id={`origin-${origin}`}>{t(`origins.${origin}`)}</h3>
            {kinds.map((kind) => (
              <div key={kind}>
                <h4>{t(`kinds.${kind}`)}</h4>
                <ul>
                  {inOrigin
                    .filter((c) => c.kind === kind)
                    .map((c) => {
                      const cn = localized(c, 'name', locale);
                      return (
                        <li key={c.id}>
                          <Link to={`/councils/${c.slug}`} lang={cn.lang !== locale ? cn.lang : undefined}>
                            {cn.text}
                          </Link>
                        </li>
                      );
                    })}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
      <p>
        <a href={`/regions/${region.slug}/feed.xml`}>{t('portal.region.feed')}</a>
      </p>
    </article>
  );
}
