/**
 * Reminders for contacts (留言期限提醒): the disclosure office of the handling agency is told in-app
 * one working day before an open contact's answer is due, and once when it is overdue (within a week
 * of the due date, so a server that was down still raises it). Idempotent through the outbox's dedupe
 * keys; one audit event per run that enqueued something.
 */
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { calendarFor } from '../calendar/calendar.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { type EnqueueInput, enqueue, SUBJECT_CONTACT } from '../notifications/index.ts';
import { AppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import { addDays } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { CONTACT_KIND_LABELS, type ContactKind } from './contact.ts';
import { contactRepository as repo } from './contact.repository.ts';

const OVERDUE_CATCH_UP_DAYS = 7;

export type ContactReminder = 'due_tomorrow' | 'overdue';

/** Which reminder falls due today for a contact due on `dueOn` (1 working day ahead, or overdue). */
export function contactReminderToday(
  workingDaysLeft: number,
  today: string,
  dueOn: string,
): ContactReminder | null {
  if (today > dueOn && today <= addDays(dueOn, OVERDUE_CATCH_UP_DAYS)) return 'overdue';
  if (workingDaysLeft === 1) return 'due_tomorrow';
  return null;
}

export async function enqueueContactReminders(deps: Deps, tx: DbOrTx): Promise<number> {
  const today = chinaDate(deps.clock.now());
  const rows = await repo.openDueBetween(tx, addDays(today, -OVERDUE_CATCH_UP_DAYS), addDays(today, 16));
  const offices = new Map<number, number[]>();
  for (const h of await repo.officeHolders(tx, [...new Set(rows.map((r) => r.agencyId))]))
    offices.set(h.agencyId, [...(offices.get(h.agencyId) ?? []), h.userId]);
  const items: EnqueueInput[] = [];
  for (const c of rows) {
    let left: number;
    try {
      left = (await calendarFor(deps, c.agencyId, tx)).workingDaysBetween(today, c.dueOn);
    } catch (e) {
      if (e instanceof AppError && e.code === 'CALENDAR_YEAR_MISSING') continue;
      throw e;
    }
    const r = contactReminderToday(left, today, c.dueOn);
    if (!r) continue;
    const kind = CONTACT_KIND_LABELS[c.kind as ContactKind] ?? '留言';
    const title =
      r === 'overdue' ? `${kind}${c.trackingNo ?? ''}已超过答复期限` : `${kind}${c.trackingNo ?? ''}明天到期`;
    const body = `“${c.subject}”的答复期限为 ${c.dueOn}，${r === 'overdue' ? '已逾期，请尽快答复' : '请在期限内答复'}。`;
    for (const userId of offices.get(c.agencyId) ?? [])
      items.push({
        agencyId: c.agencyId,
        subjectType: SUBJECT_CONTACT,
        subjectId: c.id,
        event: `contact:${c.id}:${c.dueOn}:${r}`,
        channel: 'inapp',
        recipient: String(userId),
        title,
        body,
      });
  }
  const fresh = await enqueue(deps, tx, items);
  if (fresh.length === 0) return 0;
  await recordAudit(tx, deps, {
    actor: SYSTEM_ACTOR,
    agencyId: null,
    entityType: 'notification',
    entityId: 'contact_reminders',
    action: 'notification.reminders_enqueued',
    after: { count: fresh.length, events: [...new Set(fresh.map((f) => f.event))] },
  });
  return fresh.length;
}
