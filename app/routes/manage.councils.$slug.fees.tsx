import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { ErrorList, Field } from '~/components/form';
import { formatDate, todayInHelsinki } from '~/lib/dates';
import { centsToEuros, formatEuros, quarterOf, quarterRange, recentQuarters } from '~/lib/fees';
import { translatedReply } from '~/lib/forms.server';
import { readForm } from '~/lib/http/body.server';
import { localized } from '~/lib/i18n';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { decideClaim, listFeeRules, loadFeePeriod, saveFeeRule } from '~/models/fees.server';
import { claimDecisionSchema, FEE_RULE_KINDS, feeRefusalKey, feeRuleSchema, parsePeriod } from '~/validation/fees';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

/** The period asked for (?from=&to=), or the current quarter; a malformed one is a 400 page. */
function periodOf(request: Request, message: string) {
  const asked = parsePeriod(new URL(request.url).searchParams);
  if (asked === 'bad') throw json({ error: message }, { status: 400 });
  if (asked) return asked;
  const { year, quarter } = quarterOf(todayInHelsinki());
  return quarterRange(year, quarter);
}

/** The secretariat's fee page: the council's fee rules, a period's meetings with fees and claims, the payroll export. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council } = await requireCouncilPermission(request, params.slug, 'fees.manage');
  const { t } = await getT(request);
  const period = periodOf(request, t('fees.errors.badPeriod'));
  const [rules, meetings] = [await listFeeRules(council.id), await loadFeePeriod(council.id, period)];
  return json(
    {
      council: { slug: council.slug, nameFi: council.nameFi, nameSv: council.nameSv, nameEn: council.nameEn },
      period,
      quarters: recentQuarters(todayInHelsinki(), 8),
      rules,
      meetings,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

type Reply = {
  form: string;
  result?: ReturnType<typeof translatedReply>;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, actor } = await requireCouncilPermission(request, params.slug, 'fees.manage');
  const { t } = await getT(request);
  const formData = await readForm(request);
  const intent = String(formData.get('intent') ?? '');
  const who = { councilId: council.id, regionId: council.regionId, actor };
  if (intent === 'save-rule') {
    const form = `rule:${String(formData.get('id') || 'new')}`;
    const submission = parseWithZod(formData, { schema: feeRuleSchema });
    if (submission.status !== 'success')
      return json<Reply>({ form, result: translatedReply(submission, t) }, { status: 400 });
    const { id, lockVersion, ...input } = submission.value;
    const outcome = await saveFeeRule(who, id, lockVersion, { id, lockVersion, ...input });
    if (outcome.status !== 'ok') {
      const message = t(feeRefusalKey(outcome.status));
      const fieldErrors = outcome.field ? { [outcome.field]: [message] } : undefined;
      const formErrors = outcome.field ? undefined : [message];
      return json<Reply>(
        { form, result: translatedReply(submission, t, { fieldErrors, formErrors }) },
        { status: outcome.status === 'not_found' ? 404 : 400 },
      );
    }
    return json<Reply>({
      form,
      result: translatedReply(submission, t, { resetForm: !id }),
      message: t('fees.manage.ruleSaved'),
    });
  }
  if (intent === 'approve-claim' || intent === 'reject-claim') {
    const form = `claim:${String(formData.get('claimId') ?? '')}`;
    const submission = parseWithZod(formData, { schema: claimDecisionSchema });
    if (submission.status !== 'success') {
      const reason = submission.error?.reason?.[0];
      return json<Reply>(
        {
          form,
          error: reason ? t(reason) : t('fees.errors.badForm'),
          fieldErrors: reason ? { reason: t(reason) } : undefined,
        },
        { status: 400 },
      );
    }
    const v = submission.value;
    const outcome = await decideClaim(
      who,
      v.claimId,
      v.lockVersion,
      v.intent === 'approve-claim' ? { approve: true } : { approve: false, reason: v.reason ?? '' },
    );
    if (outcome.status !== 'ok')
      return json<Reply>(
        { form, error: t(feeRefusalKey(outcome.status)) },
        { status: outcome.status === 'not_found' ? 404 : 409 },
      );
    return json<Reply>({
      form,
      message: t(v.intent === 'approve-claim' ? 'fees.manage.approved' : 'fees.manage.rejected'),
    });
  }
  return json<Reply>({ form: intent, error: t('fees.errors.badForm') }, { status: 400 });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Rule = Data['rules'][number];

const euroField = (cents: number) => (cents === 0 ? '0' : centsToEuros(cents).replace('.', ','));

function RuleForm({ rule, lastResult }: { rule?: Rule; lastResult?: Reply['result'] }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof feeRuleSchema>>({
    id: rule ? `rule-${rule.id}-${rule.lockVersion}` : 'rule-new',
    lastResult,
    defaultValue: rule
      ? {
          intent: 'save-rule',
          id: rule.id,
          kind: rule.kind,
          validFrom: rule.validFrom,
          validTo: rule.validTo ?? '',
          meetingFee: euroField(rule.meetingFeeCents),
          chairSupplement: euroField(rule.chairSupplementCents),
          secretarySupplement: euroField(rule.secretarySupplementCents),
          paySecretary: rule.paySecretary ? 'on' : '',
          longMeetingAfterHours: rule.longMeetingAfterMinutes === null ? '' : String(rule.longMeetingAfterMinutes / 60),
          longMeetingSupplement: euroField(rule.longMeetingSupplementCents),
          kmRate: euroField(rule.kmRateCents),
        }
      : { intent: 'save-rule', kind: 'per_meeting', paySecretary: 'on' },
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-rule" />
      {rule ? <input type="hidden" name="id" value={rule.id} /> : null}
      {rule ? <input type="hidden" name="lockVersion" value={rule.lockVersion} /> : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={fields.kind.id}>{t('fees.manage.kind')}</label>
        <select {...getSelectProps(fields.kind)} key={fields.kind.key}>
          {FEE_RULE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`fees.kinds.${k}`)}
            </option>
          ))}
        </select>
        <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
      </div>
      <Field meta={fields.validFrom} type="date" label={t('fees.manage.validFrom')} />
      <Field meta={fields.validTo} type="date" label={t('fees.manage.validTo')} hint={t('fees.manage.validToHint')} />
      <p className="muted">{t('fees.manage.amountHint')}</p>
      <Field meta={fields.meetingFee} label={t('fees.manage.meetingFee')} />
      <Field meta={fields.chairSupplement} label={t('fees.manage.chairSupplement')} hint={t('fees.manage.chairHint')} />
      <div className="field">
        <label htmlFor={fields.paySecretary.id} className="checkbox">
          <input {...getInputProps(fields.paySecretary, { type: 'checkbox' })} key={fields.paySecretary.key} />{' '}
          {t('fees.manage.paySecretary')}
        </label>
      </div>
      <Field meta={fields.secretarySupplement} label={t('fees.manage.secretarySupplement')} />
      <Field meta={fields.longMeetingAfterHours} label={t('fees.manage.longMeetingAfterHours')} />
      <Field meta={fields.longMeetingSupplement} label={t('fees.manage.longMeetingSupplement')} />
      <Field meta={fields.kmRate} label={t('fees.manage.kmRate')} />
      <div>
        <button type="submit">{rule ? t('fees.manage.saveRule') : t('fees.manage.addRule')}</button>
      </div>
    </Form>
  );
}

function ClaimDecision({ claim, reply }: { claim: Data['meetings'][number]['claims'][number]; reply?: Reply }) {
  const { t } = useTranslation();
  const reasonId = `reason-${useId().replace(/:/g, '')}`;
  const reasonError = reply?.fieldErrors?.reason;
  if (claim.status !== 'submitted') return null;
  return (
    <div className="records-controls">
      <Form method="post" className="inline-form">
        <input type="hidden" name="claimId" value={claim.id} />
        <input type="hidden" name="lockVersion" value={claim.lockVersion} />
        <button type="submit" name="intent" value="approve-claim">
          {t('fees.manage.approve')}
          <span className="visually-hidden">: {claim.name}</span>
        </button>
      </Form>
      <Form method="post" className="inline-form">
        <input type="hidden" name="claimId" value={claim.id} />
        <input type="hidden" name="lockVersion" value={claim.lockVersion} />
        <label htmlFor={reasonId}>{t('fees.manage.reason')}</label>{' '}
        <input
          id={reasonId}
          name="reason"
          maxLength={500}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${reasonId}-error` : undefined}
        />{' '}
        <button type="submit" name="intent" value="reject-claim" className="secondary">
          {t('fees.manage.reject')}
          <span className="visually-hidden">: {claim.name}</span>
        </button>
        {reasonError ? <ErrorList id={`${reasonId}-error`} errors={[reasonError]} /> : null}
      </Form>
    </div>
  );
}

export default function FeesPage() {
  const { council, period, quarters, rules, meetings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(council, 'name', locale);
  const base = `/manage/councils/${council.slug}`;
  const euros = (cents: number) => formatEuros(cents, locale);
  const resultFor = (form: string) => (actionData?.form === form ? actionData.result : undefined);
  const periodTotal = meetings.reduce((sum, m) => sum + m.totalCents, 0);
  const range = { from: formatDate(period.from, locale), to: formatDate(period.to, locale) };
  return (
    <>
      <p>
        <Link to={base}>{name.text}</Link>
      </p>
      <h1>{t('fees.manage.title', { name: name.text })}</h1>
      <p className="muted">{t('fees.manage.intro')}</p>
      {actionData?.message ? <p role="status">{actionData.message}</p> : null}
      {actionData?.error ? (
        <p role="alert" className="error-text">
          {actionData.error}
        </p>
      ) : null}

      <section aria-labelledby="rules-title">
        <h2 id="rules-title">{t('fees.manage.rules')}</h2>
        {rules.length === 0 ? <p className="muted">{t('fees.manage.noRules')}</p> : null}
        <ul className="records-editor">
          {rules.map((rule) => (
            <li key={rule.id}>
              <h3>
                {t('fees.manage.ruleSummary', {
                  kind: t(`fees.kinds.${rule.kind}`),
                  from: formatDate(rule.validFrom, locale),
                  to: rule.validTo ? formatDate(rule.validTo, locale) : t('fees.manage.untilFurther'),
                })}
              </h3>
              {rule.kind === 'per_meeting' ? (
                <p>
                  {t('fees.manage.meetingFee')}: {euros(rule.meetingFeeCents)} · {t('fees.manage.chairSupplement')}:{' '}
                  {euros(rule.chairSupplementCents)} · {t('fees.manage.secretarySupplement')}:{' '}
                  {euros(rule.secretarySupplementCents)} · {t('fees.manage.kmRate')}: {euros(rule.kmRateCents)}
                </p>
              ) : null}
              <details open={actionData?.form === `rule:${rule.id}`}>
                <summary>{t('fees.manage.editRule')}</summary>
                <RuleForm rule={rule} lastResult={resultFor(`rule:${rule.id}`)} />
              </details>
            </li>
          ))}
        </ul>
        <details open={actionData?.form === 'rule:new'}>
          <summary>{t('fees.manage.newRule')}</summary>
          <RuleForm lastResult={resultFor('rule:new')} />
        </details>
      </section>

      <section aria-labelledby="period-title">
        <h2 id="period-title">{t('fees.manage.period')}</h2>
        <nav aria-label={t('fees.manage.quarters')}>
          <ul className="pager">
            {quarters.map((q) => (
              <li key={q.from}>
                <Link
                  to={`?from=${q.from}&to=${q.to}`}
                  aria-current={q.from === period.from && q.to === period.to ? 'page' : undefined}
                >
                  {t('fees.manage.quarter', { year: q.year, quarter: q.quarter })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Form method="get" className="button-row">
          <label htmlFor="period-from">{t('fees.manage.from')}</label>{' '}
          <input id="period-from" type="date" name="from" defaultValue={period.from} required />{' '}
          <label htmlFor="period-to">{t('fees.manage.to')}</label>{' '}
          <input id="period-to" type="date" name="to" defaultValue={period.to} required />{' '}
          <button type="submit" className="secondary">
            {t('fees.manage.show')}
          </button>
        </Form>
        <p>
          <a href={`${base}/fees.csv?from=${period.from}&to=${period.to}`} download>
            {t('fees.manage.export', range)}
          </a>
        </p>
      </section>

      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t('fees.manage.meetings', range)}</h2>
        <p className="muted">{t('fees.manage.pendingNote')}</p>
        {meetings.length === 0 ? (
          <p className="muted">{t('fees.manage.noMeetings')}</p>
        ) : (
          <p>{t('fees.manage.periodTotal', { total: euros(periodTotal) })}</p>
        )}
        {meetings.map((m) => (
          <article key={m.id} className="stack">
            <h3>
              {formatDate(m.date, locale)} · {m.title}
            </h3>
            <p className="muted">
              {m.minutesStatus
                ? t('fees.manage.minutes', { status: t(`fees.minutesStatuses.${m.minutesStatus}`) })
                : t('fees.manage.noMinutes')}{' '}
              · {t('fees.manage.length', { minutes: m.lengthMinutes })}
              {m.lengthSource === 'scheduled' ? ` (${t('fees.manage.lengthScheduled')})` : ''}
            </p>
            {m.ruleKind === null ? (
              <p>{t('fees.manage.noRule')}</p>
            ) : m.ruleKind === 'none' ? (
              <p>{t('fees.manage.ruleNone')}</p>
            ) : null}
            {m.lines.length > 0 ? (
              <div className="table-scroll">
                <table>
                  <caption className="visually-hidden">{t('fees.manage.feesCaption', { title: m.title })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('fees.manage.person')}</th>
                      <th scope="col">{t('fees.manage.role')}</th>
                      <th scope="col">{t('fees.manage.fee')}</th>
                      <th scope="col">{t('fees.manage.chair')}</th>
                      <th scope="col">{t('fees.manage.secretary')}</th>
                      <th scope="col">{t('fees.manage.long')}</th>
                      <th scope="col">{t('fees.manage.km')}</th>
                      <th scope="col">{t('fees.manage.kmAmount')}</th>
                      <th scope="col">{t('fees.manage.tickets')}</th>
                      <th scope="col">{t('fees.manage.accessibility')}</th>
                      <th scope="col">{t('fees.manage.total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.lines.map((l) => (
                      <tr key={l.personId}>
                        <th scope="row">{l.name}</th>
                        <td>{t(`fees.roles.${l.role}`)}</td>
                        <td>{euros(l.feeCents)}</td>
                        <td>{euros(l.chairCents)}</td>
                        <td>{euros(l.secretaryCents)}</td>
                        <td>{euros(l.longMeetingCents)}</td>
                        <td>{l.km}</td>
                        <td>{euros(l.kmCents)}</td>
                        <td>{euros(l.ticketCents)}</td>
                        <td>{euros(l.accessibilityCents)}</td>
                        <td>{euros(l.totalCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {m.lines.length > 0 ? <p>{t('fees.manage.meetingTotal', { total: euros(m.totalCents) })}</p> : null}
            {m.claims.length > 0 ? (
              <div className="table-scroll">
                <table>
                  <caption>{t('fees.manage.claimsCaption', { title: m.title })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('fees.manage.person')}</th>
                      <th scope="col">{t('fees.manage.travelDate')}</th>
                      <th scope="col">{t('fees.manage.km')}</th>
                      <th scope="col">{t('fees.manage.tickets')}</th>
                      <th scope="col">{t('fees.manage.accessibility')}</th>
                      <th scope="col">{t('fees.manage.note')}</th>
                      <th scope="col">{t('fees.manage.status')}</th>
                      <th scope="col">{t('fees.manage.decision')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.claims.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">{c.name}</th>
                        <td>{formatDate(c.travelDate, locale)}</td>
                        <td>{c.km}</td>
                        <td>{euros(c.ticketCents)}</td>
                        <td>
                          {euros(c.accessibilityCents)}
                          {c.accessibilityType ? ` (${t(`fees.accessibilityTypes.${c.accessibilityType}`)})` : ''}
                        </td>
                        <td>{c.note}</td>
                        <td>
                          {t(`fees.statuses.${c.status}`)}
                          {c.rejectReason ? `: ${c.rejectReason}` : ''}
                        </td>
                        <td>
                          {actionData?.form === `claim:${c.id}` && actionData.error ? (
                            <p role="alert" className="error-text">
                              {actionData.error}
                            </p>
                          ) : null}
                          <ClaimDecision
                            claim={c}
                            reply={actionData?.form === `claim:${c.id}` ? actionData : undefined}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </article>
        ))}
      </section>
    </>
  );
}
