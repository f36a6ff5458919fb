/** The publication module's import surface. */
export { publicationAdminApi, publicationPublicApi } from './publication.api.ts';
export { publicationPages } from './publication.pages.ts';
export { publicationRepository } from './publication.repository.ts';
export * as publicationService from './publication.service.ts';
export { scanItem, scanText, isValidResidentId } from './sensitive-scan.ts';
export { STATE_COUNCIL_SUBJECTS, subjectLabel } from './subjects.ts';
export { DEFAULT_CATALOG } from './catalog.ts';
