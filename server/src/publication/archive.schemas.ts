/** Request/response schemas of the guide, filing, archive volume and hand-over routes (validator + type + OpenAPI). */
import { Type } from 'typebox';
import { IsoDate, Nullable } from '../shared/schema.ts';

export const GuideSectionSchema = Type.Object(
  {
    key: Type.String({ title: '章节代码', pattern: '^[a-z0-9_]{1,30}$' }),
    heading: Type.String({ title: '章节标题', minLength: 1, maxLength: 100 }),
    text: Type.String({ title: '章节内容', minLength: 1, maxLength: 20000 }),
  },
  { additionalProperties: false },
);
export const GuideDraftBody = Type.Object(
  { sections: Type.Array(GuideSectionSchema, { title: '指南章节', minItems: 1, maxItems: 30 }) },
  { additionalProperties: false },
);
const Contact = Type.Object({
  office: Type.String(),
  address: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  officeHours: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  fax: Nullable(Type.String()),
  email: Nullable(Type.String()),
  website: Nullable(Type.String()),
});
const Review = Type.Object({
  due: Type.Boolean(),
  reasons: Type.Array(Type.String()),
  changedFields: Type.Array(Type.String()),
});
export const GuideWorkspaceView = Type.Object({
  draft: Type.Object({ sections: Type.Array(GuideSectionSchema), contact: Contact }),
  draftSaved: Type.Boolean(),
  draftUpdatedAt: Nullable(Type.String()),
  contact: Contact,
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      publishedOn: Type.String(),
      nextReviewOn: Type.String(),
      createdAt: Type.String(),
    }),
  ),
  review: Review,
});
export const GuideVersionView = Type.Object({
  version: Type.Integer(),
  publishedOn: Type.String(),
  content: Type.Object({
    sections: Type.Array(GuideSectionSchema),
    contact: Type.Union([Contact, Type.Null()]),
  }),
});
export const GuideDiffView = Type.Array(
  Type.Object({
    key: Type.String(),
    heading: Type.String(),
    lines: Type.Array(
      Type.Object({
        kind: Type.Union([Type.Literal('same'), Type.Literal('added'), Type.Literal('removed')]),
        text: Type.String(),
      }),
    ),
  }),
);

export const FileBody = Type.Object(
  {
    itemId: Type.Integer({ title: '报备信息', minimum: 1 }),
    supervisorId: Type.Integer({ title: '备案机关', minimum: 1 }),
    reportNo: Type.String({ title: '报备文号', minLength: 1, maxLength: 100 }),
    filedOn: IsoDate('报备日期'),
    note: Type.Optional(Nullable(Type.String({ title: '说明', maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export const RefileBody = Type.Object(
  {
    reportNo: Type.String({ title: '报备文号', minLength: 1, maxLength: 100 }),
    filedOn: IsoDate('报备日期'),
    note: Type.Optional(Nullable(Type.String({ title: '纠正情况说明', maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export const FilingReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('reviewed'), Type.Literal('correction_required')], {
      title: '审查结论',
    }),
    note: Type.Optional(Nullable(Type.String({ title: '审查意见', maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export const FilingView = Type.Object({
  id: Type.Integer(),
  itemId: Type.Integer(),
  title: Type.String(),
  indexNo: Nullable(Type.String()),
  docNo: Nullable(Type.String()),
  itemStatus: Type.String(),
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  supervisorId: Type.Integer(),
  supervisorName: Type.String(),
  reportNo: Type.String(),
  filedOn: Type.String(),
  note: Nullable(Type.String()),
  status: Type.String(),
  statusLabel: Type.String(),
  reviewNote: Nullable(Type.String()),
  reviewedOn: Nullable(Type.String()),
});

export const VolumeView = Type.Object({
  id: Type.Integer(),
  agencyId: Type.Integer(),
  year: Type.Integer(),
  status: Type.String(),
  statusLabel: Type.String(),
  itemCount: Type.Integer(),
  closedOn: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export const VolumeItemView = Type.Object({
  position: Type.Integer(),
  itemId: Type.Integer(),
  indexNo: Nullable(Type.String()),
  title: Type.String(),
  docNo: Nullable(Type.String()),
  generatedOn: Type.String(),
  publishedOn: Nullable(Type.String()),
  attribute: Type.String(),
  scope: Type.String(),
  status: Type.String(),
  attachmentCount: Type.Integer(),
});
export const HandoverBody = Type.Object(
  {
    year: Type.Integer({ title: '年度', minimum: 2008, maximum: 2100 }),
    volumeId: Type.Optional(Nullable(Type.Integer({ title: '归档卷', minimum: 1 }))),
    recipientKind: Type.Union([Type.Literal('state_archive'), Type.Literal('public_library')], {
      title: '接收单位类别',
    }),
    institution: Type.String({ title: '接收单位', minLength: 2, maxLength: 100 }),
    handedOn: IsoDate('移交日期'),
    itemCount: Type.Optional(Nullable(Type.Integer({ title: '移交条数', minimum: 0, maximum: 1_000_000 }))),
    receiptNo: Type.Optional(Nullable(Type.String({ title: '回执编号', maxLength: 100 }))),
    note: Type.Optional(Nullable(Type.String({ title: '备注', maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export const HandoverView = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  volumeId: Nullable(Type.Integer()),
  recipientKind: Type.String(),
  recipientLabel: Type.String(),
  institution: Type.String(),
  handedOn: Type.String(),
  itemCount: Type.Integer(),
  receiptNo: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
