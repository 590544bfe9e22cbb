import * as account from '../../app/routes/account._index';
import * as download from '../../app/routes/attachments.$attachmentId';
import * as login from '../../app/routes/login';
import * as agenda from '../../app/routes/manage.meetings.$meetingId_.agenda';

/** The real route modules the scale-out test drives over HTTP: sign-in, a signed-in page, upload, download. */
export const scaleOutRoutes = {
  '/login': login,
  '/account': account,
  '/manage/meetings/:meetingId/agenda': agenda,
  '/attachments/:attachmentId': download,
};
