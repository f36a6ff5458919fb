/** The reporting module's import surface for other modules (minimal: what oversight/ reads). */
export { reportDueDate } from './annual-report.ts';
