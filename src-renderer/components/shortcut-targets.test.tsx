import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOnScreen, focusListSearch, saveOnScreen } from './shortcut-targets';

/** A screen as plain DOM: what the shortcuts look for is markup, whichever component drew it. */
function screenOf(html: string) {
  document.body.innerHTML = html;
  const clicks: string[] = [];
  for (const button of document.querySelectorAll('button')) button.addEventListener('click', () => clicks.push(button.id));
  return clicks;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('what a shortcut presses', () => {
  it('saves the dialog on top, not the page under it', () => {
    const clicks = screenOf(`
      <form><button type="button" id="page-save" data-shortcut="save">保存</button></form>
      <section role="dialog" aria-modal="true"><form><button type="button" id="dialog-save" data-shortcut="save">保存</button></form></section>`);
    expect(saveOnScreen()).toBe(true);
    expect(clicks).toEqual(['dialog-save']);
  });

  it('does not create behind an open dialog', () => {
    const clicks = screenOf(`
      <button type="button" id="new-customer" data-shortcut="create">新建客户</button>
      <section role="dialog" aria-modal="true"><input /></section>`);
    expect(createOnScreen()).toBe(false);
    expect(clicks).toEqual([]);
  });

  it('saves the form the cursor is in through its own Save, even with another Save first on the page', () => {
    const clicks = screenOf(`
      <form><button type="button" id="first-save" data-shortcut="save">保存</button></form>
      <form><input id="typing" /><button type="button" id="second-save" data-shortcut="save">保存</button></form>`);
    document.getElementById('typing')!.focus();
    saveOnScreen();
    expect(clicks).toEqual(['second-save']);
  });

  it('submits a form without a declared Save when the cursor is in it', () => {
    screenOf(`<form id="follow-up"><textarea id="typing"></textarea><button type="submit">记录</button></form>`);
    const submitted = vi.fn((event: Event) => event.preventDefault());
    document.getElementById('follow-up')!.addEventListener('submit', submitted);
    document.getElementById('typing')!.focus();
    expect(saveOnScreen()).toBe(true);
    expect(submitted).toHaveBeenCalledTimes(1);
  });

  it('does not press a Save that is busy or disabled a second time', () => {
    const clicks = screenOf(`<button type="button" id="busy" data-shortcut="save" data-loading disabled>保存</button>`);
    expect(saveOnScreen()).toBe(true);
    expect(clicks).toEqual([]);
  });

  it('skips the controls of a tab that is not shown', () => {
    const clicks = screenOf(`
      <div style="display: none"><button type="button" id="hidden-tab-new" data-shortcut="create">新增供应商</button><input data-shortcut="search" id="hidden-search" /></div>
      <div><button type="button" id="shown-tab-new" data-shortcut="create">新增采购单</button><input data-shortcut="search" id="shown-search" value="旧词" /></div>`);
    createOnScreen();
    expect(clicks).toEqual(['shown-tab-new']);
    expect(focusListSearch()).toBe(true);
    const search = document.activeElement as HTMLInputElement;
    expect(search.id).toBe('shown-search');
    expect(search.value.slice(search.selectionStart!, search.selectionEnd!)).toBe('旧词');
  });

  it('finds nothing on a screen without a list search', () => {
    screenOf(`<input id="some-field" />`);
    expect(focusListSearch()).toBe(false);
    expect(document.activeElement).toBe(document.body);
  });
});
