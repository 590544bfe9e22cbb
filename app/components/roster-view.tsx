import { useTranslation } from 'react-i18next';
import { localized, type Locale } from '~/lib/i18n';
import type { Roster, RosterMembership } from '~/lib/roster';

function Person({ m }: { m: RosterMembership }) {
  return (
    <>
      {m.personName}
      {m.organisationName ? (
        <>
          <br />
          <span className="muted">{m.organisationName}</span>
        </>
      ) : null}
    </>
  );
}

/** The public roster: per category, each member beside their deputy; vacant seats shown. */
export function RosterView({ roster, locale, showWarnings = false }: { roster: Roster; locale: Locale; showWarnings?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {roster.officers.length > 0 ? (
        <>
          <h3>{t('council.officers')}</h3>
          <ul className="plain-list">
            {roster.officers.map((o) => (
              <li key={o.id}>
                <strong>{t(`roles.${o.role}`)}:</strong> {o.personName}
                {o.organisationName ? <span className="muted">, {o.organisationName}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {roster.groups.map((group) => {
        const name = group.category
          ? localized(group.category, 'name', locale)
          : { text: group.role === 'member' ? t('council.members') : t(`roles.${group.role ?? 'member'}`), lang: locale };
        return (
          <table key={group.key}>
            <caption lang={name.lang !== locale ? name.lang : undefined}>
              {name.text}
              {showWarnings && group.mismatch ? (
                <span className="notice" role="status">
                  {' '}
                  {group.actualMembers}/{group.plannedMembers} + {group.actualDeputies}/{group.plannedDeputies}
                </span>
              ) : null}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('council.member')}</th>
                <th scope="col">{t('council.deputy')}</th>
              </tr>
            </thead>
            <tbody>
              {group.pairs.map((pair, i) => (
                <tr key={pair.member?.id ?? `vacant-${i}`}>
                  <td>{pair.member ? <Person m={pair.member} /> : <span className="vacant">{t('council.vacant')}</span>}</td>
                  <td>
                    {pair.deputies.length === 0
                      ? t('council.noDeputy')
                      : pair.deputies.map((d) => (
                          <div key={d.id}>
                            <Person m={d} />
                          </div>
                        ))}
                  </td>
                </tr>
              ))}
              {group.generalDeputies.map((d) => (
                <tr key={d.id}>
                  <td>{t('council.noDeputy')}</td>
                  <td>
                    <Person m={d} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </>
  );
}
