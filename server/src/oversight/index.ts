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
