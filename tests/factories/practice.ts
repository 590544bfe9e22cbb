import { getMeetingScope, publishAgenda } from '../../app/models/agendas.server';
import {
  addRecusal,
  approveMinutes,
  chooseCheckers,
  confirmAsChecker,
  getMinutesWorkspace,
  publishMinutes,
  saveDecision,
  sendForChecking,
  startMinutes,
} from '../../app/models/minutes.server';
import { buildRecordsSetup, insertItems } from './records';

/** The current lock version of a meeting's latest minutes version. */
export async function minutesLock(meetingId: string) {
  return (await getMinutesWorkspace((await getMeetingScope(meetingId))!)).current!;
}

/**
 * A public, held meeting with a public item (decision, votes, a recusal) and a confidential one,
 * minutes checked by two checkers and published; plus `publish: false` to stop before publication.
 */
export async function buildPublishedMeeting(opts: { publish?: boolean; startsAt?: Date } = {}) {
  const s = await buildRecordsSetup({
    meeting: {
      startsAt: opts.startsAt ?? new Date('2026-05-19T11:00:00Z'),
      endsAt: new Date((opts.startsAt ?? new Date('2026-05-19T11:00:00Z')).getTime() + 7_200_000),
      status: 'held',
      address: 'Kauppakatu 1',
      room: 'Valtuustosali',
    },
  });
  const [open, secret] = await insertItems(s.meeting, [
    {
      title: 'Lausunto palvelustrategiasta',
      body: 'Selostus strategiasta.',
      proposal: 'Annetaan liitteen mukainen lausunto.',
    },
    {
      title: 'Asiakasasia',
      body: 'SALAINEN SELOSTUS',
      publicity: 'confidential',
      withheldReason: 'JulkL 24 § 1 mom. 25 k',
    },
  ]);
  await publishAgenda(s.who, s.meeting.id, new Date('2026-05-01T10:00:00Z'));
  const started = await startMinutes(s.who, s.meeting.id);
  if (started.status !== 'ok') throw new Error(`startMinutes: ${started.status}`);
  const versionId = started.id;
  const lock = async () => (await minutesLock(s.meeting.id)).lockVersion;
  const must = (o: { status: string }, what: string) => {
    if (o.status !== 'ok') throw new Error(`${what}: ${o.status}`);
  };
  let lv = await lock();
  must(
    await saveDecision(s.who, s.meeting.id, versionId, lv, {
      intent: 'save-decision',
      lockVersion: lv,
      itemId: open!.id,
      decision: 'Lausunto annettiin muutetussa muodossa.',
      outcome: 'decided',
      votesFor: 7,
      votesAgainst: 2,
      votesAbstain: 1,
    }),
    'decision',
  );
  lv = await lock();
  must(
    await saveDecision(s.who, s.meeting.id, versionId, lv, {
      intent: 'save-decision',
      lockVersion: lv,
      itemId: secret!.id,
      decision: 'SALAINEN PÄÄTÖS',
      outcome: 'decided',
    }),
    'decision 2',
  );
  lv = await lock();
  must(
    await addRecusal(s.who, s.meeting.id, versionId, lv, { itemId: open!.id, personId: s.seats[3]!.personId }),
    'recusal',
  );
  if (opts.publish === false) return { ...s, open: open!, secret: secret!, versionId };
  lv = await lock();
  must(
    await chooseCheckers(s.who, s.meeting.id, versionId, lv, [s.seats[0]!.personId, s.seats[1]!.personId]),
    'checkers',
  );
  lv = await lock();
  must(await sendForChecking(s.who, s.meeting.id, versionId, lv), 'checking');
  for (const [checker, personId] of [
    [s.checkerA, s.seats[0]!.personId],
    [s.checkerB, s.seats[1]!.personId],
  ] as const) {
    must(
      await confirmAsChecker(
        { userId: checker.user.id, label: 'checker', ip: null },
        { versionId, personId, councilId: s.council.id, regionId: s.council.regionId },
      ),
      'confirm',
    );
  }
  lv = await lock();
  must(await approveMinutes(s.who, s.meeting.id, versionId, lv, 'checkers'), 'approve');
  lv = await lock();
  must(await publishMinutes(s.who, s.meeting.id, versionId, lv), 'publish');
  return { ...s, open: open!, secret: secret!, versionId };
}
