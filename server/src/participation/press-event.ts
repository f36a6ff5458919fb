/**
 * Press conferences and online interviews (新闻发布会 / 在线访谈 / 政策吹风会), pure rules: the event's
 * life (planned → announced → held → summary published; cancelled before it is held), the questions the
 * public sends beforehand (moderated; name and contact never public), and the yearly target per agency
 * (rule profile `pressEventsPerYear`; 《省司法厅政务公开意见》: at least one a quarter, docs/product.md)
 * measured pro rata by elapsed quarters.
 */

export const PRESS_EVENT_KINDS = ['press_conference', 'online_interview', 'policy_briefing'] as const;
export type PressEventKind = (typeof PRESS_EVENT_KINDS)[number];
export const PRESS_KIND_LABELS: Record<PressEventKind, string> = {
  press_conference: '新闻发布会',
  online_interview: '在线访谈',
  policy_briefing: '政策吹风会',
};

export const PRESS_EVENT_STATUSES = [
  'planned',
  'announced',
  'held',
  'summary_published',
  'cancelled',
] as const;
export type PressEventStatus = (typeof PRESS_EVENT_STATUSES)[number];
export const PRESS_STATUS_LABELS: Record<PressEventStatus, string> = {
  planned: '计划中',
  announced: '已预告',
  held: '已举办',
  summary_published: '已发布实录',
  cancelled: '已取消',
};

export type PressEventAction = 'announce' | 'hold' | 'publish_summary' | 'cancel';

const TRANSITIONS: Record<PressEventStatus, Partial<Record<PressEventAction, PressEventStatus>>> = {
  planned: { announce: 'announced', hold: 'held', cancel: 'cancelled' },
  announced: { hold: 'held', cancel: 'cancelled' },
  held: { publish_summary: 'summary_published' },
  summary_published: {},
  cancelled: {},
};

export function nextPressStatus(from: PressEventStatus, action: PressEventAction): PressEventStatus | null {
  return TRANSITIONS[from]?.[action] ?? null;
}

export function isPressStatus(s: string): s is PressEventStatus {
  return (PRESS_EVENT_STATUSES as readonly string[]).includes(s);
}

/** Topic, time, place and speakers may change until the event is held. */
export function pressEventEditable(status: PressEventStatus): boolean {
  return status === 'planned' || status === 'announced';
}

/** The public sees an event once it is announced (a cancelled one only if it had been announced). */
export function pressEventPublic(status: PressEventStatus, announcedAt: string | null): boolean {
  if (status === 'planned') return false;
  if (status === 'cancelled') return announcedAt !== null;
  return true;
}

/** Questions are collected while the event is announced and its date has not passed. */
export function acceptsQuestions(status: PressEventStatus, eventDate: string, today: string): boolean {
  return status === 'announced' && today <= eventDate;
}

/** Counted as held: held, with or without its transcript published. */
export function countsAsHeld(status: PressEventStatus): boolean {
  return status === 'held' || status === 'summary_published';
}

export const QUESTION_MODERATIONS = ['pending', 'accepted', 'rejected'] as const;
export type QuestionModeration = (typeof QUESTION_MODERATIONS)[number];
export const QUESTION_MODERATION_LABELS: Record<QuestionModeration, string> = {
  pending: '待审核',
  accepted: '已采用',
  rejected: '不予采用',
};

export interface Speaker {
  name: string;
  title: string;
}

/** Speakers from the stored JSON; anything malformed is dropped. */
export function parseSpeakers(json: string): Speaker[] {
  try {
    const v = JSON.parse(json) as unknown;
    if (!Array.isArray(v)) return [];
    return v.flatMap((s) =>
      s && typeof s === 'object' && typeof s.name === 'string' && typeof s.title === 'string'
        ? [{ name: s.name, title: s.title }]
        : [],
    );
  } catch {
    return [];
  }
}

export function isValidTime(t: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(t);
  return m !== null && Number(m[1]) < 24 && Number(m[2]) < 60;
}

export function isHttpUrl(u: string): boolean {
  try {
    const p = new URL(u);
    return p.protocol === 'http:' || p.protocol === 'https:';
  } catch {
    return false;
  }
}

export interface YearTarget {
  year: number;
  target: number;
  held: number;
  /** quarters of the year fully elapsed on `today` (0–4) */
  elapsedQuarters: number;
  /** target × elapsed quarters / 4, rounded down */
  expectedByNow: number;
  behind: boolean;
}

/**
 * The year's count against the target: behind when fewer were held than the target's share of the
 * quarters already over (target × elapsed quarters / 4, rounded down). A past year counts all four.
 */
export function yearTarget(target: number, held: number, year: number, today: string): YearTarget {
  const todayYear = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const elapsedQuarters = year < todayYear ? 4 : year > todayYear ? 0 : Math.floor((month - 1) / 3);
  const expectedByNow = Math.floor((target * elapsedQuarters) / 4);
  return { year, target, held, elapsedQuarters, expectedByNow, behind: held < expectedByNow };
}
