import { voteEvent } from '~/lib/oparl';

type Votes = { for: number; against: number; abstain: number };
type Item = { id: string; number: string | null; title: string; proposal: string | null; withheld?: boolean };
type Decision = {
  outcome: string | null;
  decision: string | null;
  votes: Votes | null | undefined;
  rollCall?: Array<{ voterId: string; name: string; option: string }>;
  withheld?: boolean;
};

/**
 * The votes of a meeting's published minutes as Popolo-style VoteEvents (the same shape the
 * OParl extension `neuvos:voteEvent` uses), with each member's vote when the vote was by name.
 * Withheld items never show their votes.
 */
export function meetingVoteEvents(items: Item[], decisions: Map<string, Decision>, meetingUrl: string) {
  return items.flatMap((item) => {
    const d = decisions.get(item.id);
    if (!d || d.withheld || item.withheld || !d.votes) return [];
    const event = voteEvent(
      item,
      { outcome: d.outcome ?? 'decided', decision: d.decision, votesFor: d.votes.for, votesAgainst: d.votes.against, votesAbstain: d.votes.abstain, versionNo: 0 },
      `${meetingUrl}#vote-${item.id}`,
      (d.rollCall ?? []).map((v) => ({ voter_id: v.voterId, voter_name: v.name, option: v.option })),
    );
    return [{ ...event, agendaItem: { id: item.id, number: item.number, title: item.title } }];
  });
}
