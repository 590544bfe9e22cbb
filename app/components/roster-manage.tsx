import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react';
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorList, Field } from '~/components/form';
import { formatDate } from '~/lib/dates';
import type { Locale } from '~/lib/i18n';
import { AFFILIATIONS, END_REASONS, ROLES, type assignSchema, type endSchema } from '~/validation/roster';

export interface PickerPerson {
  id: string;
  givenName: string;
  familyName: string;
  organisationName: string | null;
}

export interface ManageMembership {
  id: string;
  role: string;
  categoryId: string | null;
  categoryName: string | null;
  seatNumber: number | null;
  personName: string;
  organisationName: string | null;
  principalId: string | null;
  principalName: string | null;
  succeedsId: string | null;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  lockVersion: number;
  personId?: string;
  /** The person's sign-in account, if any. */
  accountId?: string | null;
}

interface Duplicate {
  id: string;
  name: string;
  organisationName: string | null;
}

function Select({ meta, label, children, hint }: { meta: FieldMetadata<string | undefined>; label: string; children: React.ReactNode; hint?: string }) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="muted">
          {hint}
        </p>
      ) : null}
      <select {...getSelectProps(meta)} key={meta.key} aria-describedby={[hintId, meta.errors ? meta.errorId : undefined].filter(Boolean).join(' ') || undefined}>
        {children}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

function Duplicates({ duplicates, fieldName, meta }: { duplicates: Duplicate[]; fieldName: string; meta: FieldMetadata<boolean | undefined> }) {
  const { t } = useTranslation();
  if (duplicates.length === 0) return null;
  return (
    <div className="notice" role="alert">
      <p>{t('roster.people.duplicateIntro')}</p>
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>
            <label className="checkbox">
              <input type="radio" name={fieldName} value={d.id} /> {d.name}
              {d.organisationName ? `, ${d.organisationName}` : ''}
            </label>
          </li>
        ))}
      </ul>
      <label htmlFor={meta.id} className="checkbox">
        <input {...getInputProps(meta, { type: 'checkbox' })} key={meta.key} /> {t('roster.people.createAnyway')}
      </label>
    </div>
  );
}

const personLabel = (p: PickerPerson) => `${p.familyName}, ${p.givenName}${p.organisationName ? ` (${p.organisationName})` : ''}`;

/** Put a person on the roster: a seat, an officer role with dates, or a personal deputy. */
export function AssignForm({
  termId,
  termStart,
  people,
  categories,
  principals,
  lastResult,
  duplicates,
}: {
  termId: string;
  termStart: string;
  people: PickerPerson[];
  categories: Array<{ id: string; nameFi: string }>;
  principals: ManageMembership[];
  lastResult: SubmissionResult<string[]> | null | undefined;
  duplicates: Duplicate[];
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof assignSchema>>({ id: 'assign', lastResult, defaultValue: { termId, startDate: termStart } });
  return (
    <Form method="post" className="stack" {...getFormProps(form)} aria-labelledby="assign-title">
      <input type="hidden" name="intent" value="assign" />
      <input type="hidden" name={fields.termId.name} value={termId} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Select meta={fields.role} label={t('roster.assign.role')}>
        <option value="" />
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </Select>
      <Select meta={fields.personId} label={t('roster.assign.person')} hint={t('roster.assign.personHint')}>
        <option value="">{t('roster.assign.newPerson')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {personLabel(p)}
          </option>
        ))}
      </Select>
      <fieldset className="roster-fieldset">
        <legend>{t('roster.assign.newPersonLegend')}</legend>
        <Field meta={fields.givenName} label={t('roster.people.givenName')} autoComplete="off" />
        <Field meta={fields.familyName} label={t('roster.people.familyName')} autoComplete="off" />
        <Field meta={fields.email} label={t('roster.people.email')} type="email" autoComplete="off" />
      </fieldset>
      <Duplicates duplicates={duplicates} fieldName="useExisting" meta={fields.confirmDuplicate} />
      <Field meta={fields.organisation} label={t('roster.assign.organisation')} hint={t('roster.assign.organisationHint')} />
      <Select meta={fields.categoryId} label={t('council.category')}>
        <option value="">{t('roster.assign.noCategory')}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.nameFi}
          </option>
        ))}
      </Select>
      <Select meta={fields.principalId} label={t('roster.assign.principal')} hint={t('roster.assign.principalHint')}>
        <option value="">{t('roster.assign.noPrincipal')}</option>
        {principals.map((m) => (
          <option key={m.id} value={m.id}>
            {m.personName} – {m.categoryName ?? t(`roles.${m.role}`)}
          </option>
        ))}
      </Select>
      <Field meta={fields.seatNumber} label={t('roster.assign.seat')} type="number" hint={t('roster.assign.seatHint')} />
      <Select meta={fields.affiliation} label={t('roster.assign.affiliation')}>
        <option value="" />
        {AFFILIATIONS.map((a) => (
          <option key={a} value={a}>
            {t(`roster.affiliations.${a}`)}
          </option>
        ))}
      </Select>
      <Field meta={fields.startDate} label={t('roster.assign.startDate')} type="date" />
      <Field meta={fields.endDate} label={t('roster.assign.endDate')} type="date" />
      <div>
        <button type="submit">{t('roster.assign.submit')}</button>
      </div>
    </Form>
  );
}

/** End a membership (date, reason) and optionally appoint a successor to the same seat. */
export function EndForm({
  membership,
  deputies,
  people,
  lastResult,
  duplicates,
}: {
  membership: ManageMembership;
  deputies: ManageMembership[];
  people: PickerPerson[];
  lastResult: SubmissionResult<string[]> | null | undefined;
  duplicates: Duplicate[];
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof endSchema>>({
    id: `end-${membership.id}`,
    lastResult,
    defaultValue: { membershipId: membership.id, lockVersion: String(membership.lockVersion), repointDeputies: deputies.length > 0 ? 'on' : undefined },
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)} aria-labelledby="end-title">
      <input type="hidden" name="intent" value="end" />
      <input type="hidden" name={fields.membershipId.name} value={membership.id} />
      <input type="hidden" name={fields.lockVersion.name} value={membership.lockVersion} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field meta={fields.endDate} label={t('roster.end.endDate')} type="date" />
      <Select meta={fields.endReason} label={t('roster.end.reason')}>
        <option value="" />
        {END_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`roster.endReasons.${r}`)}
          </option>
        ))}
      </Select>
      <Field meta={fields.endNote} label={t('roster.end.note')} />
      <fieldset className="roster-fieldset">
        <legend>{t('roster.end.successor')}</legend>
        <Select meta={fields.successorPersonId} label={t('roster.assign.person')} hint={t('roster.end.successorHint')}>
          <option value="">{t('roster.end.noSuccessor')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {personLabel(p)}
            </option>
          ))}
        </Select>
        <Field meta={fields.successorGivenName} label={t('roster.people.givenName')} autoComplete="off" />
        <Field meta={fields.successorFamilyName} label={t('roster.people.familyName')} autoComplete="off" />
        <Field meta={fields.successorEmail} label={t('roster.people.email')} type="email" autoComplete="off" />
        <Duplicates duplicates={duplicates} fieldName="useExistingSuccessor" meta={fields.confirmDuplicate} />
        <Field meta={fields.successorOrganisation} label={t('roster.assign.organisation')} hint={t('roster.end.organisationHint', { name: membership.organisationName ?? '–' })} />
        <Field meta={fields.successorStartDate} label={t('roster.end.successorStart')} type="date" hint={t('roster.end.successorStartHint')} />
        {deputies.length > 0 ? (
          <div className="field">
            <label htmlFor={fields.repointDeputies.id} className="checkbox">
              <input {...getInputProps(fields.repointDeputies, { type: 'checkbox' })} key={fields.repointDeputies.key} />{' '}
              {t('roster.end.repoint', { names: deputies.map((d) => d.personName).join(', ') })}
            </label>
            <ErrorList id={fields.repointDeputies.errorId} errors={fields.repointDeputies.errors} />
          </div>
        ) : null}
      </fieldset>
      <div>
        <button type="submit">{t('roster.end.submit')}</button>
      </div>
    </Form>
  );
}

/** Every membership of the term, ended ones included, with links to end the open ones. */
export function MembershipHistory({
  memberships,
  locale,
  endLink,
  inviteLink,
}: {
  memberships: ManageMembership[];
  locale: Locale;
  endLink: (id: string) => string;
  /** For an open seat whose person has no account: where to invite them. */
  inviteLink?: (m: ManageMembership) => string;
}) {
  const { t } = useTranslation();
  const byId = new Map(memberships.map((m) => [m.id, m]));
  return (
    <table>
      <caption>{t('roster.history.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('roster.history.person')}</th>
          <th scope="col">{t('roster.history.role')}</th>
          <th scope="col">{t('council.category')}</th>
          <th scope="col">{t('roster.history.period')}</th>
          <th scope="col">{t('roster.history.notes')}</th>
        </tr>
      </thead>
      <tbody>
        {memberships.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              {m.personName}
              {m.organisationName ? <span className="muted">, {m.organisationName}</span> : null}
            </th>
            <td>
              {t(`roles.${m.role}`)}
              {m.seatNumber ? ` ${t('roster.history.seat', { n: m.seatNumber })}` : ''}
              {m.principalName ? <span className="muted"> ({t('roster.history.deputyOf', { name: m.principalName })})</span> : null}
            </td>
            <td>{m.categoryName ?? ''}</td>
            <td>
              {formatDate(m.startDate, locale)} – {m.endDate ? formatDate(m.endDate, locale) : ''}
            </td>
            <td>
              {m.endReason ? t(`roster.endReasons.${m.endReason === 'term_ended' ? 'other' : m.endReason}`) : null}
              {m.succeedsId && byId.get(m.succeedsId) ? <div className="muted">{t('roster.history.succeeds', { name: byId.get(m.succeedsId)!.personName })}</div> : null}
              {m.endDate === null ? (
                <Link to={endLink(m.id)} aria-label={t('roster.history.endLabel', { name: m.personName })}>
                  {t('roster.history.end')}
                </Link>
              ) : null}
              {m.endDate === null && inviteLink && m.personId ? (
                <>
                  {' '}
                  {m.accountId ? (
                    <Link to={`/admin/users/${m.accountId}`} aria-label={t('admin.roles.manageLabel', { name: m.personName })}>
                      {t('admin.roles.manage')}
                    </Link>
                  ) : (
                    <Link to={inviteLink(m)} aria-label={t('admin.inviteFromRoster.label', { name: m.personName })}>
                      {t('admin.inviteFromRoster.link')}
                    </Link>
                  )}
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
