/**
 * Keys for a table of complaints, active only while the focus is inside it (WCAG 2.1.4: no page-wide
 * single-key shortcuts): j / ArrowDown and k / ArrowUp move the selection (and the focus, so a screen reader
 * follows), Enter opens the selected row, "/" goes to the search box. Keys typed into a field, or with a
 * modifier held, are left alone. Attach `onKeyDown` to the table's focusable container.
 */
import { type KeyboardEvent, type RefObject, useCallback, useEffect, useState } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.getAttribute('role') === 'combobox'
  );
}

export function useListKeys(options: {
  count: number;
  /** The row's own link, which takes the focus when the row is selected. */
  rowLink: (index: number) => HTMLElement | null;
  open: (index: number) => void;
  search: RefObject<HTMLInputElement | null>;
}) {
  const { count, rowLink, open, search } = options;
  const [selected, setSelected] = useState(-1);

  useEffect(() => {
    if (selected >= count) setSelected(count - 1);
  }, [count, selected]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target)) return;
      const move = (to: number) => {
        event.preventDefault();
        const index = Math.max(0, Math.min(count - 1, to));
        setSelected(index);
        const link = rowLink(index);
        link?.focus();
        link?.scrollIntoView({ block: 'nearest' });
      };
      switch (event.key) {
        case '/':
          event.preventDefault();
          search.current?.focus();
          return;
        case 'j':
        case 'ArrowDown':
          if (count) move(selected + 1);
          return;
        case 'k':
        case 'ArrowUp':
          if (count) move(selected < 0 ? 0 : selected - 1);
          return;
        case 'Enter': {
          // A focused link or button does its own thing on Enter.
          const target = event.target as HTMLElement | null;
          if (target?.closest('a, button')) return;
          if (selected >= 0 && selected < count) {
            event.preventDefault();
            open(selected);
          }
          return;
        }
      }
    },
    [count, selected, rowLink, open, search],
  );

  return { selected, setSelected, onKeyDown };
}
