/** The notifications module's import surface for other modules (通知、提醒、发件箱). */
export { notificationsApi } from './notification.api.ts';
export { deliverDue, enqueue, type EnqueueInput } from './notification.service.ts';
export { SUBJECT_CONTACT } from './notification.ts';
export { notifiersFor, type Notifier, type Notifiers } from './notifier.ts';
export { NOTIFICATION_ERRORS } from './notifications.errors.ts';
export { enqueueOne } from './notification.service.ts';
export {
  type AttachmentRef,
  type DeliveryOutcome,
  onDelivery,
} from './delivery-hooks.ts';
export type { MailAttachment, OutgoingMessage } from './notifier.ts';
