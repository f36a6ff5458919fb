/** Request and response schemas of serving the letters (service-record.api.ts): validator + type + OpenAPI. */
import { Type } from 'typebox';
import { Nullable } from '../shared/schema.ts';

const date = (title: string) => Type.String({ title, pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const note = Type.Optional(Type.Union([Type.String({ title: '备注', maxLength: 500 }), Type.Null()]));

export const RecordParams = Type.Object({
  id: Type.Integer({ title: '编号', minimum: 1 }),
  recordId: Type.Integer({ title: '送达记录编号', minimum: 1 }),
});

export const CollectionBody = Type.Object(
  {
    collectedOn: date('领取日期'),
    collectedBy: Type.String({ title: '领取人', minLength: 1, maxLength: 100 }),
    note,
  },
  { additionalProperties: false },
);

export const PostingBody = Type.Object(
  {
    postedOn: date('寄出日期'),
    carrier: Type.String({ title: '寄送单位', minLength: 1, maxLength: 100 }),
    trackingNo: Type.String({ title: '邮件单号', minLength: 1, maxLength: 60 }),
    note,
  },
  { additionalProperties: false },
);

export const ReceivedBody = Type.Object({ receivedOn: date('签收日期') }, { additionalProperties: false });

export const ReturnedBody = Type.Object(
  { returnedOn: date('退回日期'), note },
  { additionalProperties: false },
);

export const ReceiptBody = Type.Object(
  {
    filename: Type.String({ title: '文件名', minLength: 1, maxLength: 200 }),
    contentBase64: Type.String({ title: '文件内容', minLength: 4, maxLength: 7_500_000 }),
  },
  { additionalProperties: false },
);

export const ServiceRecordView = Type.Object({
  id: Type.Integer(),
  letterId: Type.Integer(),
  method: Type.String(),
  methodLabel: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  servedOn: Nullable(Type.String()),
  dispatchedOn: Nullable(Type.String()),
  carrier: Nullable(Type.String()),
  trackingNo: Nullable(Type.String()),
  collectedBy: Nullable(Type.String()),
  receiptFileId: Nullable(Type.Integer()),
  emailOutcome: Nullable(Type.String()),
  emailOutcomeLabel: Nullable(Type.String()),
  downloadedAt: Nullable(Type.String()),
  failedOn: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
});

const PeriodEnd = Type.Object({ until: Type.String(), calendarChecked: Type.Boolean() });

export const CaseServiceView = Type.Object({
  deliveryMethod: Type.String(),
  deliveryMethodLabel: Type.String(),
  serviceDays: Type.Integer(),
  canRecord: Type.Boolean(),
  letters: Type.Array(
    Type.Object({
      letterId: Type.Integer(),
      kind: Type.String(),
      title: Type.String(),
      issuedOn: Type.String(),
      servedOn: Nullable(Type.String()),
      dueOn: Nullable(Type.String()),
      overdue: Type.Boolean(),
      canStart: Type.Boolean(),
      records: Type.Array(ServiceRecordView),
    }),
  ),
  periods: Type.Union([
    Type.Object({
      letterId: Type.Integer(),
      servedOn: Type.String(),
      reconsiderationDays: Type.Integer(),
      litigationMonths: Type.Integer(),
      reconsideration: PeriodEnd,
      litigation: PeriodEnd,
    }),
    Type.Null(),
  ]),
  appeals: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.String(),
      kindLabel: Type.String(),
      filedOn: Type.String(),
      outcome: Type.String(),
      periodUntil: Nullable(Type.String()),
      filedInTime: Type.Union([Type.Boolean(), Type.Null()]),
    }),
  ),
});
