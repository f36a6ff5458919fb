/**
 * Deadline reminders (期限提醒): reply deadlines of applications and annual-report due dates, sent
 * through the notifications outbox. Above requests, reporting and notifications, which it reads and
 * uses, so the notifications module stays a service below the modules whose work it reminds of.
 */
export { enqueueDueReminders, reminderJob } from './reminder.service.ts';
