/**
 * After the app moves to another page, focus goes to the new page's heading (or its main region while the
 * page is still loading), so screen-reader and keyboard users start at the top of what changed, as they
 * would after a full page load. The first page load is left alone.
 */
import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';

function focusPage(attemptsLeft: number) {
  const heading = document.querySelector<HTMLElement>('main h1, h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
    return;
  }
  if (attemptsLeft > 0) {
    setTimeout(() => focusPage(attemptsLeft - 1), 100);
    return;
  }
  document.getElementById('main')?.focus();
}

export function RouteFocus() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    // The new page may still be loading its code: look for its heading for up to a second.
    const timer = setTimeout(() => focusPage(10), 0);
    return () => clearTimeout(timer);
  }, [pathname]);
  return <Outlet />;
}
