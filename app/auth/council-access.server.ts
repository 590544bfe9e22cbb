import { getCouncilBySlug } from '~/models/councils.server';
import type { Action } from './permissions';
import { requirePermission } from './session.server';

/**
 * Load a council by slug and require a permission on it. Unknown slugs and councils the
 * user may not even see internally both answer 404.
 */
export async function requireCouncilPermission(request: Request, slug: string | undefined, action: Action) {
  const found = slug ? await getCouncilBySlug(slug) : null;
  if (!found) throw new Response('Not found', { status: 404 });
  const auth = await requirePermission(request, action, { councilId: found.council.id, regionId: found.council.regionId });
  return { ...auth, council: found.council, region: found.region, parent: found.parent, children: found.children };
}
