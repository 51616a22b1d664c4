// Builds the DOM content of a feature popup. Everything from the data goes through textContent:
// a name such as `<img src=x onerror=alert(1)>` is shown as those characters, never parsed.
// Known attributes get a human label and coded values words (src/i18n/fields.ts); the others are
// shown under their own names.

import { fieldLabel, fieldValue } from '../i18n/fields';

export interface PopupFeature {
  layerTitle: string;
  properties: Record<string, unknown>;
  /** a sensitive zone's identity as the review reads it (code, name, type: data) */
  zone?: { name: string | null; code: string | null; kind: string | null };
}

const NAME_KEYS = ['name', 'nom', 'NOM', 'Nom', 'libelle', 'LIBELLE', 'nom_site', 'NOM_SITE', 'toponyme', 'title', 'titre'];
const MAX_ROWS = 24;

/** The feature's name, if it has one of the usual name attributes. */
export function featureName(properties: Record<string, unknown>): string | null {
  for (const k of NAME_KEYS) {
    const v = properties[k];
    if (typeof v === 'string' && v.trim() !== '') return v;
    if (typeof v === 'number') return String(v);
  }
  return null;
}

function formatValue(v: unknown, lang: string): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isFinite(v) ? v.toLocaleString(lang) : String(v);
  if (typeof v === 'boolean') return lang === 'fr' ? (v ? 'oui' : 'non') : v ? 'yes' : 'no';
  if (typeof v === 'string') {
    // maplibre serialises nested objects/arrays of properties as JSON strings
    return v;
  }
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface PopupLabels {
  moreRows: (n: number) => string;
  moreFeatures: (n: number) => string;
}

export function buildPopupContent(features: PopupFeature[], lang: string, labels: PopupLabels): HTMLElement {
  const root = el('div', 'cav-popup-content');
  root.setAttribute('data-testid', 'map-popup');
  const shown = features.slice(0, 3);
  for (const f of shown) {
    const section = el('section', 'cav-popup-feature');
    section.append(el('div', 'cav-popup-layer', f.layerTitle));
    const name = f.zone?.name ?? featureName(f.properties);
    if (name !== null) section.append(el('div', 'cav-popup-name', name));
    const identity = [f.zone?.code, f.zone?.kind].filter((x): x is string => !!x);
    if (identity.length > 0) {
      const line = el('div', 'cav-popup-zone', identity.join(' · '));
      line.setAttribute('data-testid', 'map-popup-zone');
      section.append(line);
    }
    // the name is the heading: do not repeat it in the table
    const entries = Object.entries(f.properties).filter(([k, v]) => !(name !== null && NAME_KEYS.includes(k) && String(v) === name));
    const words: 'fr' | 'en' = lang === 'en' ? 'en' : 'fr';
    const rows = entries
      .map(([k, v]) => ({ k, v, label: fieldLabel(k, words) }))
      .filter((r) => r.label !== null)
      .map(({ k, v, label }) => ({ k, label: label ?? k, text: fieldValue(k, v, words) ?? formatValue(v, lang) }));
    if (rows.length > 0) {
      const table = el('table', 'cav-popup-attrs');
      for (const { k, label, text } of rows.slice(0, MAX_ROWS)) {
        const tr = el('tr');
        const th = el('th', undefined, label);
        // the raw name stays at hand for whoever knows the source's fields
        if (label !== k) th.title = k;
        tr.append(th, el('td', undefined, text));
        table.append(tr);
      }
      section.append(table);
      if (rows.length > MAX_ROWS) section.append(el('div', 'cav-popup-more', labels.moreRows(rows.length - MAX_ROWS)));
    }
    root.append(section);
  }
  if (features.length > shown.length) root.append(el('div', 'cav-popup-more', labels.moreFeatures(features.length - shown.length)));
  return root;
}
