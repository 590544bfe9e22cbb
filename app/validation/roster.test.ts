import { parseWithZod } from '@conform-to/zod';
import { describe, expect, it } from 'vitest';
import { councilCreateSchema } from './roster';

// Found by the browser journey with JavaScript off: creating a council without choosing its region
// showed zod's default "Required" in English on the Finnish page, not a translation key.
describe('council form ids', () => {
  it('a missing region is the translated "required" message', () => {
    const form = new FormData();
    form.set('slug', 'uusi-toimielin');
    const submission = parseWithZod(form, { schema: councilCreateSchema });
    expect(submission.status).toBe('error');
    const errors = submission.status === 'error' ? submission.error : {};
    expect(errors?.regionId).toEqual(['roster.errors.required']);
  });

  it('a region that is not an id is refused the same way', () => {
    const form = new FormData();
    form.set('regionId', 'x');
    const submission = parseWithZod(form, { schema: councilCreateSchema });
    expect(submission.status === 'error' ? submission.error?.regionId : null).toEqual(['roster.errors.required']);
  });
});
