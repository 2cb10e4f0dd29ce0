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

/** The open drawer or dialog on top, else the page: a shortcut acts only on what the user can reach. */
function activeLayer(): Element | Document {
  const dialogs = [...document.querySelectorAll('[role="dialog"][aria-modal="true"]')].filter(isShown);
  return dialogs.at(-1) ?? document;
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
