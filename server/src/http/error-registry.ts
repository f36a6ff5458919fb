/**
 * The error registry, assembled at the top (house style rule 7; ARCHITECTURE.md): the platform's
 * own codes (shared/app-error.ts) and every module's catalog. Loading this file registers them all,
 * so `new AppError(code)` anywhere knows its status and message; build-app.ts, the CLI and the test
 * support load it. `ERROR_CATALOG` is what docs/errors.md must list (shared/app-error.test.ts).
 */
import { ARCHIVE_ERRORS } from '../publication/archive.errors.ts';
import { NOTIFICATION_ERRORS } from '../notifications/notifications.errors.ts';
import { ITEM_IMPORT_ERRORS } from '../publication/item-import.errors.ts';
import { PUBLICATION_ERRORS } from '../publication/publication.errors.ts';
import { PROCEDURE_ERRORS } from '../requests/procedure-limits.errors.ts';
import { REQUEST_ERRORS } from '../requests/requests.errors.ts';
import { REPORTING_ERRORS } from '../reporting/reporting.errors.ts';
import { ACCOUNTABILITY_ERRORS } from '../oversight/accountability.errors.ts';
import { DETECTION_ERRORS } from '../oversight/detection.errors.ts';
import { CONTACT_ERRORS } from '../participation/contact.errors.ts';
import { OVERSIGHT_ERRORS } from '../oversight/oversight.errors.ts';
import { PARTICIPATION_ERRORS } from '../participation/participation.errors.ts';
import { PRESS_EVENT_ERRORS } from '../participation/press-event.errors.ts';
import { SERVICE_RECORD_ERRORS } from '../requests/service-record.errors.ts';
import { CORE_ERRORS, registerErrorCatalog } from '../shared/app-error.ts';
import type { ErrorEntry } from '../shared/error-entry.ts';

export const ERROR_CATALOG = {
  ...CORE_ERRORS,
  ...REQUEST_ERRORS,
  ...PROCEDURE_ERRORS,
  ...PUBLICATION_ERRORS,
  ...ITEM_IMPORT_ERRORS,
  ...ARCHIVE_ERRORS,
  ...REPORTING_ERRORS,
  ...NOTIFICATION_ERRORS,
  ...DETECTION_ERRORS,
  ...ACCOUNTABILITY_ERRORS,
  ...CONTACT_ERRORS,
  ...OVERSIGHT_ERRORS,
  ...PARTICIPATION_ERRORS,
  ...PRESS_EVENT_ERRORS,
  ...SERVICE_RECORD_ERRORS,
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

registerErrorCatalog(ERROR_CATALOG);
