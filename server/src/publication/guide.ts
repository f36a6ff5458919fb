/**
 * The guide (政府信息公开指南, R.12; docs/product.md §2.2) as a structured, versioned document. R.12 requires
 * the classification and arrangement of the information and how to obtain it, and the working
 * body's name, address, office hours, phone, fax and Internet contact; 《省司法厅信息公开指南》 adds the
 * scope, form and time limits, how to apply, fees and the supervision/remedy channels, and says it
 * "每年更新一次" — hence the yearly review. Pure: no db, no http.
 */
import { addDays } from '../shared/dates.ts';

export const GUIDE_SECTION_KEYS = [
  'overview',
  'scope',
  'proactive',
  'application',
  'fees',
  'remedies',
] as const;
export type GuideSectionKey = (typeof GUIDE_SECTION_KEYS)[number];

export const GUIDE_SECTION_HEADINGS: Record<GuideSectionKey, string> = {
  overview: '一、概述',
  scope: '二、公开范围（信息的分类和编排体系）',
  proactive: '三、主动公开（形式和时限）',
  application: '四、依申请公开（受理机构和申请方式）',
  fees: '五、收费',
  remedies: '六、监督和救济途径',
};

export interface GuideSection {
  key: string;
  heading: string;
  text: string;
}

/** The agency record's contact fields the guide quotes (R.12 ¶2). */
export interface GuideContact {
  office: string;
  address: string | null;
  postalCode: string | null;
  officeHours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
}

export const CONTACT_LABELS: Record<keyof GuideContact, string> = {
  office: '受理机构',
  address: '办公地址',
  postalCode: '邮政编码',
  officeHours: '办公时间',
  phone: '联系电话',
  fax: '传真号码',
  email: '电子邮箱',
  website: '网站',
};

export interface GuideContent {
  sections: GuideSection[];
  /** the contact data as published with this version (compared with the agency record later) */
  contact: GuideContact;
}

export function contactOf(agency: Omit<GuideContact, 'office'> & { name: string }): GuideContact {
  return {
    office: agency.name,
    address: agency.address,
    postalCode: agency.postalCode,
    officeHours: agency.officeHours,
    phone: agency.phone,
    fax: agency.fax,
    email: agency.email,
    website: agency.website,
  };
}

export function contactLines(c: GuideContact): string[] {
  return (Object.keys(CONTACT_LABELS) as (keyof GuideContact)[])
    .filter((k) => c[k])
    .map((k) => `${CONTACT_LABELS[k]}：${c[k]}`);
}

/** A new draft, prefilled from the agency record (《省司法厅信息公开指南》 as the model text). */
export function defaultGuide(agencyName: string, contact: GuideContact): GuideContent {
  const text: Record<GuideSectionKey, string> = {
    overview: `为了更好地提供政府信息公开服务，方便公民、法人和其他组织获得政府信息，根据《中华人民共和国政府信息公开条例》，${agencyName}编制本指南。本指南每年更新一次，可在本机关政府信息公开专栏查阅。`,
    scope:
      '本机关主动公开的政府信息按“法定主动公开内容”栏目中的主动公开基本目录分类编排：概况信息、法规文件、发展规划、工作动态、人事信息、财经信息、行政执法、公共服务。每条信息列明索引号、名称、内容概述和生成日期。',
    proactive:
      '主动公开信息主要通过本机关政府信息公开专栏公开，并视情况通过政府公报、新闻发布会、公开栏、服务窗口等方式公开。属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内予以公开（条例第二十六条）。概况信息、法规和规范性文件、发展规划、行政执法依据、行政事业性收费、公共服务等信息长期留存；其他信息网上留存期限为1年，超过留存期的信息已归档，可依申请获取。',
    application: [
      '公民、法人或者其他组织可以向本机关申请获取主动公开以外的政府信息。申请应当采用书面形式（包括数据电文形式），可通过本平台“依申请公开”栏目在线提交，或以信函、传真、当面方式提交。',
      ...contactLines(contact),
      '本机关自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过20个工作日（条例第三十三条）。',
    ].join('\n'),
    fees: '本机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，依照《政府信息公开信息处理费管理办法》收取信息处理费。',
    remedies:
      '公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。',
  };
  return {
    sections: GUIDE_SECTION_KEYS.map((key) => ({
      key,
      heading: GUIDE_SECTION_HEADINGS[key],
      text: text[key],
    })),
    contact,
  };
}

/** 《省司法厅政务公开意见》: "《指南》每年更新一次" — the next review is due 12 months after publication. */
export function nextReviewOn(publishedOn: string): string {
  const [y, m, d] = publishedOn.split('-').map(Number) as [number, number, number];
  const target = `${y + 1}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // 29 February → 1 March of the next year
  return m === 2 && d === 29 ? addDays(`${y + 1}-02-28`, 1) : target;
}

export type GuideReviewReason = 'never_published' | 'review_due' | 'contact_changed';

export interface GuideReviewStatus {
  due: boolean;
  reasons: GuideReviewReason[];
  /** contact fields whose value in the agency record differs from the published version */
  changedFields: (keyof GuideContact)[];
}

export function guideReviewStatus(
  latest: { nextReviewOn: string; content: GuideContent } | null,
  current: GuideContact,
  today: string,
): GuideReviewStatus {
  if (!latest) return { due: true, reasons: ['never_published'], changedFields: [] };
  const reasons: GuideReviewReason[] = [];
  if (latest.nextReviewOn <= today) reasons.push('review_due');
  const published = latest.content.contact;
  const changedFields = published
    ? (Object.keys(CONTACT_LABELS) as (keyof GuideContact)[]).filter(
        (k) => (published[k] ?? null) !== (current[k] ?? null),
      )
    : [];
  if (changedFields.length) reasons.push('contact_changed');
  return { due: reasons.length > 0, reasons, changedFields };
}

export function parseGuideContent(json: string): GuideContent {
  const c = JSON.parse(json) as Partial<GuideContent>;
  return {
    sections: (c.sections ?? []).map((s, i) => ({
      key: s.key ?? `s${i + 1}`,
      heading: s.heading,
      text: s.text,
    })),
    contact: c.contact ?? (null as unknown as GuideContact),
  };
}

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Line diff (longest common subsequence) — guides are a few dozen lines, quadratic is fine. */
export function diffLines(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: 'removed', text: a[i++]! });
    else out.push({ kind: 'added', text: b[j++]! });
  }
  while (i < n) out.push({ kind: 'removed', text: a[i++]! });
  while (j < m) out.push({ kind: 'added', text: b[j++]! });
  return out;
}

/** Section-by-section diff of two guide versions (sections matched by key). */
export function diffGuides(
  from: GuideContent,
  to: GuideContent,
): { key: string; heading: string; lines: DiffLine[] }[] {
  const keys = [...new Set([...from.sections.map((s) => s.key), ...to.sections.map((s) => s.key)])];
  const split = (t: string | undefined) => (t ? t.split('\n').filter((l) => l.trim() !== '') : []);
  return keys.map((key) => {
    const a = from.sections.find((s) => s.key === key);
    const b = to.sections.find((s) => s.key === key);
    return {
      key,
      heading: (b ?? a)!.heading,
      lines: diffLines(split(a?.text), split(b?.text)),
    };
  });
}
