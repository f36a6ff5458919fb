import { Grid } from 'antd';

/** A phone-sized screen (below antd's md breakpoint, 768 px; e.g. 390 px wide); false until measured. */
export function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  return Object.keys(screens).length > 0 && !screens.md;
}
