import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { recordFormPosts, startHarness, writeStats, type Harness } from './harness';
import * as journey from './journey';

// The same journey with JavaScript off: every workspace page the journey uses is a plain HTML form
// that works without it (the minutes editor's sections are sub-pages, `?section=`, for this reason).
// No step needs JavaScript by design. One exception, a defect left open: accepting an invitation to
// Neuvos (/invite/:token) without JavaScript ends in net::ERR_HTTP_RESPONSE_CODE_FAILURE in Chromium,
// so acceptInvitation does that one form with JavaScript on and the journey goes on without it (see
// journey.ts). One step per test; a step after a failed one is not run. The phone-width
// checks run in the JS-on journey (the same pages and layout; CSS does not depend on JavaScript), and
// the members' replies here are made at 360 px as there.
let h: Harness;
let j: journey.Journey;
let failed: string | null = null;

beforeAll(async () => {
  h = await startHarness();
  j = journey.newJourney(h, false);
});
afterAll(async () => {
  vi.useRealTimers();
  writeStats(__filename);
  await journey.closeAll(j).catch(() => undefined);
  await h?.close();
});

function step(name: string, run: () => Promise<void>) {
  it(name, async () => {
    if (failed) throw new Error(`not run: "${failed}" failed`);
    try {
      await run();
    } catch (e) {
      failed = name;
      if (e instanceof Error) e.message += `\nOpen pages:\n${await journey.describeTabs(j)}`;
      throw e;
    }
  }, 900_000);
}

describe('the secretariat’s journey with JavaScript off', () => {
  step('the admin creates a bilingual council, a term and a seat plan, and invites its secretary', () => journey.adminCreatesCouncil(j));
  step('the secretary imports the roster from CSV, a bad file first', () => journey.secretaryImportsRoster(j));
  step('the secretary adds, changes and ends memberships on the roster page', () => journey.secretaryEditsMemberships(j));
  step('the secretary creates a weekly series across the change to summer time, moves and cancels meetings', () => journey.secretaryPlansMeetings(j));
  step('the secretary writes and publishes an agenda with a withheld item and sends the invitations', () => journey.secretaryPublishesAgenda(j));
  step('members read the papers and reply on their phones; a deputy is asked and comes', () => journey.membersReplyOnPhones(j));
  step('after the meeting the secretary records attendance with a deputy, a vote, a recusal and checkers', async () => {
    await journey.meetingIsOver(j);
    await journey.secretaryWritesMinutes(j);
  });
  step('the checkers sign in, read and confirm the minutes', () => journey.checkersConfirm(j));
  step('the secretary approves and publishes the minutes', () => journey.secretaryApprovesAndPublishes(j));
  step('an anonymous visitor reads the published minutes without the withheld parts', () => journey.visitorReadsMinutes(j));
  step('counts the form posts from a new council to published minutes', async () => {
    recordFormPosts('new council to published minutes (JS off)', journey.postsSoFar(j));
  });
});
