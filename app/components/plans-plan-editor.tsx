import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { PlanGoalData } from '~/components/plans-view';
import { formatDate } from '~/lib/dates';
import type { Locale } from '~/lib/i18n';

/** A one-button form (delete, unlink) that posts an intent and an id. */
function SmallPost({ intent, id, label }: { intent: string; id: string; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="link-button">
        {label}
      </button>
    </Form>
  );
}

/** The secretariat's list of goals and actions with edit links, delete and unlink buttons. */
export function PlanEditorList({ goals, base, draft, locale }: { goals: PlanGoalData[]; base: string; draft: boolean; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <>
      {goals.map((goal) => (
        <div key={goal.id} className="plans-goal">
          <h3>{t('plans.plan.goals.numbered', { n: goal.position, title: goal.title })}</h3>
          <p>
            <Link to={`${base}?goal=${goal.id}#goal-form`}>
              {t('plans.plan.goals.editLink')}
              <span className="visually-hidden"> {goal.title}</span>
            </Link>
            {draft ? (
              <>
                {' · '}
                <SmallPost intent="deleteGoal" id={goal.id} label={t('plans.plan.goals.delete')} />
              </>
            ) : null}
          </p>
          <ul className="plans-action-list">
            {goal.actions.map((a) => (
              <li key={a.id}>
                <strong>{a.title}</strong> <span className="badge">{t(`plans.actionStatuses.${a.status}`)}</span>{' '}
                <span className="muted">{a.ownerName ?? ''}</span> <Link to={`${base}?action=${a.id}#action-form`}>
                  {t('plans.plan.actions.editLink')}
                  <span className="visually-hidden"> {a.title}</span>
                </Link>
                {' · '}
                <SmallPost intent="deleteAction" id={a.id} label={t('plans.plan.actions.delete')} />
                {a.links.length > 0 ? (
                  <ul>
                    {a.links.map((l) => (
                      <li key={l.linkId}>
                        {formatDate(new Date(l.meetingStartsAt), locale)} {l.section ?? ''} {l.itemTitle}{' '}
                        <SmallPost intent="unlink" id={l.linkId} label={t('plans.plan.link.unlink')} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
