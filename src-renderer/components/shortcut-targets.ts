/**
 * The keyboard shortcuts press the screen's own controls: Ctrl/Cmd+S the Save button, Ctrl/Cmd+N
 * the 新建 button, `/` puts the cursor in the list's search box. A screen declares a control by
 * spreading `shortcutTarget(...)` on it. A control the role may not use is not rendered, so the
 * shortcut does nothing for that role; a disabled or busy button is not pressed twice.
 */
export type ShortcutTarget = 'save' | 'create' | 'search';

export const shortcutTarget = (target: ShortcutTarget) => ({ 'data-shortcut': target });

function isShown(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || getComputedStyle(node).display === 'none') return false;
  }
  return true;
}

// Mantine portals each drawer and dialog to the end of <body> as it opens, so the last is on top.
const openDialogs = () => [...document.querySelectorAll('[role="dialog"][aria-modal="true"]')].filter(isShown);

/** The open drawer or dialog on top, else the page: a shortcut acts only on what the user can reach. */
function activeLayer(): Element | Document {
  return openDialogs().at(-1) ?? document;
}

function firstTarget(within: Element | Document, target: ShortcutTarget): HTMLElement | null {
  const found = [...within.querySelectorAll<HTMLElement>(`[data-shortcut="${target}"]`)].find(isShown);
  return found ?? null;
}

function press(control: HTMLElement): void {
  const busy = (control as HTMLButtonElement).disabled || control.hasAttribute('data-loading') || control.hasAttribute('data-disabled');
  if (!busy) control.click();
}

/**
 * Saves the form the cursor is in (its Save button, or the form itself when it has none of its
 * own), else the screen's Save. True when there was something to save.
 */
export function saveOnScreen(): boolean {
  const layer = activeLayer();
  const form = document.activeElement?.closest('form');
  if (form && layer.contains(form)) {
    const save = firstTarget(form, 'save');
    if (save) press(save);
    else form.requestSubmit();
    return true;
  }
  const save = firstTarget(layer, 'save');
  if (save) press(save);
  return save !== null;
}

/** Presses the screen's 新建 button; true when the screen has one the user may press. */
export function createOnScreen(): boolean {
  const create = firstTarget(activeLayer(), 'create');
  if (create) press(create);
  return create !== null;
}

/** Puts the cursor in the list's search box, its text selected so typing replaces it. */
export function focusListSearch(): boolean {
  const search = firstTarget(activeLayer(), 'search');
  if (!(search instanceof HTMLInputElement)) return false;
  search.focus();
  search.select();
  return true;
}

/**
 * Esc closes only the dialog on top: Mantine's drawers and dialogs each close on any Esc pressed in
 * the window, so a write-off dialog over the allocation drawer would take the drawer with it.
 * Installed once before anything renders, so it hears the key before the dialogs do.
 */
export function listenEscapeClosesTopDialogOnly(): () => void {
  const closeTopOnly = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.isComposing) return;
    // An open dropdown in the dialog takes this Esc for itself (Mantine marks its input so).
    if (event.target instanceof Element && event.target.getAttribute('data-mantine-stop-propagation') === 'true') return;
    const open = openDialogs();
    const close = open.length > 1 ? open.at(-1)!.querySelector<HTMLElement>('.mantine-Modal-close, .mantine-Drawer-close') : null;
    if (!close) return;
    event.stopImmediatePropagation();
    close.click();
  };
  window.addEventListener('keydown', closeTopOnly, { capture: true });
  return () => window.removeEventListener('keydown', closeTopOnly, { capture: true });
}
