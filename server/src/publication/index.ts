/** The publication module's import surface. */
export { publicationAdminApi, publicationPublicApi } from './publication.api.ts';
export { itemImportApi } from './item-import.api.ts';
export { localSubjectApi } from './local-subject.api.ts';
export { catalogUpdateStatus } from './catalog-update.service.ts';
export { publicationPolicy } from './publication.policy.ts';
export { publicationPages } from './publication.pages.ts';
export { publicationRepository } from './publication.repository.ts';
export * as publicationService from './publication.service.ts';
export { scanItem, scanText, isValidResidentId } from './sensitive-scan.ts';
export { STATE_COUNCIL_SUBJECTS, subjectLabel } from './subjects.ts';
export { DEFAULT_CATALOG } from './catalog.ts';
export { guideReview } from './guide.service.ts';
export { itemsSentFigure } from './archive.ts';
export { archivePolicy } from './archive.policy.ts';
export { contactOf, guideReviewStatus, parseGuideContent } from './guide.ts';
export { checkAttachment } from './attachment-files.ts';
export { insertPublishedBatch } from './publication.bulk.ts';
