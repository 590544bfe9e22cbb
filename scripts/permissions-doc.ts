/** Writes docs/permissions.md from the permission rules (npm run docs:permissions). */
import { writeFileSync } from 'node:fs';
import { renderPermissionTable } from '../app/auth/permission-table';

writeFileSync('docs/permissions.md', renderPermissionTable());
console.log('docs/permissions.md written');
