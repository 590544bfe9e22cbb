import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '~/models/rosters.server';

/** Every row of an uploaded roster CSV with what will happen to it and what is wrong with it. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const problem = (p: { column: string; key: string; params?: Record<string, string | number> }, row: number) =>
    p.column ? t('roster.import.problemAt', { row, column: p.column, message: t(p.key, p.params) }) : t('roster.import.problemAtRow', { row, message: t(p.key, p.params) });
  return (
    <>
      <p role="status" className={preview.ok ? undefined : 'notice'}>
        {preview.ok
          ? t('roster.import.readyToImport', { rows: preview.counts.rows, newPeople: preview.counts.newPeople, existingPeople: preview.counts.existingPeople, newOrganisations: preview.counts.newOrganisations })
          : t('roster.import.hasProblems', { count: preview.counts.rowsWithProblems + preview.fileProblems.length })}
      </p>
      {preview.fileProblems.length > 0 ? (
        <ul className="field-errors" role="alert">
          {preview.fileProblems.map((p, i) => (
            <li key={i}>{problem(p, p.row)}</li>
          ))}
        </ul>
      ) : null}
      {preview.newCategories.length > 0 ? (
        <>
          <h3>{t('roster.import.newCategories')}</h3>
          <ul>
            {preview.newCategories.map((c) => (
              <li key={c.name}>{t('roster.import.newCategory', { name: c.name, members: c.memberSeats, deputies: c.deputySeats })}</li>
            ))}
          </ul>
        </>
      ) : null}
      <table>
        <caption>{t('roster.import.previewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roster.import.row')}</th>
            <th scope="col">{t('roster.history.person')}</th>
            <th scope="col">{t('roster.history.role')}</th>
            <th scope="col">{t('council.category')}</th>
            <th scope="col">{t('roster.assign.organisation')}</th>
            <th scope="col">{t('roster.import.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.row} className={r.problems.length > 0 ? 'has-problems' : undefined}>
              <th scope="row">{r.row}</th>
              <td>
                {r.personName}{' '}
                {r.person ? <span className="badge">{t(`roster.import.person.${r.person}`)}</span> : null}
                {r.sameAsRow ? <span className="muted"> {t('roster.import.sameAsRow', { row: r.sameAsRow })}</span> : null}
              </td>
              <td>
                {r.role ? t(`roles.${r.role}`) : (r.values.role ?? '')}
                {r.deputyOfRow ? <span className="muted"> {t('roster.import.deputyOfRow', { row: r.deputyOfRow })}</span> : null}
              </td>
              <td>
                {r.values.category ?? ''} {r.category === 'new' ? <span className="badge">{t('roster.import.new')}</span> : null}
              </td>
              <td>
                {r.values.organisation ?? ''} {r.organisation === 'new' ? <span className="badge">{t('roster.import.new')}</span> : null}
              </td>
              <td>
                {r.problems.length === 0 ? (
                  t('roster.import.ok')
                ) : (
                  <ul className="field-errors">
                    {r.problems.map((p, i) => (
                      <li key={i}>{problem(p, r.row)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
