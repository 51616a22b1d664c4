// The preferences adapter over a stand-in localStorage: values checked on the way in, and a
// storage that is missing, full or forbidden costs the preference, never an exception.
import { afterEach, describe, expect, it } from 'vitest';
import { choicePreference, jsonPreference } from '../../src/adapters/preferences';

class MemoryStorage {
  items = new Map<string, string>();
  full = false;
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(k, v);
  }
}

const g = globalThis as { localStorage?: unknown };
afterEach(() => {
  delete g.localStorage;
});

const lang = () => choicePreference('cavalier.lang', ['fr', 'en'] as const, 'fr');
const routing = () =>
  jsonPreference<{ kind: 'graph' } | { kind: 'brouter'; baseUrl: string }>(
    'cavalier.routing',
    (v) => {
      const r = v as { kind?: string; baseUrl?: unknown } | null;
      return r?.kind === 'brouter' && typeof r.baseUrl === 'string' ? { kind: 'brouter', baseUrl: r.baseUrl } : undefined;
    },
    { kind: 'graph' },
  );

describe('preferences', () => {
  it('keeps a choice as the bare word earlier versions wrote, and refuses a word not among the choices', () => {
    const s = new MemoryStorage();
    g.localStorage = s;
    s.items.set('cavalier.lang', 'en');
    expect(lang().get()).toBe('en');
    lang().set('fr');
    expect(s.items.get('cavalier.lang')).toBe('fr');
    s.items.set('cavalier.lang', 'de');
    expect(lang().get()).toBe('fr');
  });

  it('keeps a JSON value, checked: unreadable or unexpected gives the default', () => {
    const s = new MemoryStorage();
    g.localStorage = s;
    routing().set({ kind: 'brouter', baseUrl: 'https://brouter.de/brouter' });
    expect(JSON.parse(s.items.get('cavalier.routing')!)).toEqual({ kind: 'brouter', baseUrl: 'https://brouter.de/brouter' });
    expect(routing().get()).toEqual({ kind: 'brouter', baseUrl: 'https://brouter.de/brouter' });
    s.items.set('cavalier.routing', '{not json');
    expect(routing().get()).toEqual({ kind: 'graph' });
    s.items.set('cavalier.routing', '{"kind":"brouter","baseUrl":3}');
    expect(routing().get()).toEqual({ kind: 'graph' });
  });

  it('without storage, with a full one or a forbidden one: defaults, and writes skipped quietly', () => {
    expect(lang().get()).toBe('fr');
    expect(() => lang().set('en')).not.toThrow();
    const full = new MemoryStorage();
    full.full = true;
    g.localStorage = full;
    expect(() => routing().set({ kind: 'graph' })).not.toThrow();
    expect(full.items.size).toBe(0);
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(lang().get()).toBe('fr');
    expect(() => lang().set('en')).not.toThrow();
  });
});
