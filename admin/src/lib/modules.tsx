import {
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CommentOutlined,
  ControlOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface ModuleInfo {
  /** route path below /admin/, without a leading slash */
  path: string;
  title: string;
  summary: string;
  icon: ReactNode;
  /** for modules still under construction: what they will contain */
  plannedFeatures?: string[];
}

/** Business modules still being built; each opens a placeholder page for now. */
export const BUSINESS_MODULES: ModuleInfo[] = [
  {
    path: 'proactive',
    title: '主动公开',
    summary: '信息发布、政府信息公开目录、政府信息公开指南',
    icon: <FileTextOutlined />,
    plannedFeatures: [
      '公开信息的起草、审核、保密审查与发布流程',
      '政府信息公开目录的维护与按期更新提醒',
      '政府信息公开指南的编制与发布',
      '法定主动公开期限（条例第二十六条）的自动计算与提醒',
    ],
  },
  {
    path: 'requests',
    title: '依申请公开',
    summary: '申请登记、补正、征求意见、答复与送达',
    icon: <FormOutlined />,
    plannedFeatures: [
      '网上、信函、当面申请的统一登记',
      '补正告知、第三方及其他机关征求意见',
      '延期审批、答复书拟办与审批、送达记录',
      '按工作日历自动计算答复期限与到期提醒',
      '信息处理费的计收与缴费期限管理',
    ],
  },
  {
    path: 'engagement',
    title: '互动参与',
    summary: '政策解读、意见征集、公众评议',
    icon: <CommentOutlined />,
    plannedFeatures: ['政策文件解读的同步发布', '重大决策意见征集与反馈', '公众留言与评议的办理'],
  },
  {
    path: 'supervision',
    title: '监督考核',
    summary: '社会评议、投诉举报、考核评议',
    icon: <SafetyCertificateOutlined />,
    plannedFeatures: ['投诉举报的受理与办理', '监督检查与整改反馈', '考核指标与考核评议'],
  },
  {
    path: 'reports',
    title: '统计与年报',
    summary: '工作统计报表与年度报告',
    icon: <BarChartOutlined />,
    plannedFeatures: [
      '依申请公开、主动公开等工作数据的统计报表',
      '政府信息公开工作年度报告的编制、审核与按期公布（条例第四十九条）',
    ],
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
];
