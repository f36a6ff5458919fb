/** What leaves the server of a service record (staff view; the collector masked by the service). */
import type { ServiceRecordRow } from './request.table.ts';
import {
  EMAIL_OUTCOME_LABELS,
  type EmailOutcome,
  SERVICE_METHOD_LABELS,
  SERVICE_STATE_LABELS,
  type ServiceMethod,
  type ServiceState,
} from './service-record.ts';

export function presentServiceRecord(r: ServiceRecordRow) {
  return {
    id: r.id,
    letterId: r.letterId,
    method: r.method,
    methodLabel: SERVICE_METHOD_LABELS[r.method as ServiceMethod] ?? r.method,
    state: r.state,
    stateLabel: SERVICE_STATE_LABELS[r.state as ServiceState] ?? r.state,
    servedOn: r.servedOn,
    dispatchedOn: r.dispatchedOn,
    carrier: r.carrier,
    trackingNo: r.trackingNo,
    collectedBy: r.collectedBy,
    receiptFileId: r.receiptFileId,
    emailOutcome: r.emailOutcome,
    emailOutcomeLabel: r.emailOutcome ? (EMAIL_OUTCOME_LABELS[r.emailOutcome as EmailOutcome] ?? null) : null,
    downloadedAt: r.downloadedAt,
    failedOn: r.failedOn,
    note: r.note,
    createdAt: r.createdAt,
  };
}
