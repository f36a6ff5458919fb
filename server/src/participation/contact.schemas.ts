/** Request/response schemas of the contact routes (validator + type + OpenAPI). */
import { type Static, Type } from 'typebox';
import { IsoDate, Nullable } from '../shared/schema.ts';
import { CONTACT_CHANNELS, CONTACT_KINDS, CONTACT_STATUSES, EVALUATION_OUTCOMES } from './contact.ts';

const lit = <const T extends readonly string[]>(values: T, title: string) =>
  Type.Unsafe<T[number]>(Type.String({ title, enum: [...values] }));

export const ContactKindSchema = lit(CONTACT_KINDS, '类别');
export const ContactChannelSchema = lit(CONTACT_CHANNELS, '渠道');
export const ContactStatusSchema = lit(CONTACT_STATUSES, '办理状态');
const Score = Type.Optional(Nullable(Type.Integer({ title: '评分', minimum: 1, maximum: 5 })));

export const ContactListQuery = Type.Object({
  agencyId: Type.Optional(Type.Integer({ title: '机关', minimum: 1, maximum: 2147483647 })),
  status: Type.Optional(ContactStatusSchema),
  kind: Type.Optional(ContactKindSchema),
  channel: Type.Optional(ContactChannelSchema),
  overdue: Type.Optional(Type.Boolean({ title: '只看逾期' })),
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ title: '起始位置', minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const RegisterContactBody = Type.Object({
  agencyId: Type.Integer({ title: '受理机关', minimum: 1, maximum: 2147483647 }),
  unitId: Type.Optional(Nullable(Type.Integer({ title: '承办单位', minimum: 1, maximum: 2147483647 }))),
  kind: ContactKindSchema,
  channel: ContactChannelSchema,
  subject: Type.String({ title: '标题', minLength: 1, maxLength: 200, pattern: '\\S' }),
  body: Type.String({ title: '内容', minLength: 1, maxLength: 5000, pattern: '\\S' }),
  senderName: Type.Optional(Nullable(Type.String({ title: '姓名', maxLength: 50 }))),
  senderContact: Type.Optional(Nullable(Type.String({ title: '联系方式', maxLength: 100 }))),
  publishConsent: Type.Optional(Type.Boolean({ title: '同意公开' })),
  scoreContent: Score,
  scoreForm: Score,
  scoreSystem: Score,
  scoreEffect: Score,
  submittedOn: IsoDate('来信来访日期'),
  signedForOn: Type.Optional(Nullable(IsoDate('签收日期'))),
  confirmedOn: Type.Optional(Nullable(IsoDate('确认日期'))),
});
export type RegisterContactBody = Static<typeof RegisterContactBody>;

export const AssignBody = Type.Object({
  unitId: Type.Integer({ title: '承办单位', minimum: 1, maximum: 2147483647 }),
});
export const TransferBody = Type.Object({
  toAgencyId: Type.Integer({ title: '转办机关', minimum: 1, maximum: 2147483647 }),
  reason: Type.String({ title: '转办理由', minLength: 2, maxLength: 500, pattern: '\\S' }),
});
export const ReplyBody = Type.Object({
  text: Type.String({ title: '答复内容', minLength: 2, maxLength: 5000, pattern: '\\S' }),
  outcome: Type.Optional(Type.Union([lit(EVALUATION_OUTCOMES, '处理结果'), Type.Null()])),
});
export const ReturnBody = Type.Object({
  reason: Type.String({ title: '退回理由', minLength: 2, maxLength: 500, pattern: '\\S' }),
});

export const ContactAction = lit(
  ['assign', 'transfer', 'draft_reply', 'approve', 'return', 'close'] as const,
  '操作',
);

export const ContactSummary = Type.Object({
  id: Type.Integer(),
  trackingNo: Type.String(),
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  kind: Type.String(),
  kindLabel: Type.String(),
  channel: Type.String(),
  channelLabel: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  subject: Type.String(),
  /** masked unless the actor handles the contact */
  senderName: Nullable(Type.String()),
  receivedOn: Type.String(),
  dueOn: Type.String(),
  answeredOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  /** unanswered more than three months (国办函〔2019〕80号 单项否决) */
  inspectionFailure: Type.Boolean(),
});

export const ContactListResponse = Type.Object({
  items: Type.Array(ContactSummary),
  total: Type.Integer(),
  /** whether the actor may register contacts in some agency (shows the button) */
  canRegister: Type.Boolean(),
});

export const ContactDetail = Type.Object({
  ...ContactSummary.properties,
  body: Type.String(),
  senderContact: Nullable(Type.String()),
  publishConsent: Type.Boolean(),
  scores: Type.Array(
    Type.Object({ aspect: Type.String(), label: Type.String(), score: Nullable(Type.Integer()) }),
  ),
  submittedOn: Type.String(),
  firstReceivedOn: Type.String(),
  receiptRule: Type.String(),
  clockNote: Type.String(),
  replyText: Nullable(Type.String()),
  replyOutcome: Nullable(Type.String()),
  replyOutcomeLabel: Nullable(Type.String()),
  replyDraftedBy: Nullable(Type.Integer()),
  replyDraftedAt: Nullable(Type.String()),
  replyApprovedBy: Nullable(Type.Integer()),
  replyApprovedAt: Nullable(Type.String()),
  answeredByUnit: Nullable(Type.String()),
  satisfaction: Nullable(Type.String()),
  satisfactionLabel: Nullable(Type.String()),
  ratingComment: Nullable(Type.String()),
  reanswerCount: Type.Integer(),
  transfers: Type.Array(
    Type.Object({
      fromAgencyName: Type.String(),
      toAgencyName: Type.String(),
      reason: Type.String(),
      transferredOn: Type.String(),
    }),
  ),
  /** the agency's internal units (targets of 分办) */
  units: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  actions: Type.Array(ContactAction),
  permissions: Type.Object({ personalData: Type.Boolean() }),
});
export type ContactDetail = Static<typeof ContactDetail>;
export type ContactSummary = Static<typeof ContactSummary>;
