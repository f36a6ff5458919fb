/** The portal page frame's import surface (frame.ts, layout, site identity, portal form tokens). */
export {
  A11Y_COOKIE,
  COLUMNS,
  CSS_HREF,
  type Frame,
  frame,
  page,
  type PortalPageOptions,
  publicAgencies,
  publicAgencyByCode,
  renderAgencyColumnPage,
  renderErrorPage,
  renderPortalPage,
  sameSitePath,
} from './frame.ts';
export {
  checkFormToken,
  FORM_COOKIE,
  FORM_EXPIRED_MESSAGE,
  FORM_FIELD,
  issueFormToken,
} from './form-csrf.ts';
export { type A11yPrefs, layout, type PageMeta, parseA11y } from './layout.ts';
export { PORTAL_CSS } from './portal.css.ts';
export { siteApi } from './site.api.ts';
export { FAVICON_SVG, faviconIco, type SiteIdentity, siteIdentity } from './site.ts';
