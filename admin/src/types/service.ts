/** Shapes of the 送达 staff API (server/src/requests/service-record.schemas.ts CaseServiceView). */
export interface ServiceRecord {
  id: number;
  letterId: number;
  method: string;
  methodLabel: string;
  state: 'dispatched' | 'served' | 'failed' | string;
  stateLabel: string;
  servedOn: string | null;
  dispatchedOn: string | null;
  carrier: string | null;
  trackingNo: string | null;
  collectedBy: string | null;
  receiptFileId: number | null;
  emailOutcome: string | null;
  emailOutcomeLabel: string | null;
  downloadedAt: string | null;
  failedOn: string | null;
  note: string | null;
  createdAt: string;
}

export interface PeriodEnd {
  until: string;
  calendarChecked: boolean;
}

export interface CaseService {
  deliveryMethod: string;
  deliveryMethodLabel: string;
  serviceDays: number;
  canRecord: boolean;
  letters: {
    letterId: number;
    kind: string;
    title: string;
    issuedOn: string;
    servedOn: string | null;
    dueOn: string | null;
    overdue: boolean;
    canStart: boolean;
    records: ServiceRecord[];
  }[];
  periods: {
    letterId: number;
    servedOn: string;
    reconsiderationDays: number;
    litigationMonths: number;
    reconsideration: PeriodEnd;
    litigation: PeriodEnd;
  } | null;
  appeals: {
    id: number;
    kind: string;
    kindLabel: string;
    filedOn: string;
    outcome: string;
    periodUntil: string | null;
    filedInTime: boolean | null;
  }[];
}
