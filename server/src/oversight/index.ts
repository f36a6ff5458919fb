/** The oversight module's import surface for other modules (监督检查与整改). */
export { oversightApi } from './oversight.api.ts';
export { oversightPages } from './oversight.pages.ts';
export { oversightTodos, overdueWarnings } from './oversight.todo.ts';
export { seedOversightDemo, DEMO_INSPECTION_TITLE } from './oversight.demo.ts';
export { OVERSIGHT_ERRORS } from './oversight.errors.ts';
export {
  createPlan,
  changePlanStatus,
  recordFinding,
  submitReport,
  decideReport,
  owedRectifications,
  publishedResults,
  type FindingInput,
  type PlanInput,
} from './oversight.service.ts';
export { CHECK_POINTS, checkPoint, checkPointLabel } from './check-point.ts';
