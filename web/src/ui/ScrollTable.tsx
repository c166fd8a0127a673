/**
 * The frame every table sits in: on a narrow screen the table keeps its minimum width and scrolls sideways
 * inside a named region that keyboard users can focus and scroll with the arrow keys (WCAG 2.1.1; axe's
 * scrollable-region-focusable), rather than squeezing its columns until the words break.
 */
import { Table, type TableScrollContainerProps } from '@mantine/core';

export function ScrollTable({
  label,
  ...props
}: { /** What the region is called to a screen reader ("Sessions table"). */ label: string } & Omit<
  TableScrollContainerProps,
  'type' | 'role' | 'tabIndex' | 'aria-label'
>) {
  return <Table.ScrollContainer type="native" tabIndex={0} role="region" aria-label={label} {...props} />;
}
