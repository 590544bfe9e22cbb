import { admin } from './admin';
import { auth } from './auth';
import { calendar } from './calendar';
import { fees } from './fees';
import { content } from './content';
import { http } from './http';
import { lifecycle } from './lifecycle';
import { ops } from './ops';
import { mail } from './mail';
import { notify } from './notify';
import { plans } from './plans';
import { portal } from './portal';
import { practice } from './practice';
import { records } from './records';
import { roster } from './roster';
import { totp } from './totp';
import { verify } from './verify';
import { ws } from './ws';

/**
 * Feature areas, each in its own file with fi/sv/en side by side; t('auth.login.title')
 * reads areas/auth.ts. Add a new area here.
 */
export const areas = { admin, auth, calendar, content, fees, http, lifecycle, mail, notify, ops, plans, portal, practice, records, roster, totp, verify, ws };
