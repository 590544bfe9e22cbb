import { getFormProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorList, Field, TextareaField } from '~/components/form';
import { formatDateTime, toIsoWithOffset } from '~/lib/dates';
import type { Locale } from '~/lib/i18n';
import { VOTE_OPTIONS, type VoteOption } from '~/lib/roll-call';
import { APPROVAL_METHODS, ATTENDANCE_ROLES, OUTCOMES, type decisionSchema, type minutesMetaSchema } from '~/validation/records';
import { showsLanguage } from '~/lib/content-languages';

type When = string | Date;
type Result = SubmissionResult<string[]> | undefined;

/** A stored instant as the value of a datetime-local input, in Helsinki time. */
export function toLocalInput(value: When | null): string {
  return value ? toIsoWithOffset(new Date(value)).slice(0, 16) : '';
}

export interface VersionState {
  id: string;
  versionNo: number;
  status: 'draft' | 'checking' | 'approved' | 'published';
  lockVersion: number;
  place: string | null;
  openedAt: When | null;
  closedAt: When | null;
  summary: string | null;
}

function Hidden({ version }: { version: VersionState }) {
  return (
    <>
      <input type="hidden" name="versionId" value={version.id} />
      <input type="hidden" name="lockVersion" value={version.lockVersion} />
    </>
  );
}

/** Place, opening and closing time and summary of the draft. */
export function MinutesMetaForm({ version, lastResult }: { version: VersionState; lastResult: Result }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof minutesMetaSchema>>({
    id: `meta-${version.id}-${version.lockVersion}`,
    lastResult,
    defaultValue: {
      intent: 'save-meta',
      lockVersion: String(version.lockVersion),
      place: version.place ?? '',
      openedAt: toLocalInput(version.openedAt),
      closedAt: toLocalInput(version.closedAt),
      summary: version.summary ?? '',
    },
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-meta" />
      <Hidden version={version} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field meta={fields.place} label={t('records.minutesPage.place')} />
      <Field meta={fields.openedAt} label={t('records.minutesPage.openedAt')} type="datetime-local" />
      <Field meta={fields.closedAt} label={t('records.minutesPage.closedAt')} type="datetime-local" />
      <TextareaField meta={fields.summary} label={t('records.minutesPage.summary')} rows={3} />
      <div>
        <button type="submit">{t('records.minutesPage.save')}</button>
      </div>
    </Form>
  );
}

export interface RosterPerson {
  personId: string;
  membershipId: string;
  name: string;
  roles: string[];
  principalId: string | null;
  seat: boolean;
}
export interface AttendeeRow {
  personId: string;
  membershipId: string | null;
  role: string;
  present: boolean;
  substitutesForId: string | null;
  arrivedAtItemId: string | null;
  leftAtItemId: string | null;
  note: string | null;
}
interface ItemChoice {
  id: string;
  number: string | null;
  title: string;
}

function defaultRole(roles: string[]): string {
  if (roles.includes('chair')) return 'chair';
  if (roles.some((r) => ['member', 'elected_official', 'county_representative', 'municipality_representative'].includes(r))) return 'member';
  if (roles.includes('secretary')) return 'secretary';
  if (roles.includes('deputy')) return 'deputy';
  if (roles.includes('invited_expert')) return 'expert';
  return 'member';
}

/** The whole attendance list in one table form: everyone on the roster, present or not. */
export function AttendanceForm({
  version,
  roster,
  attendees,
  seats,
  items,
  error,
  fieldErrors,
}: {
  version: VersionState;
  roster: RosterPerson[];
  attendees: AttendeeRow[];
  seats: Array<{ membershipId: string; name: string }>;
  items: ItemChoice[];
  error?: string;
  /** Messages by field name (`rows[3].substitutesForId`), shown beside the field. */
  fieldErrors?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const byPerson = new Map(attendees.map((a) => [a.personId, a]));
  return (
    <Form method="post" key={`att-${version.lockVersion}`}>
      <input type="hidden" name="intent" value="save-attendance" />
      <Hidden version={version} />
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      <div className="table-scroll">
        <table>
          <caption>{t('records.minutesPage.attendanceCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('records.minutesPage.person')}</th>
              <th scope="col">{t('records.minutesPage.present')}</th>
              <th scope="col">{t('records.minutesPage.role')}</th>
              <th scope="col">{t('records.minutesPage.substitutesFor')}</th>
              <th scope="col">{t('records.minutesPage.arrivedAt')}</th>
              <th scope="col">{t('records.minutesPage.leftAt')}</th>
              <th scope="col">{t('records.minutesPage.note')}</th>
            </tr>
          </thead>
          <tbody>
            {roster.map((p, i) => {
              const a = byPerson.get(p.personId);
              const id = `att-${i}`;
              const name = `rows[${i}]`;
              return (
                <tr key={p.personId}>
                  <th scope="row">
                    <label htmlFor={`${id}-present`}>{p.name}</label>
                    <input type="hidden" name={`${name}.personId`} value={p.personId} />
                    <input type="hidden" name={`${name}.membershipId`} value={a?.membershipId ?? p.membershipId} />
                  </th>
                  <td>
                    <input id={`${id}-present`} type="checkbox" name={`${name}.present`} defaultChecked={a?.present ?? false} />
                  </td>
                  <td>
                    <select aria-label={`${t('records.minutesPage.role')}: ${p.name}`} name={`${name}.role`} defaultValue={a?.role ?? defaultRole(p.roles)}>
                      {ATTENDANCE_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`records.roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {p.roles.includes('deputy') ? (
                      <>
                        <select
                          aria-label={`${t('records.minutesPage.substitutesFor')}: ${p.name}`}
                          name={`${name}.substitutesForId`}
                          defaultValue={a?.substitutesForId ?? ''}
                          aria-invalid={fieldErrors?.[`${name}.substitutesForId`] ? true : undefined}
                          aria-describedby={fieldErrors?.[`${name}.substitutesForId`] ? `${id}-sub-error` : undefined}
                        >
                          <option value="">{t('records.minutesPage.nobody')}</option>
                          {seats.map((s) => (
                            <option key={s.membershipId} value={s.membershipId}>
                              {s.name}
                            </option>
                          ))}
                        </select>
                        {fieldErrors?.[`${name}.substitutesForId`] ? (
                          <p id={`${id}-sub-error`} className="error-text">
                            {fieldErrors[`${name}.substitutesForId`]}
                          </p>
                        ) : null}
                      </>
                    ) : null}
                  </td>
                  <td>
                    <select aria-label={`${t('records.minutesPage.arrivedAt')}: ${p.name}`} name={`${name}.arrivedAtItemId`} defaultValue={a?.arrivedAtItemId ?? ''}>
                      <option value="">{t('records.minutesPage.fromStart')}</option>
                      {items.map((it) => (
                        <option key={it.id} value={it.id}>
                          {it.number ?? ''} {it.title}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select aria-label={`${t('records.minutesPage.leftAt')}: ${p.name}`} name={`${name}.leftAtItemId`} defaultValue={a?.leftAtItemId ?? ''}>
                      <option value="">{t('records.minutesPage.toEnd')}</option>
                      {items.map((it) => (
                        <option key={it.id} value={it.id}>
                          {it.number ?? ''} {it.title}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input aria-label={`${t('records.minutesPage.note')}: ${p.name}`} type="text" name={`${name}.note`} defaultValue={a?.note ?? ''} maxLength={300} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="submit">{t('records.minutesPage.saveAttendance')}</button>
    </Form>
  );
}

export interface DecisionState {
  discussion: string | null;
  decision: string | null;
  decisionSv?: string | null;
  decisionEn?: string | null;
  outcome: string;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  postponedToMeetingId: string | null;
}

/** Discussion, decision, outcome, votes and postponement of one item. */
export function DecisionForm({
  version,
  item,
  decision,
  laterMeetings,
  lastResult,
  locale,
  countsFromRollCall = false,
  languages = ['fi'],
}: {
  version: VersionState;
  item: ItemChoice & { proposal: string | null; proposalSv?: string | null; proposalEn?: string | null };
  decision: DecisionState | undefined;
  laterMeetings: Array<{ id: string; title: string; startsAt: When }>;
  lastResult: Result;
  locale: Locale;
  /** A vote by name exists: the counts come from it and are not typed here. */
  countsFromRollCall?: boolean;
  /** The council's languages: one decision field per language (issue #14). */
  languages?: readonly string[];
}) {
  const { t } = useTranslation();
  const decisionLangs = (['sv', 'en'] as const).filter(
    (l) => showsLanguage(l, languages, [l === 'sv' ? decision?.decisionSv : decision?.decisionEn]) || Boolean(lastResult?.error?.[l === 'sv' ? 'decisionSv' : 'decisionEn']),
  );
  const [form, fields] = useForm<z.input<typeof decisionSchema>>({
    id: `decision-${item.id}-${version.lockVersion}`,
    lastResult,
    defaultValue: {
      intent: 'save-decision',
      lockVersion: String(version.lockVersion),
      itemId: item.id,
      discussion: decision?.discussion ?? '',
      // A new decision starts from the proposal, as secretaries usually write "approved as proposed".
      decision: decision?.decision ?? item.proposal ?? '',
      decisionSv: decision ? decision.decisionSv ?? '' : item.proposalSv ?? '',
      decisionEn: decision ? decision.decisionEn ?? '' : item.proposalEn ?? '',
      outcome: (decision?.outcome as (typeof OUTCOMES)[number] | undefined) ?? 'decided',
      votesFor: decision?.votesFor?.toString() ?? '',
      votesAgainst: decision?.votesAgainst?.toString() ?? '',
      votesAbstain: decision?.votesAbstain?.toString() ?? '',
      postponedToMeetingId: decision?.postponedToMeetingId ?? '',
    },
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-decision" />
      <input type="hidden" name="itemId" value={item.id} />
      <Hidden version={version} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextareaField meta={fields.discussion} label={t('records.minutesPage.discussion')} rows={4} />
      <TextareaField meta={fields.decision} label={t('records.minutesPage.decision')} rows={3} />
      {decisionLangs.map((l) => (
        <TextareaField
          key={l}
          meta={l === 'sv' ? fields.decisionSv : fields.decisionEn}
          label={t('content.fieldIn', { field: t('records.minutesPage.decision'), lang: t(`content.inLanguage.${l}`) })}
          rows={3}
        />
      ))}
      <div className="field">
        <label htmlFor={fields.outcome.id}>{t('records.minutesPage.outcome')}</label>
        <select {...getSelectProps(fields.outcome)} key={fields.outcome.key}>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`records.outcomes.${o}`)}
            </option>
          ))}
        </select>
      </div>
      {countsFromRollCall ? (
        <p>
          <strong>{t('records.votes')}:</strong>{' '}
          {t('records.votesLine', { for: decision?.votesFor ?? 0, against: decision?.votesAgainst ?? 0, abstain: decision?.votesAbstain ?? 0 })}.{' '}
          <span className="muted">{t('records.rollCall.countsFromRollCall')}</span>
          <ErrorList id={fields.votesFor.errorId} errors={fields.votesFor.errors} />
        </p>
      ) : (
        <fieldset className="records-votes">
          <legend>{t('records.votes')}</legend>
          <Field meta={fields.votesFor} label={t('records.minutesPage.votesFor')} type="number" />
          <Field meta={fields.votesAgainst} label={t('records.minutesPage.votesAgainst')} type="number" />
          <Field meta={fields.votesAbstain} label={t('records.minutesPage.votesAbstain')} type="number" />
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={fields.postponedToMeetingId.id}>{t('records.minutesPage.postponeTo')}</label>
        <select {...getSelectProps(fields.postponedToMeetingId)} key={fields.postponedToMeetingId.key}>
          <option value="">{t('records.minutesPage.noMeeting')}</option>
          {laterMeetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title} ({formatDateTime(m.startsAt, locale)})
            </option>
          ))}
        </select>
        <ErrorList id={fields.postponedToMeetingId.errorId} errors={fields.postponedToMeetingId.errors} />
      </div>
      <div>
        <button type="submit">{t('records.minutesPage.saveDecision')}</button>
      </div>
    </Form>
  );
}

/**
 * The vote by name (nimenhuutoäänestys) of one item: a choice per voter (members and substituting
 * deputies present, not recused). Read-only once the draft is past editing.
 */
export function RollCallForm({
  version,
  itemId,
  voters,
  recorded,
  editable,
  lastResult,
}: {
  version: VersionState;
  itemId: string;
  voters: Array<{ personId: string; name: string; inRoom: boolean }>;
  recorded: Array<{ personId: string; name: string; option: VoteOption }>;
  editable: boolean;
  lastResult: Result;
}) {
  const { t } = useTranslation();
  const headingId = `rc-${itemId}`;
  if (!editable) {
    if (recorded.length === 0) return null;
    return (
      <div>
        <h4 id={headingId}>{t('records.rollCall.title')}</h4>
        <ul>
          {recorded.map((r) => (
            <li key={r.personId}>
              {r.name}: {t(`records.rollCall.options.${r.option}`)}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const chosen = new Map(recorded.map((r) => [r.personId, r.option]));
  const errors = (lastResult?.error ?? {}) as Record<string, string[] | null | undefined>;
  return (
    <div>
      <h4 id={headingId}>{t('records.rollCall.title')}</h4>
      {voters.length === 0 ? (
        <p className="muted">{t('records.rollCall.noVoters')}</p>
      ) : (
        <Form method="post" className="stack" aria-labelledby={headingId}>
          <input type="hidden" name="itemId" value={itemId} />
          <Hidden version={version} />
          <p className="muted">{t('records.rollCall.intro')}</p>
          <ErrorList errors={errors[''] ?? undefined} />
          <fieldset className="records-roll-call">
            <legend>{t('records.rollCall.caption')}</legend>
            {voters.map((v, i) => {
              const id = `rc-${itemId}-${v.personId}`;
              const fieldErrors = errors[`votes[${i}].option`] ?? undefined;
              const errorId = `${id}-error`;
              return (
                <div className="field" key={v.personId}>
                  <input type="hidden" name={`votes[${i}].personId`} value={v.personId} />
                  <label htmlFor={id}>
                    {v.name}
                    {v.inRoom ? null : <span className="muted"> ({t('records.rollCall.notInRoom')})</span>}
                  </label>
                  <select
                    id={id}
                    name={`votes[${i}].option`}
                    defaultValue={chosen.get(v.personId) ?? (v.inRoom ? '' : 'absent')}
                    required
                    aria-invalid={fieldErrors ? true : undefined}
                    aria-describedby={fieldErrors ? errorId : undefined}
                  >
                    <option value="">{t('records.rollCall.choose')}</option>
                    {VOTE_OPTIONS.filter((o) => v.inRoom || o === 'absent').map((o) => (
                      <option key={o} value={o}>
                        {t(`records.rollCall.options.${o}`)}
                      </option>
                    ))}
                  </select>
                  <ErrorList id={errorId} errors={fieldErrors} />
                </div>
              );
            })}
          </fieldset>
          <div>
            <button type="submit" name="intent" value="save-roll-call" className="secondary">
              {t('records.rollCall.save')}
            </button>{' '}
            {recorded.length > 0 ? (
              <button type="submit" name="intent" value="clear-roll-call" className="link-button" formNoValidate>
                {t('records.rollCall.clear')}
              </button>
            ) : null}
          </div>
        </Form>
      )}
    </div>
  );
}

/** Conflict-of-interest marks of one item, and the form to add one. */
export function RecusalForms({
  version,
  itemId,
  recusals,
  present,
  editable,
}: {
  version: VersionState;
  itemId: string;
  recusals: Array<{ id: string; name: string; reason: string | null }>;
  present: Array<{ personId: string; name: string }>;
  editable: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <h4>{t('records.minutesPage.recusals')}</h4>
      {recusals.length > 0 ? (
        <ul>
          {recusals.map((r) => (
            <li key={r.id}>
              {r.name}
              {r.reason ? ` (${r.reason})` : ''}{' '}
              {editable ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="recusalId" value={r.id} />
                  <Hidden version={version} />
                  <button type="submit" name="intent" value="remove-recusal" className="link-button">
                    {t('records.minutesPage.removeRecusal')}
                    <span className="visually-hidden">: {r.name}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editable && present.length > 0 ? (
        <Form method="post" className="records-inline-fields">
          <input type="hidden" name="itemId" value={itemId} />
          <Hidden version={version} />
          <div className="field">
            <label htmlFor={`rec-person-${itemId}`}>{t('records.minutesPage.recusalPerson')}</label>
            <select id={`rec-person-${itemId}`} name="personId" required>
              {present.map((p) => (
                <option key={p.personId} value={p.personId}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`rec-reason-${itemId}`}>{t('records.minutesPage.recusalReason')}</label>
            <input id={`rec-reason-${itemId}`} name="reason" type="text" maxLength={300} />
          </div>
          <button type="submit" name="intent" value="add-recusal" className="secondary">
            {t('records.minutesPage.addRecusal')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

/** Choosing the minutes checkers among those present. */
export function CheckersForm({
  version,
  present,
  chosen,
  error,
}: {
  version: VersionState;
  present: Array<{ personId: string; name: string }>;
  chosen: Set<string>;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" key={`checkers-${version.lockVersion}`}>
      <input type="hidden" name="intent" value="choose-checkers" />
      <Hidden version={version} />
      <fieldset>
        <legend>{t('records.minutesPage.chooseCheckers')}</legend>
        {error ? (
          <p role="alert" className="error-text">
            {error}
          </p>
        ) : null}
        <ul className="plain-list">
          {present.map((p) => (
            <li key={p.personId}>
              {/* The label wraps its checkbox so the two sit side by side (inputs are full width by default). */}
              <label htmlFor={`checker-${p.personId}`} className="checkbox">
                <input id={`checker-${p.personId}`} type="checkbox" name="personIds" value={p.personId} defaultChecked={chosen.has(p.personId)} />
                {p.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" className="secondary">
        {t('records.minutesPage.saveCheckers')}
      </button>
    </Form>
  );
}

/** The workflow buttons that fit the version's status. */
export function WorkflowForms({
  version,
  laterItems,
  error,
  hasCheckers = false,
}: {
  version: VersionState;
  laterItems: Array<{ id: string; title: string; number: string | null; meetingTitle: string }>;
  error?: string;
  /** Once checkers are chosen, approval by the checkers is the expected way. */
  hasCheckers?: boolean;
}) {
  const { t } = useTranslation();
  const open = version.status === 'draft' || version.status === 'checking';
  return (
    <div className="stack">
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {version.status === 'draft' ? (
        <Form method="post">
          <Hidden version={version} />
          <button type="submit" name="intent" value="send-for-checking">
            {t('records.minutesPage.sendForChecking')}
          </button>
        </Form>
      ) : null}
      {version.status === 'checking' ? (
        <Form method="post">
          <Hidden version={version} />
          <button type="submit" name="intent" value="return-to-draft" className="secondary">
            {t('records.minutesPage.returnToDraft')}
          </button>
        </Form>
      ) : null}
      {open ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="approve" />
          <Hidden version={version} />
          <div className="field">
            <label htmlFor="approve-method">{t('records.minutesPage.method')}</label>
            <select id="approve-method" name="method" defaultValue={version.status === 'checking' || hasCheckers ? 'checkers' : 'at_meeting'}>
              {APPROVAL_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`records.methods.${m}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="approve-item">{t('records.minutesPage.approvedAtItem')}</label>
            <select id="approve-item" name="approvedAtItemId" defaultValue="">
              <option value="">{t('records.minutesPage.noMeeting')}</option>
              {laterItems.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.meetingTitle}: {i.number ?? ''} {i.title}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit">{t('records.minutesPage.approve')}</button>
          </div>
        </Form>
      ) : null}
      {version.status === 'approved' ? (
        <Form method="post">
          <Hidden version={version} />
          <button type="submit" name="intent" value="publish">
            {t('records.minutesPage.publish')}
          </button>
        </Form>
      ) : null}
      {!open ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="start-correction" />
          <div className="field">
            <label htmlFor="correction-note">{t('records.minutesPage.correctionNote')}</label>
            <p id="correction-hint" className="muted">
              {t('records.minutesPage.correctionHint')}
            </p>
            <textarea id="correction-note" name="correctionNote" rows={3} required maxLength={2000} aria-describedby="correction-hint" />
          </div>
          <div>
            <button type="submit" className="secondary">
              {t('records.minutesPage.startCorrection')}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
