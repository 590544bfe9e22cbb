import type { LoaderFunctionArgs } from '@remix-run/node';
import { systemObject } from '~/lib/oparl';
import { oparlJson, oparlUrls } from '~/lib/oparl-http.server';

/** GET /oparl/v1.1: the OParl System object, the entry point for OParl clients. */
export function loader({ request }: LoaderFunctionArgs) {
  return oparlJson(systemObject(oparlUrls(request), 'Neuvos: hyvinvointialueiden neuvottelukunnat ja vaikuttamistoimielimet'));
}
