import { describe, expect, it } from 'vitest';
import { RecentlyUsed } from './recently-used';

describe('a cache of recently used entries', () => {
  it('drops the least recently used entry when full, keeping the one just read', () => {
    const cache = new RecentlyUsed<string, number>(2);
    cache.set('南京', 1);
    cache.set('上海', 2);
    expect(cache.get('南京')).toBe(1);
    cache.set('北京', 3);
    expect(cache.get('上海')).toBeUndefined();
    expect(cache.get('南京')).toBe(1);
    expect(cache.get('北京')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('replaces an entry set twice without growing', () => {
    const cache = new RecentlyUsed<string, number>(2);
    cache.set('南京', 1);
    cache.set('南京', 2);
    cache.set('上海', 3);
    expect(cache.get('南京')).toBe(2);
    expect(cache.size).toBe(2);
  });

  it('refuses a capacity below one', () => {
    expect(() => new RecentlyUsed(0)).toThrow('at least one entry');
  });
});
