import { useTranslation } from 'react-i18next';
import { LangHtml, LangText } from '~/components/lang-text';
import type { LangTexts, Locale } from '~/lib/i18n';
import { formatDate } from '~/lib/dates';

type Publicity = 'public' | 'members_only' | 'confidential';

/** One agenda item as any view shows it; withheld items come from the server without content. */
export interface RecordItemProps {
  id: string;
  number: string | null;
  title: string;
  publicity: Publicity;
  /** True in the public view for items that are not public: only number, title and reason exist. */
  withheld?: boolean;
  withheldReason: string | null;
  presenter: string | null;
  bodyHtml: string | null;
  proposalHtml: string | null;
  attachments?: Array<{ id: string; title: string; filename: string; sizeBytes: number; publicity?: Publicity }>;
  outcome?: string | null;
  discussionHtml?: string | null;
  decisionHtml?: string | null;
  votes?: { for: number; against: number; abstain: number } | null;
  /** A vote by name: names and options only. */
  rollCall?: Array<{ voterId: string; name: string; option: string }>;
  recusals?: string[];
  /** Per-language versions (issue #14): the reader's language is shown, else the Finnish text marked. */
  titles?: LangTexts;
  bodyHtmls?: LangTexts;
  proposalHtmls?: LangTexts;
  decisionHtmls?: LangTexts;
  plainSummaryHtmls?: LangTexts;
  /** Public view (issue 14.4): the personal-data part left the web on this date. */
  webRemovedAt?: string | Date | null;
  /** Public view: special categories or criminal records, never on the web. */
  webRemovedNever?: boolean;
  /** Members' view: the web copy lost this item's personal data on this date (special classes: never on the web). */
  webCopyRemovedAt?: string | Date | null;
  /** Minutes: the appeal notice under the decision (the council's template), or null. */
  appealNotice?: string | null;
}

function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Sanitised HTML from the server (renderMarkdown); never raw user input. */
function Html({ html, className }: { html: string; className?: string }) {
  return <div className={className ?? 'records-text'} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** An agenda or minutes item: number, title, publicity, texts, attachments and (for minutes) the decision. */
export function RecordsItem({ item, showMinutes = false }: { item: RecordItemProps; showMinutes?: boolean }) {
  const { t, i18n } = useTranslation();
  const headingId = `item-${item.id}`;
  return (
    <section className="records-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {item.number ? <span className="records-number">{item.number}</span> : null} <LangText texts={item.titles} fallbackText={item.title} />
        {item.publicity !== 'public' ? <span className="badge">{t(`records.publicity.${item.publicity}`)}</span> : null}
      </h3>
      {item.withheld ? (
        <p className="records-withheld">
          <strong>{t('records.withheld')}.</strong>{' '}
          {item.withheldReason ? `${t('records.withheldReason')}: ${item.withheldReason}` : t('records.withheldMembersOnly')}
        </p>
      ) : item.webRemovedAt || item.webRemovedNever ? (
        <>
          <p className="records-withheld">
            {item.webRemovedNever
              ? t('lifecycle.webRemovedNever')
              : t('lifecycle.webRemoved', { date: formatDate(item.webRemovedAt!, (i18n.language as Locale) ?? 'fi') })}
          </p>
          {showMinutes && item.votes ? (
            <p>
              <strong>{t('records.votes')}:</strong> {t('records.votesLine', item.votes)}
            </p>
          ) : null}
          {showMinutes && item.appealNotice ? <AppealNotice text={item.appealNotice} /> : null}
        </>
      ) : (
        <>
          {item.webCopyRemovedAt ? (
            <p className="muted">
              {t('lifecycle.webCopyRemoved', { date: formatDate(item.webCopyRemovedAt, (i18n.language as Locale) ?? 'fi') })}
            </p>
          ) : null}
          {item.publicity === 'confidential' && item.withheldReason ? (
            <p className="muted">
              {t('records.withheldReason')}: {item.withheldReason}
            </p>
          ) : null}
          {item.presenter ? (
            <p className="muted">
              {t('records.presenter')}: {item.presenter}
            </p>
          ) : null}
          {item.plainSummaryHtmls && Object.values(item.plainSummaryHtmls).some(Boolean) ? (
            <div className="records-plain-summary">
              <h4>{t('content.plainSummary')}</h4>
              <LangHtml htmls={item.plainSummaryHtmls} />
            </div>
          ) : null}
          {item.bodyHtmls ? <LangHtml htmls={item.bodyHtmls} /> : item.bodyHtml ? <Html html={item.bodyHtml} /> : null}
          {item.proposalHtml || (item.proposalHtmls && Object.values(item.proposalHtmls).some(Boolean)) ? (
            <div className="records-proposal">
              <h4>{t('records.proposal')}</h4>
              <LangHtml htmls={item.proposalHtmls} fallbackHtml={item.proposalHtml} />
            </div>
          ) : null}
          {item.attachments && item.attachments.length > 0 ? (
            <div>
              <h4>{t('records.attachments')}</h4>
              <ul>
                {item.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/attachments/${a.id}`} download={a.filename}>
                      {a.title}
                    </a>{' '}
                    <span className="muted">({fileSize(a.sizeBytes)})</span>
                    {a.publicity && a.publicity !== 'public' ? <span className="badge">{t(`records.publicity.${a.publicity}`)}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {showMinutes ? <RecordsDecision item={item} /> : null}
        </>
      )}
    </section>
  );
}

function RecordsDecision({ item }: { item: RecordItemProps }) {
  const { t } = useTranslation();
  return (
    <>
      {item.discussionHtml ? (
        <div>
          <h4>{t('records.discussion')}</h4>
          <Html html={item.discussionHtml} />
        </div>
      ) : null}
      {item.votes ? (
        <p>
          <strong>{t('records.votes')}:</strong> {t('records.votesLine', item.votes)}
        </p>
      ) : null}
      {item.rollCall && item.rollCall.length > 0 ? (
        <table className="records-roll-call" id={`vote-${item.id}`}>
          <caption>{t('records.rollCall.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('records.rollCall.voter')}</th>
              <th scope="col">{t('records.rollCall.option')}</th>
            </tr>
          </thead>
          <tbody>
            {item.rollCall.map((v) => (
              <tr key={v.voterId}>
                <th scope="row">{v.name}</th>
                <td>{t(`records.rollCall.options.${v.option}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {item.decisionHtml || (item.decisionHtmls && Object.values(item.decisionHtmls).some(Boolean)) ? (
        <div className="records-decision">
          <h4>
            {t('records.decision')}
            {item.outcome && item.outcome !== 'decided' ? <span className="badge">{t(`records.outcomes.${item.outcome}`)}</span> : null}
          </h4>
          <LangHtml htmls={item.decisionHtmls} fallbackHtml={item.decisionHtml} />
        </div>
      ) : null}
      {item.recusals && item.recusals.length > 0 ? (
        <p>
          <strong>{t('records.recusals')}:</strong> {item.recusals.join(', ')}
        </p>
      ) : null}
      {item.appealNotice ? <AppealNotice text={item.appealNotice} /> : null}
    </>
  );
}

/** The appeal notice (muutoksenhakuohje) of one decision, from the council's template. */
function AppealNotice({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <div className="records-appeal">
      <h4>{t('lifecycle.appealNotice')}</h4>
      <p style={{ whiteSpace: 'pre-line' }}>{text}</p>
    </div>
  );
}

/** The items of an agenda or minutes in order. */
export function RecordsItemList({ items, showMinutes = false }: { items: RecordItemProps[]; showMinutes?: boolean }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('records.noItems')}</p>;
  return (
    <div className="records-items">
      {items.map((item) => (
        <RecordsItem key={item.id} item={item} showMinutes={showMinutes} />
      ))}
    </div>
  );
}
