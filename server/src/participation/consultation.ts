/**
 * Public comment on drafts (意见征集 / 重大行政决策预公开) — the pure domain: kinds of draft and their
 * minimum comment periods, the status union with its transition table, channels, the draft split
 * into articles, comment moderation and the adoption ledger (采纳情况) with its counts. No database,
 * no clock: "today" is always passed in.
 *
 * Periods:
 * - 重大行政决策: 《重大行政决策程序暂行条例》第十四条 — 公开征求意见的期限一般不少于30日；因情况紧急等原因
 *   需要缩短期限的，公开征求意见时应当予以说明 (calendar days);
 * - 行政规范性文件: 《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）
 *   — 征求意见的期限一般不少于7个工作日 (working days on the agency's calendar);
 * both numbers come from the agency's rule profile (agencies/rule-profile.ts), these are the defaults.
 * A shorter period is allowed only with a stated reason, which the portal shows beside the period.
 * The summary of comments and their adoption is due within `consultationSummaryDays` calendar days
 * after the period ends (default 30, docs/glossary.md 采纳情况公布期限): 《重大行政决策程序暂行条例》
 * 第十五条 requires the agency to 研究 the comments and to 公开 the adoption; the number is ours.
 */

export const CONSULTATION_KINDS = ['major_decision', 'normative_document', 'other'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

export const KIND_LABELS: Record<ConsultationKind, string> = {
  major_decision: '重大行政决策',
  normative_document: '行政规范性文件',
  other: '其他政策文件',
};

export const CONSULTATION_STATUSES = ['draft', 'open', 'closed', 'summary_published'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const STATUS_LABELS: Record<ConsultationStatus, string> = {
  draft: '草稿',
  open: '征求意见中',
  closed: '征求意见已结束',
  summary_published: '已公布采纳情况',
};

export type ConsultationAction = 'open' | 'close' | 'publish_summary';

/** The transition table: (status, action) → next status. Nothing else moves a consultation. */
const TRANSITIONS: Record<ConsultationStatus, Partial<Record<ConsultationAction, ConsultationStatus>>> = {
  draft: { open: 'open' },
  open: { close: 'closed', publish_summary: 'summary_published' },
  closed: { publish_summary: 'summary_published' },
  summary_published: {},
};

export function nextStatus(from: ConsultationStatus, action: ConsultationAction): ConsultationStatus | null {
  return TRANSITIONS[from][action] ?? null;
}

/** Channels through which comments are taken (the consultation lists the ones it offers). */
export const CHANNELS = ['portal', 'email', 'letter', 'symposium', 'hearing'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  portal: '网站在线提交',
  email: '电子邮件',
  letter: '信函',
  symposium: '座谈会',
  hearing: '听证会',
};

export function isChannel(s: string): s is Channel {
  return (CHANNELS as readonly string[]).includes(s);
}

// ------------------------------------------------------------------ the comment period

export interface PeriodRules {
  /** 《重大行政决策程序暂行条例》第十四条: at least this many calendar days (default 30) */
  consultationMajorDecisionDays: number;
  /** 国办发〔2018〕37号: at least this many working days (default 7) */
  consultationNormativeWorkingDays: number;
  /** the adoption summary published within this many calendar days after the period ends (default 30) */
  consultationSummaryDays: number;
}

export const DEFAULT_PERIOD_RULES: PeriodRules = Object.freeze({
  consultationMajorDecisionDays: 30,
  consultationNormativeWorkingDays: 7,
  consultationSummaryDays: 30,
});

export interface WorkingDays {
  isWorkingDay(date: string): boolean;
}

export interface PeriodCheck {
  /** the length of the period as the rule counts it (calendar or working days, both ends included) */
  length: number;
  unit: 'calendar' | 'working';
  /** the minimum of the rule; 0 when the kind has none */
  minimum: number;
  /** where the minimum comes from, for messages and the portal */
  basis: string | null;
  /** shorter than the minimum: allowed only with a stated reason */
  short: boolean;
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to`, both included (2026-01-01..2026-01-30 = 30). */
export function calendarDaysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Working days from `from` to `to`, both included. */
export function workingDaysInclusive(cal: WorkingDays, from: string, to: string): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n;
}

export const MAJOR_DECISION_BASIS = '《重大行政决策程序暂行条例》第十四条';
export const NORMATIVE_BASIS =
  '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）';

/**
 * Measures a period against the rule of its kind. `cal` is needed only for a normative document
 * (working days); it may throw CALENDAR_YEAR_MISSING for a year without calendar data.
 */
export function checkPeriod(
  kind: ConsultationKind,
  startsOn: string,
  endsOn: string,
  rules: PeriodRules,
  cal: WorkingDays | null,
): PeriodCheck {
  if (kind === 'major_decision') {
    const length = calendarDaysInclusive(startsOn, endsOn);
    const minimum = rules.consultationMajorDecisionDays;
    return { length, unit: 'calendar', minimum, basis: MAJOR_DECISION_BASIS, short: length < minimum };
  }
  if (kind === 'normative_document') {
    if (!cal) throw new Error('a normative document period is counted on the working-day calendar');
    const length = workingDaysInclusive(cal, startsOn, endsOn);
    const minimum = rules.consultationNormativeWorkingDays;
    return { length, unit: 'working', minimum, basis: NORMATIVE_BASIS, short: length < minimum };
  }
  return {
    length: calendarDaysInclusive(startsOn, endsOn),
    unit: 'calendar',
    minimum: 0,
    basis: null,
    short: false,
  };
}

/** The words of a period rule, e.g. "不少于30日，依据《重大行政决策程序暂行条例》第十四条". */
export function periodRuleText(kind: ConsultationKind, rules: PeriodRules): string | null {
  if (kind === 'major_decision')
    return `不少于${rules.consultationMajorDecisionDays}日，依据${MAJOR_DECISION_BASIS}`;
  if (kind === 'normative_document')
    return `不少于${rules.consultationNormativeWorkingDays}个工作日，依据${NORMATIVE_BASIS}`;
  return null;
}

export interface PeriodProblem {
  field: 'startsOn' | 'endsOn' | 'shortReason';
  message: string;
}

/** The problems of a period: order of the dates, and a short period without its reason. */
export function periodProblems(
  check: PeriodCheck | null,
  startsOn: string,
  endsOn: string,
  shortReason: string | null,
): PeriodProblem[] {
  if (endsOn < startsOn) return [{ field: 'endsOn', message: '截止日期不能早于开始日期' }];
  if (check?.short && !(shortReason ?? '').trim()) {
    const unit = check.unit === 'working' ? '个工作日' : '日';
    return [
      {
        field: 'shortReason',
        message: `征求意见期限为${check.length}${unit}，少于${check.basis}规定的${check.minimum}${unit}；缩短期限须写明理由（将在网站上公布）`,
      },
    ];
  }
  return [];
}

/** What a consultation is, for the public and for the lists, on a given day. */
export type Phase = 'draft' | 'upcoming' | 'open' | 'ended' | 'closed' | 'summary_published';

export const PHASE_LABELS: Record<Phase, string> = {
  draft: '草稿',
  upcoming: '即将开始',
  open: '正在征求意见',
  ended: '征求意见已结束',
  closed: '征求意见已结束',
  summary_published: '已公布采纳情况',
};

export function phaseOf(
  c: { status: ConsultationStatus; startsOn: string; endsOn: string },
  today: string,
): Phase {
  if (c.status === 'open') {
    if (today < c.startsOn) return 'upcoming';
    if (today > c.endsOn) return 'ended';
    return 'open';
  }
  return c.status;
}

/** Comments are taken only while open and inside the period. */
export function acceptsComments(
  c: { status: ConsultationStatus; startsOn: string; endsOn: string },
  today: string,
): boolean {
  return phaseOf(c, today) === 'open';
}

/** The day the period ended: the closing day when closed early by the record, else the last day. */
export function endedOn(c: { endsOn: string; closedOn: string | null }): string {
  return c.closedOn && c.closedOn < c.endsOn ? c.closedOn : c.endsOn;
}

/** The last day for publishing the adoption summary. */
export function summaryDueOn(
  c: { endsOn: string; closedOn: string | null },
  rules: Pick<PeriodRules, 'consultationSummaryDays'>,
): string {
  return addDays(endedOn(c), rules.consultationSummaryDays);
}

/**
 * A consultation whose period is over and whose summary is still unpublished after its due date
 * (the flag the oversight module reads: "征求意见结果未按时公布").
 */
export function summaryOverdue(
  c: { status: ConsultationStatus; endsOn: string; closedOn: string | null },
  rules: Pick<PeriodRules, 'consultationSummaryDays'>,
  today: string,
): boolean {
  if (c.status === 'draft' || c.status === 'summary_published') return false;
  if (c.status === 'open' && today <= c.endsOn) return false;
  return today > summaryDueOn(c, rules);
}

// ------------------------------------------------------------------ the draft's articles

export interface DraftArticle {
  /** 1-based order in the draft */
  seq: number;
  /** e.g. 第一条 */
  label: string;
  /** the chapter/section heading the article stands under, e.g. 第一章 总则 */
  heading: string | null;
  body: string;
}

export interface SplitDraft {
  /** the text before the first article (title, preamble) */
  preamble: string;
  articles: DraftArticle[];
}

const NUM = '[一二三四五六七八九十百千零〇两0-9０-９]+';
const ARTICLE_RE = new RegExp(`^[\\s\\u3000]*(第${NUM}条)[\\s\\u3000]*`);
const HEADING_RE = new RegExp(`^[\\s\\u3000]*第${NUM}[章节](?:[\\s\\u3000].*)?$`);

/**
 * Splits a pasted draft into its articles: every line starting with 第X条 begins an article,
 * following lines (paragraphs 款, items 项) belong to it; 第X章 / 第X节 headings are kept as the
 * heading of the articles below them. A draft without articles has only a preamble.
 */
export function splitArticles(text: string): SplitDraft {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const preamble: string[] = [];
  const articles: DraftArticle[] = [];
  let heading: string | null = null;
  let current: { label: string; heading: string | null; lines: string[] } | null = null;
  const flush = () => {
    if (current)
      articles.push({
        seq: articles.length + 1,
        label: current.label,
        heading: current.heading,
        body: current.lines.join('\n').trim(),
      });
    current = null;
  };
  for (const line of lines) {
    const m = ARTICLE_RE.exec(line);
    if (m) {
      flush();
      current = { label: m[1]!, heading, lines: [line.slice(m[0].length)] };
      continue;
    }
    if (HEADING_RE.test(line)) {
      flush();
      heading = line.trim().replace(/[\s\u3000]+/g, ' ');
      continue;
    }
    if (current) current.lines.push(line);
    else preamble.push(line);
  }
  flush();
  return { preamble: preamble.join('\n').trim(), articles };
}

// ------------------------------------------------------------------ comments, moderation, adoption

export const MODERATIONS = ['pending', 'published', 'withheld', 'rejected'] as const;
export type Moderation = (typeof MODERATIONS)[number];

export const MODERATION_LABELS: Record<Moderation, string> = {
  pending: '待审核',
  published: '已公开',
  withheld: '已收到，不公开原文',
  rejected: '不予受理',
};

/**
 * Moderation outcomes other than publication need a reason, shown to the commenter on the tracking
 * page: `withheld` (kept in the ledger, text not shown — e.g. it contains personal data), `rejected`
 * (not a comment on the draft — abuse, advertising, unrelated; kept out of the ledger).
 */
export function moderationNeedsReason(m: Moderation): boolean {
  return m === 'withheld' || m === 'rejected';
}

export const ADOPTIONS = ['adopted', 'partly_adopted', 'not_adopted'] as const;
export type Adoption = (typeof ADOPTIONS)[number];

export const ADOPTION_LABELS: Record<Adoption, string> = {
  adopted: '采纳',
  partly_adopted: '部分采纳',
  not_adopted: '未采纳',
};

export interface LedgerComment {
  moderation: Moderation;
  adoption: Adoption | null;
  groupId: number | null;
}

export interface LedgerCounts {
  /** every comment received, whatever its outcome */
  received: number;
  /** rejected in moderation (not comments on the draft) */
  rejected: number;
  /** the comments in the ledger: received minus rejected */
  considered: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
  /** considered comments still without an adoption decision */
  undecided: number;
  /** groups of similar comments, plus comments in no group (each its own item) */
  items: number;
}

/** The counts of the adoption summary. */
export function ledgerCounts(comments: readonly LedgerComment[]): LedgerCounts {
  const c: LedgerCounts = {
    received: comments.length,
    rejected: 0,
    considered: 0,
    adopted: 0,
    partlyAdopted: 0,
    notAdopted: 0,
    undecided: 0,
    items: 0,
  };
  const groups = new Set<number>();
  for (const x of comments) {
    if (x.moderation === 'rejected') {
      c.rejected++;
      continue;
    }
    c.considered++;
    if (x.groupId !== null) groups.add(x.groupId);
    else c.items++;
    if (x.adoption === 'adopted') c.adopted++;
    else if (x.adoption === 'partly_adopted') c.partlyAdopted++;
    else if (x.adoption === 'not_adopted') c.notAdopted++;
    else c.undecided++;
  }
  c.items += groups.size;
  return c;
}

/** The summary may be published once no comment awaits moderation or an adoption decision. */
export function summaryProblems(comments: readonly LedgerComment[]): string[] {
  const out: string[] = [];
  const pending = comments.filter((c) => c.moderation === 'pending').length;
  if (pending > 0) out.push(`还有${pending}条意见尚未审核`);
  const undecided = comments.filter((c) => c.moderation !== 'rejected' && c.adoption === null).length;
  if (undecided > 0) out.push(`还有${undecided}条意见尚未标注采纳情况`);
  return out;
}

/** Personal data outside the handling staff: the first character, then asterisks. */
export function maskPerson(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

export function maskContact(contact: string | null): string | null {
  if (!contact) return contact;
  if (contact.length <= 4) return '*'.repeat(contact.length);
  return contact.slice(0, 2) + '*'.repeat(Math.max(contact.length - 4, 1)) + contact.slice(-2);
}

/** How a comment is named in public: its display name, else 网友 (never the private name). */
export function publicAuthor(c: { displayName: string | null; channel: string }): string {
  if (c.displayName?.trim()) return c.displayName.trim();
  return c.channel === 'portal' ? '网友' : `${CHANNEL_LABELS[c.channel as Channel] ?? '其他渠道'}意见`;
}
