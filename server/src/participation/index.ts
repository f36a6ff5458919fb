/** The participation module's import surface (留言、咨询、投诉举报、领导信箱、评议). */
export { contactsApi } from './contact.api.ts';
export { CONTACT_ERRORS } from './contact.errors.ts';
export { contactPages } from './contact.pages.ts';
export { contactTodos } from './contact.todo.ts';
export { seedContactsDemo } from './contact.demo.ts';
export { enqueueContactReminders } from './contact.reminder.ts';

export { consultationsApi } from './consultation.api.ts';
export { consultationPages } from './consultation.pages.ts';
export { seedConsultationsDemo } from './consultation.demo.ts';
export { type OverdueSummary, overdueSummaries } from './consultation.service.ts';
export { consultationTodos } from './consultation.todo.ts';
export { PARTICIPATION_ERRORS } from './participation.errors.ts';

export { pressEventsApi } from './press-event.api.ts';
export { pressEventPages } from './press-event.pages.ts';
export { PRESS_EVENT_ERRORS } from './press-event.errors.ts';
export { pressEventsHeld, pressTargetFor, pressTargetWarnings } from './press-event.service.ts';
export { seedPressEventsDemo } from './press-event.demo.ts';
export { pressEventTodos } from './press-event.todo.ts';
