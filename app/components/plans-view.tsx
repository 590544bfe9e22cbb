import { useTranslation } from 'react-i18next';
import { formatDate } from '~/lib/dates';
import { langTexts, pickLang, type Locale } from '~/lib/i18n';
import { FallbackMark, LangText } from '~/components/lang-text';

type ActionStatus = 'planned' | 'in_progress' | 'done' | 'dropped';

export interface PlanProgressData {
  planned: number;
  in_progress: number;
  done: number;
  dropped: number;
  total: number;
  donePercent: number;
}

export interface PlanActionData {
  id: string;
  title: string;
  titleSv?: string | null;
  titleEn?: string | null;
  description: string | null;
  ownerName: string | null;
  schedule: string | null;
  dueDate: string | null;
  status: ActionStatus;
  outcome: string | null;
  links: Array<{ linkId: string; itemTitle: string; section: string | null; meetingTitle: string; meetingStartsAt: string | Date }>;
}

export interface PlanGoalData {
  id: string;
  position: number;
  title: string;
  titleSv?: string | null;
  titleEn?: string | null;
  description: string | null;
  actions: PlanActionData[];
}

const STATUSES: ActionStatus[] = ['planned', 'in_progress', 'done', 'dropped'];

/** The year's progress: a labelled progress bar and the actions counted by status. */
export function PlanProgressView({ progress, idPrefix = 'plan-progress' }: { progress: PlanProgressData; idPrefix?: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="plans-progress">
      <h2 id={`${idPrefix}-heading`}>{t('plans.plan.progress.heading')}</h2>
      <p id={`${idPrefix}-summary`}>
        {t('plans.plan.progress.summary', { done: progress.done, total: progress.total, percent: progress.donePercent })}
      </p>
      <label htmlFor={`${idPrefix}-bar`}>{t('plans.plan.progress.label')}</label>
      <progress id={`${idPrefix}-bar`} max={100} value={progress.donePercent} aria-describedby={`${idPrefix}-summary`}>
        {progress.donePercent} %
      </progress>
      <table className="plans-progress__table">
        <caption>{t('plans.plan.progress.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.plan.actions.status')}</th>
            <th scope="col">{t('plans.plan.progress.count')}</th>
          </tr>
        </thead>
        <tbody>
          {STATUSES.map((s) => (
            <tr key={s}>
              <th scope="row">{t(`plans.actionStatuses.${s}`)}</th>
              <td>{progress[s]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "Tavoite 1: …" with the title in the reader's language, or the Finnish one marked (issue #14). */
function GoalHeading({ goal, Heading, locale }: { goal: PlanGoalData; Heading: 'h2' | 'h3'; locale: Locale }) {
  const { t } = useTranslation();
  const picked = pickLang(langTexts(goal, 'title'), locale);
  if (!picked?.fallback) {
    return <Heading id={`goal-${goal.id}`}>{t('plans.plan.goals.numbered', { n: goal.position, title: picked?.text ?? goal.title })}</Heading>;
  }
  return (
    <Heading id={`goal-${goal.id}`}>
      {t('plans.plan.goals.numbered', { n: goal.position, title: '' }).trim()} <span lang={picked.lang}>{picked.text}</span>
      <FallbackMark lang={picked.lang} />
    </Heading>
  );
}

/** Goals with their actions, owners, statuses and the meeting items where each was dealt with. */
export function PlanGoalsView({ goals, locale, headingLevel = 2 }: { goals: PlanGoalData[]; locale: Locale; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (goals.length === 0) return <p className="muted">{t('plans.plan.goals.none')}</p>;
  return (
    <>
      {goals.map((goal) => (
        <section key={goal.id} aria-labelledby={`goal-${goal.id}`} className="plans-goal">
          <GoalHeading goal={goal} Heading={Heading} locale={locale} />
          {goal.description ? <p>{goal.description}</p> : null}
          {goal.actions.length === 0 ? (
            <p className="muted">{t('plans.plan.actions.none')}</p>
          ) : (
            <table>
              <caption className="visually-hidden">{t('plans.plan.actions.caption', { goal: goal.position })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.plan.actions.title')}</th>
                  <th scope="col">{t('plans.plan.actions.owner')}</th>
                  <th scope="col">{t('plans.plan.actions.schedule')}</th>
                  <th scope="col">{t('plans.plan.actions.status')}</th>
                  <th scope="col">{t('plans.plan.actions.links')}</th>
                </tr>
              </thead>
              <tbody>
                {goal.actions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <LangText texts={langTexts(a, 'title')} fallbackText={a.title} />
                      {a.description ? <p className="muted plans-cell-note">{a.description}</p> : null}
                    </th>
                    <td>{a.ownerName ?? '–'}</td>
                    <td>
                      {a.schedule ?? ''}
                      {a.dueDate ? (
                        <>
                          {a.schedule ? <br /> : null}
                          <time dateTime={a.dueDate}>{formatDate(a.dueDate, locale)}</time>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <span className={`plans-status plans-status--${a.status}`}>{t(`plans.actionStatuses.${a.status}`)}</span>
                      {a.outcome ? <p className="plans-cell-note">{a.outcome}</p> : null}
                    </td>
                    <td>
                      {a.links.length === 0 ? (
                        <span className="muted">{t('plans.plan.actions.noLinks')}</span>
                      ) : (
                        <ul className="plain-list">
                          {a.links.map((l) => (
                            <li key={l.linkId}>
                              <time dateTime={new Date(l.meetingStartsAt).toISOString()}>{formatDate(new Date(l.meetingStartsAt), locale)}</time>{' '}
                              {l.section ? `${l.section} ` : ''}
                              {l.itemTitle}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}
