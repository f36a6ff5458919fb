import { Grid } from 'antd';

/** The media query of usePhone (antd's md breakpoint is 768 px). */
export const PHONE_QUERY = '(max-width: 767.98px)';

/** A phone-sized screen (below antd's md breakpoint, 768 px; e.g. 390 px wide); false until measured. */
export function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  return Object.keys(screens).length > 0 && !screens.md;
}
