/**
 * The check-point catalog of a supervision inspection (监督检查要点), kept as data. Seeded from the
 * district supervision measures art. 6 (组织领导、公开期限、公开内容、公开形式、制度建设、信息化建设、
 * 行政服务中心、公开效果) and from 《政府信息公开条例》 (第十九条、第二十条 the items to publish
 * proactively, 第二十六条 the 20-working-day limit, 第十二条 the guide and catalog, 第十七条 the
 * confidentiality review) — docs/glossary.md maps each code to its label.
 */
export interface CheckPoint {
  /** stable code stored with each finding */
  code: string;
  label: string;
  /** what the inspector looks at */
  description: string;
  /** where the duty comes from */
  basis: string;
}

export const CHECK_POINTS: readonly CheckPoint[] = [
  {
    code: 'procedure',
    label: '程序规范',
    description: '公开信息经拟稿、审核、审批程序，依申请公开按登记、承办、审批、答复程序办理',
    basis: '《政府信息公开条例》第二十六条、第三十一条至第三十三条',
  },
  {
    code: 'content_complete',
    label: '内容完整',
    description: '机构设置、领导分工、职责权限、联系方式、投诉反馈等基本信息完整',
    basis: '《政府信息公开条例》第十九条、第二十条；区政务公开督查办法第六条第（三）项',
  },
  {
    code: 'timely',
    label: '按时公开',
    description: '属于主动公开范围的信息自形成或者变更之日起20个工作日内公开',
    basis: '《政府信息公开条例》第二十六条；区政务公开督查办法第六条第（二）项',
  },
  {
    code: 'form',
    label: '形式规范',
    description: '根据公开类别选择网站、服务窗口、公开栏、政府公报等载体，方便群众知情、办事和参与',
    basis: '《政府信息公开条例》第二十三条、第二十四条；区政务公开督查办法第六条第（四）项',
  },
  {
    code: 'archive',
    label: '档案完整',
    description: '公开信息、申请办理材料按规定归档，案卷齐全',
    basis: '《政府信息公开条例》第二十九条至第三十九条（办理记录）；docs/product.md',
  },
  {
    code: 'organisation',
    label: '组织机构',
    description: '政务公开组织运作、责任落实，明确承担政务公开督查工作的内设机构',
    basis: '《政府信息公开条例》第四条；区政务公开督查办法第五条、第六条第（一）项',
  },
  {
    code: 'time_limits',
    label: '办理时限',
    description: '依申请公开在法定期限内答复，补正告知、征求意见、延期按规定办理',
    basis: '《政府信息公开条例》第三十条、第三十二条、第三十三条',
  },
  {
    code: 'article20_items',
    label: '第二十条事项',
    description: '条例第二十条所列应当主动公开的政府信息均已公开',
    basis: '《政府信息公开条例》第二十条',
  },
  {
    code: 'guide_catalog',
    label: '指南和目录更新',
    description: '《政府信息公开指南》和《政府信息公开目录》已编制、及时更新并公开',
    basis: '《政府信息公开条例》第十二条；区政务公开督查办法第六条第（三）项',
  },
  {
    code: 'confidentiality',
    label: '保密审查',
    description: '拟公开的信息依照《中华人民共和国保守国家秘密法》及有关规定进行审查',
    basis: '《政府信息公开条例》第十七条',
  },
  {
    code: 'regimes',
    label: '首问负责制、服务承诺制、投诉处理',
    description: '实行首问负责制、服务承诺制、投诉处理和结果反馈制度，建立监督检查、评议、考核和责任追究制度',
    basis: '区政务公开督查办法第六条第（五）项',
  },
  {
    code: 'online_columns',
    label: '网上专栏更新',
    description: '政府及部门网页的政务公开专页、专栏内容及时更新',
    basis: '《政府信息公开条例》第二十四条；区政务公开督查办法第六条第（六）项',
  },
  {
    code: 'service_centre',
    label: '服务中心窗口',
    description: '行政服务中心（窗口）“一站式”办公、网上审批、绿色通道服务制度落实',
    basis: '区政务公开督查办法第六条第（七）项',
  },
  {
    code: 'effect',
    label: '公开效果',
    description: '方便群众、服务群众，群众基本满意',
    basis: '区政务公开督查办法第六条第（八）项',
  },
];

const BY_CODE = new Map(CHECK_POINTS.map((c) => [c.code, c]));

export function checkPoint(code: string): CheckPoint | undefined {
  return BY_CODE.get(code);
}

export function checkPointLabel(code: string): string {
  return BY_CODE.get(code)?.label ?? code;
}
