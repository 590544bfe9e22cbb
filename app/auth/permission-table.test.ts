import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPermissionTable } from './permission-table';

describe('docs/permissions.md', () => {
  it('matches the rules in code', () => {
    expect(readFileSync('docs/permissions.md', 'utf8')).toBe(renderPermissionTable());
  });
});
