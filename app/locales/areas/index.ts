import { admin } from './admin';
import { auth } from './auth';
import { calendar } from './calendar';
import { fees } from './fees';
import { http } from './http';
import { lifecycle } from './lifecycle';
import { ops } from './ops';
import { mail } from './mail';
import { notify } from './notify';
import { plans } from './plans';
import { portal } from './portal';
import { records } from './records';
import { roster } from './roster';
import { totp } from './totp';
import { ws } from './ws';

/**
 * Feature areas, each in its own file with fi/sv/en side by side; t('auth.login.title')
 * reads areas/auth.ts. Add a new area here.
 */
export const areas = { admin, auth, calendar, fees, http, lifecycle, mail, notify, ops, plans, portal, records, roster, totp, ws };
