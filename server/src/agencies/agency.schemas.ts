import { Type, type Static } from 'typebox';
import { Nullable } from '../shared/schema.ts';
import { AGENCY_CODE_PATTERN } from './agency.ts';

const optText = (title: string, max = 200) => Type.Optional(Nullable(Type.String({ title, maxLength: max })));

export const AgencyKindSchema = Type.Union(
  [Type.Literal('region'), Type.Literal('government'), Type.Literal('department'), Type.Literal('unit')],
  { title: '机关类型' },
);

export const AgencyFields = {
  parentId: Type.Optional(Nullable(Type.Integer({ title: '上级机关', minimum: 1 }))),
  kind: AgencyKindSchema,
  name: Type.String({ title: '机关名称', minLength: 1, maxLength: 100 }),
  shortName: optText('简称', 50),
  code: Type.String({
    title: '机关简码',
    pattern: AGENCY_CODE_PATTERN,
    description: '用于网址，小写字母、数字和连字符',
  }),
  officialCode: Type.Optional(
    Nullable(
      Type.String({
        title: '统一社会信用代码/组织机构代码',
        pattern: '^([0-9A-HJ-NPQRTUWXY]{18}|[0-9A-Z]{8}-?[0-9X])$',
      }),
    ),
  ),
  regionCode: Type.Optional(Nullable(Type.String({ title: '行政区划代码', pattern: '^\\d{6}$' }))),
  address: optText('办公地址'),
  postalCode: Type.Optional(Nullable(Type.String({ title: '邮政编码', pattern: '^\\d{6}$' }))),
  phone: optText('联系电话', 50),
  fax: optText('传真', 50),
  email: Type.Optional(
    Nullable(Type.String({ title: '电子邮箱', maxLength: 100, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' })),
  ),
  officeHours: optText('办公时间', 500),
  website: optText('网址'),
  acceptsApplications: Type.Optional(Type.Boolean({ title: '受理依申请公开' })),
  ruleProfileId: Type.Optional(Nullable(Type.Integer({ title: '规则配置', minimum: 1 }))),
  sortOrder: Type.Optional(Type.Integer({ title: '排序', minimum: 0, maximum: 100000 })),
  active: Type.Optional(Type.Boolean({ title: '启用' })),
};

export const CreateAgencyBody = Type.Object(AgencyFields, { additionalProperties: false });
export type CreateAgencyBody = Static<typeof CreateAgencyBody>;

export const UpdateAgencyBody = Type.Partial(Type.Object(AgencyFields), { additionalProperties: false });
export type UpdateAgencyBody = Static<typeof UpdateAgencyBody>;

export const AgencyStaffView = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  kind: AgencyKindSchema,
  kindLabel: Type.String(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  code: Type.String(),
  officialCode: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  address: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  fax: Nullable(Type.String()),
  email: Nullable(Type.String()),
  officeHours: Nullable(Type.String()),
  website: Nullable(Type.String()),
  acceptsApplications: Type.Boolean(),
  ruleProfileId: Nullable(Type.Integer()),
  ruleProfileName: Nullable(Type.String()),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
  supervisedIds: Type.Array(Type.Integer()),
});

export const AgencyPublicView = Type.Object({
  code: Type.String({ description: '机关简码，提交申请时作为 agencyCode' }),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  kind: AgencyKindSchema,
  parentCode: Nullable(Type.String()),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  fax: Nullable(Type.String()),
  email: Nullable(Type.String()),
  officeHours: Nullable(Type.String()),
  acceptsApplications: Type.Boolean(),
  portalUrl: Type.String(),
});

const Tier = Type.Object({
  from: Type.Integer({ minimum: 1 }),
  to: Nullable(Type.Integer({ minimum: 1 })),
  yuan: Type.Number({ minimum: 0 }),
});
const days = (title: string, max = 366) => Type.Integer({ title, minimum: 0, maximum: max });

export const RulesSchema = Type.Object(
  {
    replyDays: days('答复期限', 60),
    extensionDays: days('延长答复期限', 60),
    correctionNoticeDays: days('补正告知期限', 60),
    thirdPartyDays: days('第三方征求意见期限', 60),
    interAgencyDays: days('其他机关征求意见期限', 60),
    feePaymentDays: days('缴费期限', 60),
    feePaymentPausesClock: Type.Boolean({ title: '缴费期间不计入答复期限' }),
    proactivePublishDays: days('主动公开期限', 60),
    catalogUpdateDays: days('目录更新期限', 60),
    evaluationFeedbackDays: days('评议反馈期限', 60),
    reviewQuestionDays: days('保密审查问题答复期限', 60),
    interpretationDays: days('政策解读发布期限', 60),
    consultationMajorDecisionDays: days('重大行政决策征求意见最短期限', 366),
    consultationNormativeWorkingDays: days('规范性文件征求意见最短期限', 60),
    consultationSummaryDays: days('采纳情况公布期限', 366),
    pressEventsPerYear: days('每年新闻发布会目标场次', 100),
    reminderDaysBefore: Type.Array(Type.Integer({ minimum: 0, maximum: 60 }), {
      title: '到期提醒',
      maxItems: 10,
    }),
    // optional: a profile saved before 0021 is read with the default (rule-profile.ts parseRules)
    serviceDays: Type.Optional(days('送达期限', 60)),
    reconsiderationDays: days('行政复议期限'),
    litigationMonths: days('行政诉讼期限', 24),
    onlineRetentionYears: days('网上保留年限', 100),
    annualReportDueDepartment: Type.String({ title: '部门年报截止', pattern: '^\\d{2}-\\d{2}$' }),
    annualReportDueGovernment: Type.String({ title: '政府年报截止', pattern: '^\\d{2}-\\d{2}$' }),
    feePerPieceTiers: Type.Array(Tier, { title: '按件计收阶梯', maxItems: 20 }),
    feePerPieceBandSize: Type.Integer({ title: '按件计收每档件数', minimum: 1, maximum: 1000 }),
    feePerPieceBandIncrement: Type.Number({ title: '按件计收每档加收', minimum: 0 }),
    feePerVolumeTiers: Type.Array(Tier, { title: '按量计收阶梯', maxItems: 20 }),
  },
  { title: '规则', additionalProperties: false },
);

export const RuleProfileView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  isDefault: Type.Boolean(),
  rules: RulesSchema,
  agencyCount: Type.Integer(),
});

export const CreateRuleProfileBody = Type.Object(
  {
    code: Type.String({ title: '代码', pattern: '^[a-z0-9][a-z0-9-]{1,39}$' }),
    name: Type.String({ title: '名称', minLength: 1, maxLength: 100 }),
    description: Type.Optional(Nullable(Type.String({ title: '说明', maxLength: 1000 }))),
    rules: RulesSchema,
  },
  { additionalProperties: false },
);

export const UpdateRuleProfileBody = Type.Object(
  {
    name: Type.Optional(Type.String({ title: '名称', minLength: 1, maxLength: 100 })),
    description: Type.Optional(Nullable(Type.String({ title: '说明', maxLength: 1000 }))),
    rules: Type.Optional(Type.Partial(RulesSchema)),
  },
  { additionalProperties: false },
);
