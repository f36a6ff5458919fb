/** Request/response schemas of the requests module: validator + TypeScript type + OpenAPI. */
import { type Static, Type } from 'typebox';
import { IsoDate, Nullable } from '../shared/schema.ts';
import { CHANNELS, ID_TYPES, STATUSES } from './application.ts';
import { DISPOSITION_CODES } from './disposition.ts';
import { LETTER_KINDS } from './letter.ts';

const lit = <T extends readonly string[]>(values: T, title: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { title },
  );
const optText = (title: string, max = 200) => Type.Optional(Nullable(Type.String({ title, maxLength: max })));

export const ApplicantBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('natural'), Type.Literal('organization')], {
      title: '申请人类型',
      description: 'natural = 自然人；organization = 法人或其他组织',
    }),
    orgType: Type.Optional(
      Type.Union(
        [
          Type.Literal('commercial'),
          Type.Literal('research'),
          Type.Literal('nonprofit'),
          Type.Literal('legal_service'),
          Type.Literal('other'),
        ],
        { title: '组织类型', description: '商业企业、科研机构、社会公益组织、法律服务机构、其他' },
      ),
    ),
    name: Type.String({ title: '姓名或名称', minLength: 1, maxLength: 100 }),
    idType: Type.Optional(lit(ID_TYPES, '证件类型')),
    idNumber: optText('证件号码', 40),
    creditCode: optText('统一社会信用代码', 18),
    legalRepresentative: optText('法定代表人', 50),
    contactPerson: optText('联系人', 50),
    phone: Type.String({ title: '联系电话', minLength: 5, maxLength: 30, pattern: '^[0-9+()\\- ]{5,30}$' }),
    email: Type.Optional(
      Nullable(
        Type.String({ title: '电子邮箱', maxLength: 100, pattern: '^([^@\\s]+@[^@\\s]+\\.[^@\\s]+)?$' }),
      ),
    ),
    address: optText('通信地址', 200),
    postalCode: Type.Optional(Nullable(Type.String({ title: '邮政编码', pattern: '^(\\d{6})?$' }))),
  },
  { title: '申请人' },
);

export const ItemBody = Type.Object(
  {
    description: Type.String({ title: '所需信息的内容描述', minLength: 2, maxLength: 2000 }),
    title: optText('信息名称', 200),
    docNo: optText('文号或索引号', 100),
  },
  { title: '申请事项' },
);

export const SubmitBody = Type.Object({
  agencyCode: Type.String({ title: '受理机关', minLength: 1, maxLength: 40 }),
  applicant: ApplicantBody,
  items: Type.Array(ItemBody, { title: '申请事项', minItems: 1, maxItems: 20 }),
  provisionForm: Type.Union([Type.Literal('paper'), Type.Literal('electronic'), Type.Literal('onsite')], {
    title: '信息的提供形式',
  }),
  deliveryMethod: Type.Union(
    [Type.Literal('collect'), Type.Literal('post'), Type.Literal('email'), Type.Literal('online')],
    { title: '获取信息的方式' },
  ),
  purpose: optText('用途（选填）', 500),
});
export type SubmitBodyT = Static<typeof SubmitBody>;

export const SubmitResponse = Type.Object({
  registrationNo: Type.String({ description: '登记号' }),
  trackingCode: Type.String({ description: '查询码（仅此一次返回，请妥善保存）' }),
});

export const IntakeResponse = Type.Object({
  id: Type.Integer({ description: '申请编号' }),
  registrationNo: Type.String({ description: '登记号' }),
  trackingCode: Type.String({ description: '查询码（交申请人保存）' }),
});

export const TrackQuery = Type.Object({
  registrationNo: Type.String({ title: '登记号', minLength: 1, maxLength: 60 }),
  trackingCode: Type.String({ title: '查询码', minLength: 1, maxLength: 40 }),
});

export const PublicLetter = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  title: Type.String(),
  issuedOn: Type.String(),
  text: Type.Array(Type.String()),
});

export const TrackResponse = Type.Object({
  registrationNo: Type.String(),
  agencyName: Type.String(),
  status: Type.String({ description: `办理状态：${STATUSES.join(' | ')}` }),
  statusLabel: Type.String(),
  receivedOn: Nullable(Type.String({ description: '收到申请日期（条例第三十一条）' })),
  dueOn: Nullable(Type.String({ description: '答复期限' })),
  dueNote: Type.Optional(
    Nullable(Type.String({ description: '无法给出答复期限时的说明（如下一年度节假日安排尚未公布）' })),
  ),
  letters: Type.Array(PublicLetter),
  files: Type.Array(Type.Object({ id: Type.Integer(), filename: Type.String(), size: Type.Integer() })),
  repliedOn: Nullable(Type.String({ description: '答复日期（发出答复书之日）' })),
  items: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      description: Type.String(),
      title: Nullable(Type.String()),
      docNo: Nullable(Type.String()),
    }),
    { description: '申请事项' },
  ),
  history: Type.Array(Type.Object({ on: Type.String(), step: Type.String() }), {
    description: '办理过程（日期为北京时间，不含内部审批等环节）',
  }),
});

// ------------------------------------------------------------------ staff

export const IntakeBody = Type.Object({
  ...SubmitBody.properties,
  agencyCode: Type.String({ title: '受理机关', minLength: 1, maxLength: 40 }),
  channel: lit(CHANNELS, '申请渠道'),
  submittedOn: IsoDate('申请提交日期'),
  signedForOn: Type.Optional(Nullable(IsoDate('签收日期'))),
  confirmedOn: Type.Optional(Nullable(IsoDate('确认收到日期'))),
});

export const QueueQuery = Type.Object({
  queue: Type.Optional(
    Type.Union(
      [
        'all',
        'unconfirmed',
        'new',
        'correction',
        'consultation',
        'fee',
        'approval',
        'due_soon',
        'overdue',
        'open',
        'closed',
      ].map((q) => Type.Literal(q)),
      { title: '队列' },
    ),
  ),
  agencyId: Type.Optional(Type.Integer({ title: '机关', minimum: 1 })),
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 100 })),
  unitId: Type.Optional(Type.Integer({ title: '承办科室', minimum: 1 })),
  handlerUserId: Type.Optional(Type.Integer({ title: '承办人', minimum: 1 })),
  channel: Type.Optional(lit(CHANNELS, '申请渠道')),
  receivedFrom: Type.Optional(IsoDate('收到日期起')),
  receivedTo: Type.Optional(IsoDate('收到日期止')),
  page: Type.Optional(Type.Integer({ title: '页码', minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 200, default: 20 })),
});

export const QueueItemView = Type.Object({
  id: Type.Integer(),
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  registrationNo: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  channel: Type.String(),
  applicantName: Type.String(),
  applicantKind: Type.String(),
  receivedOn: Nullable(Type.String()),
  dueOn: Nullable(Type.String()),
  workingDaysLeft: Nullable(Type.Integer()),
  overdue: Type.Boolean(),
  paused: Type.Boolean(),
  itemCount: Type.Integer(),
  firstItem: Nullable(Type.String()),
  unitId: Nullable(Type.Integer()),
  handlerUserId: Nullable(Type.Integer()),
});

export const QueueResponse = Type.Object({
  items: Type.Array(QueueItemView),
  total: Type.Integer(),
  today: Type.String(),
  counts: Type.Record(Type.String(), Type.Integer()),
});

const Anything = Type.Unknown();
export const CaseView = Type.Object(
  {},
  { additionalProperties: true, description: '申请详情（工作人员视图）' },
);
export const CaseResponse = Type.Record(Type.String(), Anything);

/**
 * The real date of a step done on paper and recorded afterwards (paper-steps.ts): not after today, not
 * before the previous recorded step; omitted = today.
 */
const StepOn = (title: string) => Type.Optional(Nullable(IsoDate(title)));

const AssigneeList = Type.Array(
  Type.Object({
    userId: Type.Integer(),
    name: Type.String(),
    roles: Type.Array(Type.String(), { description: '在该机构担任的角色（中文）' }),
  }),
);
/** GET /admin/requests/:id/assignees: the units and their handlers the office may assign the case to. */
export const AssigneesResponse = Type.Object({
  dueOn: Nullable(IsoDate('答复期限')),
  leftText: Nullable(Type.String()),
  unitId: Nullable(Type.Integer()),
  handlerUserId: Nullable(Type.Integer()),
  units: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), handlers: AssigneeList })),
  office: Type.Object({ handlers: AssigneeList }),
});
export type AssigneesView = Static<typeof AssigneesResponse>;

export const AssignBody = Type.Object({
  unitId: Type.Optional(Nullable(Type.Integer({ title: '承办科室', minimum: 1 }))),
  handlerUserId: Type.Optional(Nullable(Type.Integer({ title: '承办人', minimum: 1 }))),
});
export const ConfirmBody = Type.Object({ confirmedOn: IsoDate('确认收到日期') });
export const CorrectionBody = Type.Object({
  note: Type.String({ title: '需要补正的内容', minLength: 2, maxLength: 2000 }),
  correctionDays: Type.Integer({ title: '补正期限（工作日）', minimum: 1, maximum: 60 }),
  on: StepOn('补正告知实际日期'),
});
export const CorrectionReceivedBody = Type.Object({ receivedOn: IsoDate('收到补正日期') });
export const ExtensionBody = Type.Object({
  days: Type.Integer({ title: '延长工作日数', minimum: 1, maximum: 60 }),
  reason: Type.String({ title: '延期理由', minLength: 2, maxLength: 500 }),
});
export const DecideBody = Type.Object({
  approve: Type.Boolean({ title: '是否同意' }),
  comment: optText('审批意见', 500),
});
export const ExtensionDecideBody = Type.Object({
  approve: Type.Boolean({ title: '是否同意' }),
  comment: optText('审批意见', 500),
  on: StepOn('延期审批实际日期'),
});
export const ReplyBody = Type.Object({ on: StepOn('答复书送达实际日期') });
export const ConsultBody = Type.Object({
  kind: Type.Union([Type.Literal('third_party'), Type.Literal('inter_agency')], {
    title: '征求意见对象类型',
  }),
  party: Type.String({ title: '征求意见对象', minLength: 1, maxLength: 200 }),
  note: optText('说明', 1000),
  on: StepOn('征求意见实际日期'),
});
export const ConsultEndBody = Type.Object({
  opinion: Type.Union([Type.Literal('agree'), Type.Literal('object'), Type.Literal('none')], {
    title: '意见',
  }),
  note: optText('意见内容', 2000),
  on: StepOn('收到意见实际日期'),
});
export const FeeBody = Type.Object({
  method: Type.Union([Type.Literal('per_piece'), Type.Literal('per_volume')], { title: '计收方式' }),
  units: Type.Integer({ title: '件数或页数', minimum: 1, maximum: 100000 }),
  on: StepOn('收费通知实际日期'),
});
export const FeeSettleBody = Type.Object({
  paidOn: Type.Optional(Nullable(IsoDate('缴费日期'))),
  receiptNo: optText('票据号', 50),
  waiverReason: optText('减免理由', 500),
});
export const ReasonBody = Type.Object({
  reason: Type.String({ title: '理由', minLength: 2, maxLength: 1000 }),
});
export const DelayBody = Type.Object({
  dueOn: IsoDate('延后答复日期'),
  reason: Type.String({ title: '理由', minLength: 2, maxLength: 1000 }),
});
export const ItemDecisionBody = Type.Object({
  code: lit(DISPOSITION_CODES, '处理结果'),
  legalBasis: optText('法律依据', 500),
  reasons: optText('理由', 4000),
  withheld: optText('不予公开的内容', 2000),
  holdingAgency: optText('掌握信息的机关', 200),
  holdingContact: optText('联系方式', 200),
  howToObtain: optText('获取方式、途径和时间', 1000),
});
export const ItemParams = Type.Object({
  id: Type.Integer({ title: '编号', minimum: 1 }),
  itemId: Type.Integer({ title: '事项编号', minimum: 1 }),
});
export const LetterParams = Type.Object({
  id: Type.Integer({ title: '编号', minimum: 1 }),
  letterId: Type.Integer({ title: '文书编号', minimum: 1 }),
});
export const LetterKindBody = Type.Object({
  kind: lit(LETTER_KINDS, '文书类型'),
  party: optText('第三方', 200),
  note: optText('说明', 2000),
  reason: optText('理由', 2000),
});
