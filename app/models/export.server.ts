import type { LoaderFunctionArgs } from '@remix-run/node';

type Loader = (args: LoaderFunctionArgs) => Promise<Response> | Response;

/**
 * Call a public API loader in-process and return its JSON, or null for a 4xx. The bulk
 * export is assembled from the same loaders the API serves, so both always agree.
 */
export async function callApi(loader: Loader, origin: string, path: string, params: Record<string, string>): Promise<unknown> {
  const request = new Request(`${origin}${path}`);
  let response: Response;
  try {
    response = await loader({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return null;
    throw thrown;
  }
  return response.ok ? response.json() : null;
}
