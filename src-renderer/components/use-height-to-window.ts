import { useLayoutEffect, useState } from 'react';

/**
 * The height that lets a table end just above the window's bottom edge (leaving `below` pixels for
 * its pager), so its sideways scrollbar is on screen without scrolling the page down to find it. The
 * table scrolls inside that height with its header row kept in view. Never less than `min`.
 * `ref` is a callback ref: the table may appear only after its first page has loaded.
 */
export function useHeightToWindow({ below = 64, min = 280 } = {}) {
  const [element, ref] = useState<HTMLElement | null>(null);
  const [height, setHeight] = useState<number>();
  useLayoutEffect(() => {
    if (!element) return;
    const fit = () => setHeight(Math.max(min, Math.floor(window.innerHeight - (element.getBoundingClientRect().top + window.scrollY) - below)));
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [element, below, min]);
  return { ref, height };
}
