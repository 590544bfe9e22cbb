import type { ExportSources } from '~/models/export.server';
import * as councilApi from '~/routes/api.v1.councils.$slug._index';
import * as membershipsApi from '~/routes/api.v1.councils.$slug.memberships';
import * as plansApi from '~/routes/api.v1.councils.$slug.plans.$year';
import * as reportsApi from '~/routes/api.v1.councils.$slug.reports.$year';
import * as statementsApi from '~/routes/api.v1.councils.$slug.statements';
import * as meetingApi from '~/routes/api.v1.meetings.$meetingId';

/** The API loaders the bulk export is assembled from, so that both always agree. */
export const exportSources: ExportSources = {
  council: councilApi.loader,
  memberships: membershipsApi.loader,
  meeting: meetingApi.loader,
  plans: plansApi.loader,
  reports: reportsApi.loader,
  statements: statementsApi.loader,
};
