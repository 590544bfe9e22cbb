import { ANONYMOUS, can, permissionTable, type CouncilRole, type Principal } from './permissions';

const COUNCIL = { councilId: 'C', regionId: 'R' };
const ROLES: Array<[string, Principal]> = [
  ['anonymous', ANONYMOUS],
  ['signed in, no role', { ...ANONYMOUS, userId: 'u' }],
  ...(['deputy', 'member', 'vice_chair', 'chair', 'secretary'] as CouncilRole[]).map(
    (r): [string, Principal] => [r, { ...ANONYMOUS, userId: 'u', councilRoles: new Map([['C', new Set([r])]]) }],
  ),
  ['region admin', { ...ANONYMOUS, userId: 'u', regionAdmin: new Set(['R']) }],
  ['admin', { ...ANONYMOUS, userId: 'u', isAdmin: true }],
];

/** The role × action table as Markdown, computed from can() itself so it cannot drift. */
export function renderPermissionTable(): string {
  const header = `| action | ${ROLES.map(([name]) => name).join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = permissionTable().map(
    ({ action }) => `| \`${action}\` | ${ROLES.map(([, p]) => (can(p, action, COUNCIL) ? '✓' : '–')).join(' | ')} |`,
  );
  return [
    '# Permissions',
    '',
    'Generated from `app/auth/permissions.ts` by `npm run docs:permissions`; a test fails when this file is out of date.',
    'Council roles apply to the council they hold (a member of another council has no role there: every cell is –).',
    'Roles come from current memberships (chair, vice-chair, secretary, member, deputy; elected officials, representatives',
    'and invited experts count as members) and from explicit grants. Default deny.',
    'For one meeting\'s records (reading internal papers, checking minutes, replying) rights also follow the meeting:',
    'a membership in force on the meeting\'s date, or being chosen as its minutes checker, counts whatever today\'s roster says.',
    '',
    header,
    rule,
    ...rows,
    '',
    'Where a user may not even read a council\'s internal records, a refused request answers 404 (not 403), so ids',
    'reveal nothing. Public pages need no permission and only ever read published data.',
    '',
  ].join('\n');
}
