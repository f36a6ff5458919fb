/** The oversight module's import surface (监督考核). */
export { detectionsApi } from './detection.api.ts';
export {
  type DetectionEvidence,
  detectionEvidence,
  detectionJob,
  recordDetections,
} from './detection.service.ts';
export { DETECTION_ERRORS } from './detection.errors.ts';
export { DETECTION_KIND_INFO, DETECTION_KINDS, type DetectionKind } from './detection.ts';
export { seedDetectionsDemo } from './detection.demo.ts';

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

export { accountabilityApi } from './accountability.api.ts';
export { seedAccountabilityDemo, DEMO_ACCOUNTABILITY_TITLE } from './accountability.demo.ts';
export { ACCOUNTABILITY_ERRORS } from './accountability.errors.ts';
export {
  responsibilityShare,
  splitResponsibility,
  SANCTIONS,
  VIOLATION_KINDS,
  REVIEW_REQUEST_DAYS,
  type CaseStatus as AccountabilityStatus,
} from './accountability.ts';
