// 模块工具包: the kernel's public surface. A module imports from here and from the index.ts of the modules
// it declares in `dependsOn`, nothing else (checked in CI: npm run check:boundaries). Anything a module
// needs from the kernel is added here, by name, so the surface stays deliberate.

// the module contract
export {
  booleanSetting,
  decimalSetting,
  defineModule,
  durationSetting,
  enumSetting,
  integerSetting,
  jsonSetting,
  PUBLIC_SUB_GRAPH,
  type JobDefinition,
  type LinkedPeopleKit,
  type ModuleDefinition,
  type SeedKit,
  type SettingDefinition,
  type SettingKind,
} from '../modules.js';
export type { DeliveredEvent } from '../events.js';
export { shanghaiTime, type CountFigure, type FigureDefinition, type RatioFigure } from '../core/figures.js';
export type { SettingsReader } from '../core/settings.js';
export type {
  ExportColumn,
  ExportDatasetDefinition,
  ExportQueryKit,
  PersonalData,
} from '../core/exports/datasets.js';
export { globalIdSql } from '../core/exports/datasets.js';
export { figureTable } from '../core/exports/figure-table.js';

// schema building
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Builder, type RegionStatsShape } from '../builder.js';
export type { Context } from '../context.js';
export { describedValues } from '../core/enums.js';
export { payloadType } from '../core/errors-graph.js';
export { modelRef } from '../core/refs.js';
export { guardNode } from '../core/node-guards.js';
export { addRegionStats } from '../core/stats.js';
export {
  dailyFigureFacts,
  dailySums,
  partialDayFacts,
  splitByDays,
  wholeDaySummaries,
  type DailySumsOptions,
  type PartialDayFacts,
} from '../core/daily-figures.js';
export { parseId, parseOptionalId } from '../core/lookup.js';
export { modelLoader, mustLoad, organizationLoader, personLoader, regionLoader } from '../core/loaders.js';
// raw reads without Prisma's row mapping (the driver itself outside transactions; see model-rows.ts)
export { queryRows } from '../core/model-rows.js';
export { countRows } from '../core/row-counts.js';
// the one per-request cache: memoised lookups and DataLoaders that live as long as the request
export { mapLoader, perRequest, requestLoader, rowLoader } from '../core/request-cache.js';
export { asksTotalCount, childCount, childPage, type ChildPageSpec, sharedSpec } from '../core/child-pages.js';
export { countedTotal, counterTotalSql, readerArea, type CountedList } from '../core/status-counts.js';
export { containsText } from '../input/like.js';
export { listWhere, scopeFromFilter, viewerScope, type ListScope } from '../core/scope.js';

// writes: one unit per mutation (gate, settings, transaction, audit, events) and state machines
export { write, WRITE_TX_OPTIONS, type WriteScope, type WriteUnit } from './write.js';
export { withAuditNames } from './audit-names.js';
export { changedEvent, defineLifecycle, type ApplyOptions, type Transition } from './lifecycle.js';

// 实时推送 and 通知: subscription fields and the notification rules of a manifest
export { liveField, type LiveEvent, type LiveFieldOptions } from '../live/field.js';
export { accountsOfPeople, staffOf, type NotificationDraft, type NotifyRule } from '../live/notify.js';
export type { HttpRoute, HttpRouteKit } from './http-routes.js';
export { apiKeyViewer } from '../core/api-keys.js';
export {
  createThroughRoute,
  intakeRoutes,
  routeIntake,
  type IntakeHandler,
  type IntakeReport,
  type IntakeRoute,
} from './intake.js';

// errors
export {
  AppError,
  Checks,
  conflict,
  forbidden,
  invalidTransition,
  isUniqueViolation,
  notFound,
  ValidationError,
  type FieldIssue,
} from '../errors.js';

// who may do what: declared policies, roles and scopes, personal information
export { ACTORS, ADMINS, MANAGERS, PARTY_WORKERS, READERS, SELF_OR_MANAGERS, STAFF } from '../auth/policy.js';
export {
  isAdminOf,
  managesPeopleAt,
  managesPerson,
  READER_ROLES,
  readsWithinScope,
  within,
  type Viewer,
} from '../auth/viewer.js';
export { maskAddress, maskName } from '../auth/mask.js';
export { canSeePerson } from '../core/person.js';
export { auditSensitiveRead, discloseName, shownName } from '../core/privacy.js';
export { ancestorsOrSelf, depthOf, townshipPathOf } from '../core/paths.js';

// the database: the Prisma namespace (Prisma.sql, input types) and the generated model types
export { Prisma } from '../../generated/prisma/client.js';
export type * from '../../generated/prisma/client.js';
