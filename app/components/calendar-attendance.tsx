import { useTranslation } from 'react-i18next';

interface Person {
  inviteeId: string;
  name: string;
  reply: 'attending' | 'not_attending' | null;
  askedToSubstituteAt: string | Date | null;
  hasEmail: boolean;
}

export interface AttendanceData {
  seats: Array<{ category: string | null; member: Person | null; deputies: Person[]; coming: 'member' | 'deputy' | 'nobody' | 'unknown' }>;
  others: Array<Person & { role: string | null }>;
  summary: { seats: number; coming: number; empty: number; open: number };
}

function PersonReply({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <>
      {person.name}
      <br />
      <span className={`reply reply--${person.reply ?? 'none'}`}>{t(`calendar.replies.${person.reply ?? 'none'}`)}</span>
      {person.askedToSubstituteAt ? <span className="badge">{t('calendar.attendance.asked')}</span> : null}
      {person.hasEmail ? null : <span className="badge">{t('calendar.attendance.noEmail')}</span>}
    </>
  );
}

/** The secretary's "who is coming": one row per seat, member and deputy side by side. */
export function AttendanceTable({ attendance }: { attendance: AttendanceData }) {
  const { t } = useTranslation();
  if (attendance.seats.length === 0 && attendance.others.length === 0) return <p className="muted">{t('calendar.attendance.none')}</p>;
  return (
    <>
      <p role="status">{t('calendar.attendance.summary', attendance.summary)}</p>
      <table>
        <caption>{t('calendar.attendance.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calendar.attendance.seat')}</th>
            <th scope="col">{t('calendar.attendance.member')}</th>
            <th scope="col">{t('calendar.attendance.deputies')}</th>
            <th scope="col">{t('calendar.attendance.coming')}</th>
          </tr>
        </thead>
        <tbody>
          {attendance.seats.map((seat, i) => (
            <tr key={seat.member?.inviteeId ?? seat.deputies[0]?.inviteeId ?? i}>
              <th scope="row" lang="fi">{seat.category ?? '–'}</th>
              <td>{seat.member ? <PersonReply person={seat.member} /> : '–'}</td>
              <td>
                {seat.deputies.length === 0
                  ? '–'
                  : seat.deputies.map((d) => (
                      <div key={d.inviteeId}>
                        <PersonReply person={d} />
                      </div>
                    ))}
              </td>
              <td className={`coming coming--${seat.coming}`}>{t(`calendar.attendance.comingValues.${seat.coming}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {attendance.others.length > 0 ? (
        <>
          <h3>{t('calendar.attendance.others')}</h3>
          <ul>
            {attendance.others.map((o) => (
              <li key={o.inviteeId}>
                {o.role ? `${t(`roles.${o.role}`)}: ` : ''}
                <PersonReply person={o} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
