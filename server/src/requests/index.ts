/** The requests module's import surface for other modules (依申请公开). */
export { requestsAdminApi, requestsPublicApi } from './request.api.ts';
export { requestPages } from './request.pages.ts';
export { serviceRecordsAdminApi } from './service-record.api.ts';
export { serviceTodos } from './service-record.todo.ts';
// subscribes to the outbox's delivery of application e-mails (attachments, outcome)
export { serveReplyByEmail } from './service-email.ts';
export { type DispositionCode, DISPOSITIONS, dispositionDef, reportCategory } from './disposition.ts';
export { APPLICANT_KINDS, ORG_TYPES, applicantColumn, STATUSES, type Status } from './application.ts';
export { REQUEST_ERRORS } from './requests.errors.ts';

import { requestRepository } from './request.repository.ts';
/** For the reminder job (notifications/): applications whose reply clock runs, due within a window. */
export const runningDueBetween = requestRepository.runningDueBetween;
