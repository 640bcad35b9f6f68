import { useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * True when the screen is narrower than the theme's `breakpoint` (a phone at `xs`, a small
 * tablet at `sm`): tables then show each record as a stacked row instead of cutting off
 * columns or scrolling sideways. Read at the first render, so the wide layout never flashes.
 */
export function useStackedLayout(breakpoint: 'xs' | 'sm' = 'xs'): boolean {
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints[breakpoint]})`, true, {
    getInitialValueInEffect: false,
  });
  return !wide;
}
