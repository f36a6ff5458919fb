import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CommentOutlined,
  ControlOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  InboxOutlined,
  MailOutlined,
  MessageOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SafetyCertificateOutlined,
  SoundOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface ModuleInfo {
  /** route path below /admin/, without a leading slash */
  path: string;
  title: string;
  summary: string;
  icon: ReactNode;
  /** shown to the platform (system) administrator only */
  platformAdminOnly?: boolean;
  /** for modules still under construction: what they will contain */
  plannedFeatures?: string[];
}

/** Business modules; those with `plannedFeatures` are still being built and open a placeholder page. */
export const BUSINESS_MODULES: ModuleInfo[] = [
  {
    path: 'proactive',
    title: '主动公开',
    summary: '信息发布、政府信息公开目录、政府信息公开指南',
    icon: <FileTextOutlined />,
  },
  {
    path: 'proactive/guide',
    title: '公开指南',
    summary: '政府信息公开指南的编制、版本发布和年度复核',
    icon: <BookOutlined />,
  },
  {
    path: 'proactive/filings',
    title: '备案',
    summary: '向上级政务公开办报备，审查下级机关的报备',
    icon: <FileProtectOutlined />,
  },
  {
    path: 'proactive/archive',
    title: '归档与移交',
    summary: '年度归档卷、卷内目录导出，送交档案馆和图书馆',
    icon: <InboxOutlined />,
  },
  {
    path: 'requests',
    title: '依申请公开',
    summary: '申请登记、补正、征求意见、答复与送达',
    icon: <FormOutlined />,
  },
  {
    path: 'participation/consultations',
    title: '意见征集',
    summary: '重大行政决策、规范性文件草案征求意见，采纳情况台账与公布',
    icon: <CommentOutlined />,
  },
  {
    path: 'participation/press',
    title: '新闻发布会',
    summary: '新闻发布会、在线访谈的预告、网民问题征集、文字实录发布和年度场次目标',
    icon: <SoundOutlined />,
  },
  {
    path: 'participation/contacts',
    title: '留言咨询投诉',
    summary: '领导信箱、咨询、建议、投诉举报和评议的登记、转办、答复审核',
    icon: <MessageOutlined />,
  },
  {
    path: 'oversight',
    title: '监督检查',
    summary: '督查、自查和专项检查，发现的问题限期整改与验收，检查结果公开',
    icon: <ScheduleOutlined />,
  },
  {
    path: 'supervision',
    title: '考核与问责',
    summary: '社会评议、投诉举报、考核评议、责任追究',
    icon: <SafetyCertificateOutlined />,
    plannedFeatures: ['考核指标与考核评议', '澄清正名'],
  },
  {
    path: 'oversight/accountability',
    title: '责任追究',
    summary: '对违反政务公开规定的单位和个人立案调查、区分责任、问责决定与复核',
    icon: <AuditOutlined />,
  },
  {
    path: 'supervision/detections',
    title: '违规自动发现',
    summary: '按平台记录每天自动发现的超期、逾期和未审查情况',
    icon: <AlertOutlined />,
  },
  {
    path: 'reporting/annual-report',
    title: '年度报告',
    summary: '政府信息公开工作年度报告的编制、审批与发布',
    icon: <FileDoneOutlined />,
  },
  {
    path: 'reporting/overview',
    title: '年报总览',
    summary: '各机关年度报告的编制进度与按期公布情况',
    icon: <ProfileOutlined />,
  },
  {
    path: 'reporting/statistics',
    title: '统计分析',
    summary: '依申请公开与主动公开的工作统计',
    icon: <BarChartOutlined />,
  },
  {
    path: 'reporting/self-inspection',
    title: '自查报告',
    summary: '政务公开工作自查报告',
    icon: <AuditOutlined />,
  },
];

/** 系统管理 pages. */
export const SYSTEM_MODULES: ModuleInfo[] = [
  {
    path: 'system/agencies',
    title: '机关管理',
    summary: '机关层级、联系方式与监督关系',
    icon: <ApartmentOutlined />,
  },
  { path: 'system/users', title: '用户与角色', summary: '账号、所属机关与岗位角色', icon: <TeamOutlined /> },
  {
    path: 'system/rule-profiles',
    title: '规则配置',
    summary: '法定期限与收费标准',
    icon: <ControlOutlined />,
  },
  { path: 'system/calendar', title: '工作日历', summary: '法定节假日与调休安排', icon: <CalendarOutlined /> },
  { path: 'system/audit', title: '审计日志', summary: '操作记录与防篡改校验', icon: <FileSearchOutlined /> },
  {
    path: 'system/outbox',
    title: '发件箱',
    summary: '提醒邮件与短信的发送状态',
    icon: <MailOutlined />,
    platformAdminOnly: true,
  },
];

/** The system modules a user is shown (the server checks every request anyway). */
export function systemModulesFor(isPlatformAdmin: boolean): ModuleInfo[] {
  return SYSTEM_MODULES.filter((m) => !m.platformAdminOnly || isPlatformAdmin);
}
