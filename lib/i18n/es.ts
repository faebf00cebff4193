/** Every user-facing string of the portal, in Spanish, one file per namespace. An English catalogue would mirror this shape. */
import { app } from "./es/app";
import { nav } from "./es/nav";
import { home } from "./es/home";
import { auth } from "./es/auth";
import { initiatives } from "./es/initiatives";
import { editing } from "./es/editing";
import { mechanismAdmin } from "./es/mechanism-admin";
import { objectiveAdmin } from "./es/objective-admin";
import { bulk } from "./es/bulk";
import { views } from "./es/views";
import { initiative } from "./es/initiative";
import { objective } from "./es/objective";
import { mechanisms } from "./es/mechanisms";
import { grid } from "./es/grid";
import { account } from "./es/account";
import { users } from "./es/users";
import { tracking } from "./es/tracking";
import { catalogues } from "./es/catalogues";
import { audit } from "./es/audit";
import { dashboard } from "./es/dashboard";
import { report } from "./es/report";
import { forms } from "./es/forms";
import { refusals } from "./es/refusals";
import { errors } from "./es/errors";
import { bulkFile } from "./es/bulk-file";
import { appErrors } from "./es/app-errors";
import { cli } from "./es/cli";
import { validation } from "./es/validation";
import { conflicts } from "./es/conflicts";
import { bulkRows } from "./es/bulk-rows";
import { indicatorFile } from "./es/indicator-file";
import { sso } from "./es/sso";
import { mfa } from "./es/mfa";
import { security } from "./es/security";
import { planner } from "./es/planner";
import { tableLayout } from "./es/table-layout";
import { accountability } from "./es/accountability";
import { notifications } from "./es/notifications";
import { indicators } from "./es/indicators";

export const es = {
  app,
  nav,
  home,
  auth,
  initiatives,
  editing,
  mechanismAdmin,
  objectiveAdmin,
  bulk,
  views,
  initiative,
  objective,
  mechanisms,
  grid,
  account,
  users,
  tracking,
  indicators,
  catalogues,
  audit,
  dashboard,
  report,
  forms,
  refusals,
  errors,
  bulkFile,
  appErrors,
  cli,
  validation,
  conflicts,
  bulkRows,
  indicatorFile,
  sso,
  mfa,
  security,
  planner,
  tableLayout,
  accountability,
  notifications,
} as const;
