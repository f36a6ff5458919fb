/** The participation module's import surface for other modules (公众参与). */
export { consultationsApi } from './consultation.api.ts';
export { consultationPages } from './consultation.pages.ts';
export { seedConsultationsDemo } from './consultation.demo.ts';
export { type OverdueSummary, overdueSummaries } from './consultation.service.ts';
export { consultationTodos } from './consultation.todo.ts';
export { PARTICIPATION_ERRORS } from './participation.errors.ts';
