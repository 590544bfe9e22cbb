import { useTranslation } from 'react-i18next';
import { formatDate } from '~/lib/dates';
import type { Locale } from '~/lib/i18n';
import { INFLUENCE_COLUMNS, influenceRows } from '~/lib/influence-counts';
import type { ReportFigures } from '~/models/reports.server';

function formatDecimal(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : `${locale}-FI`, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

const percent = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);

/**
 * The generated part of an annual report: meetings, attendance, composition and its changes,
 * main decisions, statements with responses, and the action plan's outcome action by action.
 */
export function ReportFiguresView({ figures, locale }: { figures: ReportFigures; locale: Locale }) {
  const { t } = useTranslation();
  const f = figures;
  const date = (d: string | null) => (d ? formatDate(d, locale) : '–');
  const influence = influenceRows(f.statements.influence);
  return (
    <div className="plans-report">
      <section aria-labelledby="report-meetings">
        <h2 id="report-meetings">{t('plans.report.figures.meetings')}</h2>
        <p>{t('plans.report.figures.meetingsHeld', { count: f.meetings.held })}</p>
        {f.meetings.list.length > 0 ? (
          <table>
            <caption>{t('plans.report.figures.meetingsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.report.figures.date')}</th>
                <th scope="col">{t('plans.report.figures.meeting')}</th>
                <th scope="col">{t('plans.report.figures.present')}</th>
              </tr>
            </thead>
            <tbody>
              {f.meetings.list.map((m) => (
                <tr key={m.id}>
                  <td>
                    <time dateTime={m.date}>{date(m.date)}</time>
                  </td>
                  <th scope="row">{m.title}</th>
                  <td>{m.present ?? <span className="muted">{t('plans.report.figures.minutesNotPublished')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="report-attendance">
        <h2 id="report-attendance">{t('plans.report.figures.attendance')}</h2>
        {f.attendance.overall.recorded === 0 ? (
          <p className="muted">{t('plans.report.figures.none')}</p>
        ) : (
          <>
            <p>
              {t('plans.report.figures.overall', {
                present: f.attendance.overall.present,
                recorded: f.attendance.overall.recorded,
                rate: percent(f.attendance.overall.rate),
                average: formatDecimal(f.attendance.overall.averagePresent ?? 0, locale),
              })}
            </p>
            <table>
              <caption>{t('plans.report.figures.attendanceCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.report.figures.name')}</th>
                  <th scope="col">{t('plans.report.figures.role')}</th>
                  <th scope="col">{t('plans.report.figures.attended')}</th>
                  <th scope="col">{t('plans.report.figures.recorded')}</th>
                </tr>
              </thead>
              <tbody>
                {f.attendance.perPerson.map((p) => (
                  <tr key={p.personId}>
                    <th scope="row">{p.name}</th>
                    <td>{t(`plans.report.attendanceRoles.${p.role}`)}</td>
                    <td>{p.present}</td>
                    <td>{p.recorded}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="report-composition">
        <h2 id="report-composition">{t('plans.report.figures.composition')}</h2>
        <table>
          <caption>{t('plans.report.figures.membersCaption', { year: f.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.report.figures.name')}</th>
              <th scope="col">{t('plans.report.figures.role')}</th>
              <th scope="col">{t('plans.report.figures.organisation')}</th>
              <th scope="col">{t('plans.report.figures.period')}</th>
            </tr>
          </thead>
          <tbody>
            {f.composition.members.map((m) => (
              <tr key={m.membershipId}>
                <th scope="row">{m.name}</th>
                <td>{t(`roles.${m.role}`)}</td>
                <td>{m.organisation ?? ''}</td>
                <td>
                  {date(m.startDate)}–{m.endDate ? date(m.endDate) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('plans.report.figures.changes')}</h3>
        {f.composition.changes.length === 0 ? (
          <p>{t('plans.report.figures.noChanges')}</p>
        ) : (
          <>
            <p>{t('plans.report.figures.changeSummary', { joined: f.composition.joined, left: f.composition.left })}</p>
            <table>
              <caption>{t('plans.report.figures.changesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.report.figures.date')}</th>
                  <th scope="col">{t('plans.report.figures.change')}</th>
                  <th scope="col">{t('plans.report.figures.name')}</th>
                  <th scope="col">{t('plans.report.figures.role')}</th>
                </tr>
              </thead>
              <tbody>
                {f.composition.changes.map((c) => (
                  <tr key={`${c.membershipId}-${c.kind}`}>
                    <td>
                      <time dateTime={c.date}>{date(c.date)}</time>
                    </td>
                    <td>{t(`plans.report.figures.${c.kind}`)}</td>
                    <th scope="row">{c.name}</th>
                    <td>{t(`roles.${c.role}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="report-decisions">
        <h2 id="report-decisions">{t('plans.report.figures.decisions')}</h2>
        <p>{t('plans.report.figures.decisionsTotal', { count: f.decisions.total })}</p>
        {f.decisions.main.length > 0 ? (
          <table>
            <caption>{t('plans.report.figures.decisionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.report.figures.date')}</th>
                <th scope="col">{t('plans.report.figures.item')}</th>
                <th scope="col">{t('plans.report.figures.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {f.decisions.main.map((d, i) => (
                <tr key={`${d.meetingId}-${i}`}>
                  <td>
                    <time dateTime={d.meetingDate}>{date(d.meetingDate)}</time>
                  </td>
                  <th scope="row">
                    {d.section ? `${d.section} ` : ''}
                    {d.itemTitle}
                  </th>
                  <td>
                    {d.decision ?? ''} <span className="badge">{t(`plans.report.outcomes.${d.outcome}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="report-statements">
        <h2 id="report-statements">{t('plans.report.figures.statements')}</h2>
        {f.statements.list.length === 0 ? (
          <p className="muted">{t('plans.report.figures.none')}</p>
        ) : (
          <table>
            <caption>{t('plans.report.figures.statementsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.report.figures.date')}</th>
                <th scope="col">{t('plans.statements.fields.title')}</th>
                <th scope="col">{t('plans.report.figures.response')}</th>
              </tr>
            </thead>
            <tbody>
              {f.statements.list.map((s) => (
                <tr key={s.id}>
                  <td>
                    <time dateTime={s.issuedOn ?? undefined}>{date(s.issuedOn)}</time>
                  </td>
                  <th scope="row">
                    <span className="badge">{t(`plans.statements.types.${s.type}`)}</span> {s.title}
                    <br />
                    <span className="muted">{s.recipient}</span>
                  </th>
                  <td>
                    {s.response ? (
                      <>
                        {s.responseDate ? <time dateTime={s.responseDate}>{date(s.responseDate)}: </time> : null}
                        {s.response}
                      </>
                    ) : (
                      <span className="muted">{t('plans.report.figures.noResponse')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {influence.length > 0 ? (
          <>
            <h3 id="report-influence">{t('plans.report.figures.influence')}</h3>
            <table aria-describedby="report-influence">
              <caption>{t('plans.report.figures.influenceCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.report.figures.type')}</th>
                  {INFLUENCE_COLUMNS.map((c) => (
                    <th scope="col" key={c}>
                      {t(`plans.statements.outcomes.${c}`)}
                    </th>
                  ))}
                  <th scope="col">{t('plans.report.figures.total')}</th>
                </tr>
              </thead>
              <tbody>
                {influence.map((r) => (
                  <tr key={r.type}>
                    <th scope="row">{r.type === 'total' ? t('plans.report.figures.total') : t(`plans.statements.types.${r.type}`)}</th>
                    {r.counts.map((n, i) => (
                      <td key={INFLUENCE_COLUMNS[i]} data-outcome={INFLUENCE_COLUMNS[i]}>
                        {n}
                      </td>
                    ))}
                    <td>{r.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </section>

      <section aria-labelledby="report-plan">
        <h2 id="report-plan">{t('plans.report.figures.plan')}</h2>
        {!f.plan ? (
          <p className="muted">{t('plans.report.figures.noPlan')}</p>
        ) : (
          <table>
            <caption>{t('plans.report.figures.planCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.report.figures.goal')}</th>
                <th scope="col">{t('plans.report.figures.action')}</th>
                <th scope="col">{t('plans.report.figures.owner')}</th>
                <th scope="col">{t('plans.report.figures.status')}</th>
              </tr>
            </thead>
            <tbody>
              {f.plan.actions.map((a, i) => (
                <tr key={i}>
                  <td>{a.goal}</td>
                  <th scope="row">
                    {a.title}
                    {a.outcome ? <p className="plans-cell-note">{a.outcome}</p> : null}
                  </th>
                  <td>{a.owner ?? '–'}</td>
                  <td>{t(`plans.actionStatuses.${a.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
