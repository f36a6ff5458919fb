/**
 * Staff roles (docs/product.md §1), held per agency; one person may hold several roles in several agencies.
 * The platform administrator is a flag on the user, not an agency role.
 */
export const ROLES = [
  'drafter',
  'unit_head',
  'leader',
  'principal',
  'disclosure_office',
  'confidentiality_reviewer',
  'archivist',
  'supervisor',
  'assessor',
  'agency_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  drafter: '拟稿人/承办人',
  unit_head: '科室负责人',
  leader: '分管领导',
  principal: '主要负责人',
  disclosure_office: '政务公开工作机构',
  confidentiality_reviewer: '保密审查员',
  archivist: '档案员',
  supervisor: '监督员',
  assessor: '考核员',
  agency_admin: '机关管理员',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  drafter: '内设机构工作人员：起草公开信息、提出公开属性、拟办依申请公开答复',
  unit_head: '内设机构负责人：初审本科室的公开信息和答复',
  leader: '分管领导：审核、审批分管范围内的事项',
  principal: '主要负责人（局长）：按规定作最终审批',
  disclosure_office: '政务公开办/信息公开工作机构：登记申请、发布信息、维护目录和指南、统计和年报、备案',
  confidentiality_reviewer: '保密审查办公室：作出保密审查结论',
  archivist: '档案员：归档、档案查阅',
  supervisor: '监督小组/督查室：监督检查、投诉、责任追究',
  assessor: '考核小组：考核评议',
  agency_admin: '机关管理员：管理本机关的内设机构、用户和地方节假日',
};

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

export const PLATFORM_ADMIN_LABEL = '平台管理员';
