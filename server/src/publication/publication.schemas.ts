/** Request/response schemas of the publication API (TypeBox: validator + type + OpenAPI). */
import { type Static, type TLiteral, Type } from 'typebox';
import { IsoDate, Nullable } from '../shared/schema.ts';

const optText = (title: string, max = 500) => Type.Optional(Nullable(Type.String({ title, maxLength: max })));
const lit = <const T extends readonly string[]>(values: T, title: string) =>
  Type.Union(values.map((v) => Type.Literal(v)) as unknown as { -readonly [K in keyof T]: TLiteral<T[K]> }, {
    title,
  });

export const ItemBody = Type.Object(
  {
    agencyId: Type.Integer({ title: '发布机关', minimum: 1 }),
    unitId: Type.Optional(Nullable(Type.Integer({ title: '承办科室', minimum: 1 }))),
    catalogEntryId: Type.Optional(Nullable(Type.Integer({ title: '目录分类', minimum: 1 }))),
    title: Type.String({ title: '标题', minLength: 1, maxLength: 300 }),
    subjectCode: Type.Optional(Nullable(Type.String({ title: '主题分类', maxLength: 20 }))),
    publisher: optText('发布机构', 100),
    generatedOn: IsoDate('成文日期'),
    docNo: optText('文号', 100),
    scope: lit(['public', 'internal'], '公开范围'),
    channels: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { title: '公开方式', maxItems: 10 })),
    attribute: lit(['proactive', 'on_request', 'not_public'], '公开属性'),
    nonDisclosureGround: optText('不予主动公开的理由', 50),
    nonDisclosureReason: optText('理由说明', 2000),
    summary: optText('内容概述', 2000),
    keywords: optText('关键词', 200),
    bodyHtml: Type.String({ title: '正文', maxLength: 2_000_000 }),
    partial: Type.Optional(Type.Boolean({ title: '部分公开' })),
    publicBodyHtml: Type.Optional(Nullable(Type.String({ title: '公开版本正文', maxLength: 2_000_000 }))),
    producingUnit: optText('产生单位', 100),
    responsiblePerson: optText('责任人', 50),
    interpretationOfId: Type.Optional(Nullable(Type.Integer({ title: '所解读的文件', minimum: 1 }))),
    declassified: Type.Optional(Type.Boolean({ title: '解密后公开' })),
    jointAgencyIds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1 }), { title: '联合制发机关', maxItems: 20 }),
    ),
    scheduledAt: Type.Optional(Nullable(Type.String({ title: '定时发布时间', format: 'date-time' }))),
  },
  { additionalProperties: false },
);
export type ItemBody = Static<typeof ItemBody>;

export const ScanBody = Type.Object({
  title: Type.String({ title: '标题', maxLength: 300 }),
  bodyHtml: Type.String({ title: '正文', maxLength: 2_000_000 }),
  itemId: Type.Optional(Type.Integer({ title: '信息编号', minimum: 1 })),
});

export const FindingView = Type.Object({
  kind: Type.String(),
  label: Type.String(),
  field: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  excerpt: Type.String(),
});

export const AttachmentBody = Type.Object({
  name: Type.String({ title: '文件名', minLength: 1, maxLength: 200 }),
  contentBase64: Type.String({ title: '文件内容', maxLength: 28_000_000 }),
  publicVisible: Type.Optional(Type.Boolean({ title: '对外公开' })),
});

export const SubmitBody = Type.Object({
  opinion: Type.String({ title: '拟稿人意见', minLength: 1, maxLength: 2000 }),
  requestOverride: Type.Optional(Type.Boolean({ title: '申请保密审查办公室放行' })),
});
export const DecisionBody = Type.Object({
  decision: lit(['approve', 'return'], '审核意见'),
  comment: Type.Optional(Nullable(Type.String({ title: '意见说明', maxLength: 2000 }))),
});
export const OfficeReviewBody = Type.Object({
  conclusion: lit(['public', 'not_public', 'refer', 'defer', 'return'], '审查结论'),
  basis: Type.Optional(Nullable(Type.String({ title: '审查依据', maxLength: 2000 }))),
  reason: Type.Optional(Nullable(Type.String({ title: '理由', maxLength: 2000 }))),
});
export const ReasonBody = Type.Object({
  reason: Type.String({ title: '放行理由', minLength: 2, maxLength: 2000 }),
});
export const NoteBody = Type.Object({ note: Type.String({ title: '说明', minLength: 1, maxLength: 2000 }) });
export const RevokeBody = Type.Object({
  explanation: Type.String({ title: '撤回说明', minLength: 2, maxLength: 2000 }),
});
export const ValidityBody = Type.Object({
  validity: lit(['valid', 'amended', 'abolished', 'expired'], '有效性'),
  note: Type.String({ title: '变更说明', minLength: 2, maxLength: 2000 }),
  replacedById: Type.Optional(Nullable(Type.Integer({ title: '替代文件', minimum: 1 }))),
  effectiveOn: Type.Optional(Nullable(IsoDate('生效日期'))),
});
export const ConsentBody = Type.Object({
  agencyId: Type.Integer({ title: '联合制发机关', minimum: 1 }),
  consentedOn: IsoDate('同意日期'),
  note: Type.String({ title: '书面同意文件', minLength: 1, maxLength: 500 }),
  signedBy: Type.Optional(Type.String({ title: '同意人', maxLength: 100 })),
});
export const SettingsBody = Type.Object({
  indexPattern: Type.String({ title: '索引号规则', minLength: 3, maxLength: 100 }),
  approvalChain: Type.Array(
    Type.String({ title: '审批环节', pattern: '^(unit_head|leader|principal|disclosure_office)$' }),
    {
      title: '审批流程',
      minItems: 1,
      maxItems: 4,
    },
  ),
});
export const CatalogEntryBody = Type.Object({
  parentId: Nullable(Type.Integer({ title: '上级分类', minimum: 1 })),
  code: Type.String({ title: '分类代码', pattern: '^[a-z0-9-]{1,30}$' }),
  name: Type.String({ title: '分类名称', minLength: 1, maxLength: 200 }),
  matter: Type.Optional(Nullable(Type.String({ title: '公开事项', maxLength: 1000 }))),
  timeLimit: Type.String({ title: '公开时限', minLength: 1, maxLength: 200 }),
  form: Type.String({ title: '公开方式', minLength: 1, maxLength: 200 }),
  permanent: Type.Boolean({ title: '长期公开' }),
  changedOn: Type.Optional(Nullable(IsoDate('事项变更日期'))),
});

export const ItemStaffView = Type.Object({
  id: Type.Integer(),
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  indexNo: Nullable(Type.String()),
  title: Type.String(),
  subjectCode: Nullable(Type.String()),
  subjectLabel: Nullable(Type.String()),
  catalogEntryId: Nullable(Type.Integer()),
  publisher: Type.String(),
  generatedOn: Type.String(),
  publishedOn: Nullable(Type.String()),
  docNo: Nullable(Type.String()),
  validity: Type.String(),
  scope: Type.String(),
  attribute: Type.String(),
  nonDisclosureGround: Nullable(Type.String()),
  nonDisclosureReason: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  keywords: Nullable(Type.String()),
  bodyHtml: Type.String(),
  partial: Type.Boolean(),
  publicBodyHtml: Nullable(Type.String()),
  producingUnit: Nullable(Type.String()),
  responsiblePerson: Nullable(Type.String()),
  interpretationOfId: Nullable(Type.Integer()),
  declassified: Type.Boolean(),
  channels: Type.Array(Type.String()),
  scheduledAt: Nullable(Type.String()),
  publishDueOn: Nullable(Type.String()),
  approvalChain: Type.Array(Type.String()),
  approvalStep: Type.Integer(),
  findings: Type.Array(FindingView),
  scanOverride: Type.Union([
    Type.Object({ reason: Type.String(), by: Type.String(), at: Type.String() }),
    Type.Null(),
  ]),
  changeNote: Nullable(Type.String()),
  createdBy: Nullable(Type.Integer()),
  updatedAt: Type.String(),
  attachments: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.Integer(),
        name: Type.String(),
        mime: Type.String(),
        size: Type.Integer(),
        publicVisible: Type.Boolean(),
      }),
    ),
  ),
  reviews: Type.Optional(
    Type.Array(
      Type.Object({
        stage: Type.String(),
        decision: Type.String(),
        basis: Nullable(Type.String()),
        reason: Nullable(Type.String()),
        reviewer: Type.String(),
        reviewedOn: Type.String(),
      }),
    ),
  ),
  jointAgencies: Type.Optional(
    Type.Array(
      Type.Object({
        agencyId: Type.Integer(),
        agencyName: Type.String(),
        consentedOn: Nullable(Type.String()),
        consentNote: Type.Optional(Nullable(Type.String())),
      }),
    ),
  ),
});
export type ItemStaffView = Static<typeof ItemStaffView>;
