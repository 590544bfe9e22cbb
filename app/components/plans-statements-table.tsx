import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '~/lib/dates';
import { langTexts, type Locale } from '~/lib/i18n';
import { LangText } from '~/components/lang-text';

export interface StatementData {
  id: string;
  type: 'statement' | 'position' | 'initiative';
  issuedOn: string | null;
  recipient: string;
  title: string;
  body: string | null;
  titleSv?: string | null;
  titleEn?: string | null;
  bodySv?: string | null;
  bodyEn?: string | null;
  status: 'draft' | 'sent' | 'answered' | 'closed';
  response: string | null;
  responseDate: string | null;
  publishedAt: string | Date | null;
  itemTitle: string | null;
  itemSection: number | null;
  meetingStartsAt: string | Date | null;
}

/** The register of statements, positions and initiatives with the county's responses. */
export function StatementsTable({
  statements,
  locale,
  editHref,
  showPublicity = false,
}: {
  statements: StatementData[];
  locale: Locale;
  /** When given, each row links to its edit form. */
  editHref?: (id: string) => string;
  showPublicity?: boolean;
}) {
  const { t } = useTranslation();
  const date = (d: string | null) => (d ? formatDate(d, locale) : '–');
  return (
    <table className="plans-statements">
      <caption>{t('plans.statements.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('plans.statements.fields.issuedOn')}</th>
          <th scope="col">{t('plans.statements.fields.title')}</th>
          <th scope="col">{t('plans.statements.fields.status')}</th>
          <th scope="col">{t('plans.statements.fields.response')}</th>
        </tr>
      </thead>
      <tbody>
        {statements.map((s) => (
          <tr key={s.id}>
            <td>{s.issuedOn ? <time dateTime={s.issuedOn}>{date(s.issuedOn)}</time> : '–'}</td>
            <th scope="row">
              <span className="badge">{t(`plans.statements.types.${s.type}`)}</span>{' '}
              {editHref ? (
                <Link to={editHref(s.id)}>
                  <LangText texts={langTexts(s, 'title')} fallbackText={s.title} />
                </Link>
              ) : (
                <LangText texts={langTexts(s, 'title')} fallbackText={s.title} />
              )}
              <br />
              <span className="muted">{s.recipient}</span>
              {s.itemTitle ? (
                <p className="plans-cell-note">
                  {t('plans.statements.approvedAt', {
                    item: `${s.meetingStartsAt ? `${formatDate(new Date(s.meetingStartsAt), locale)} ` : ''}${s.itemSection ? `§ ${s.itemSection} ` : ''}${s.itemTitle}`,
                  })}
                </p>
              ) : null}
              {s.body ? (
                <details>
                  <summary>{t('plans.statements.fields.body')}</summary>
                  <p className="plans-text">
                    <LangText texts={langTexts(s, 'body')} fallbackText={s.body} />
                  </p>
                </details>
              ) : null}
            </th>
            <td>
              {t(`plans.statements.statuses.${s.status}`)}
              {showPublicity && !s.publishedAt ? <span className="badge">{t('plans.statements.notPublic')}</span> : null}
            </td>
            <td>
              {s.response ? (
                <>
                  {s.responseDate ? (
                    <>
                      <time dateTime={s.responseDate}>{date(s.responseDate)}</time>:{' '}
                    </>
                  ) : null}
                  <span className="plans-text">{s.response}</span>
                </>
              ) : (
                <span className="muted">{t('plans.report.figures.noResponse')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
