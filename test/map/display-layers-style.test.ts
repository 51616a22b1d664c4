// The mission's display layers on the map: each drawn by its own family (friches hollow when
// unverified, planned véloroutes dashed, sites inscrits dashed), names along the route lines, and
// the popups' labels for their fields.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CircleLayerSpecification, LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { LayerManifest } from '../../src/core/layers';
import { EMBEDDED_SENSITIVE_LAYERS } from '../../src/core/review/embedded';
import { fieldLabel, fieldValue } from '../../src/i18n/fields';
import { familyOf, layersFor, swatchFor } from '../../src/map/styles';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/data/layers.json'), 'utf8')) as LayerManifest;
const entry = (id: string) => {
  const e = manifest.layers.find((l) => l.id === id);
  if (!e) throw new Error(`${id} missing from public/data/layers.json`);
  return e;
};
const ids = (layers: LayerSpecification[]) => layers.map((l) => l.id);

describe('the display layers of the manifest', () => {
  it('each has its family, its source, date and licence', () => {
    expect(['friches', 'veloroutes', 'osm-routes', 'sites-classes'].map((id) => familyOf(entry(id)))).toEqual(['friches', 'veloroutes', 'osm-routes', 'sites']);
    for (const id of ['friches', 'veloroutes', 'osm-routes', 'sites-classes']) {
      const e = entry(id);
      expect(e.source.length, id).toBeGreaterThan(5);
      expect(e.licence, id).toMatch(/Licence Ouverte|ODbL/);
      expect(e.date, id).toMatch(/^\d{4}/);
      expect(swatchFor(e).stroke, id).toBeTruthy();
    }
    // the véloroutes are « Chemins » in the panel but not the routing network's style
    expect(entry('veloroutes').group).toBe('network');
    expect(familyOf({ id: 'reseau', group: 'network', geometry: 'line' })).toBe('reseau');
  });

  it('draws a « friche potentielle » hollow and a verified friche filled', () => {
    const [circle] = layersFor(entry('friches'), true) as CircleLayerSpecification[];
    expect(circle.type).toBe('circle');
    // the case expression reads the pipeline's flag
    expect(JSON.stringify(circle.paint?.['circle-color'])).toContain('"verifiee"');
    const [, , unverifiedFill, verifiedFill] = (circle.paint?.['circle-color'] ?? []) as unknown as [string, unknown, string, string];
    expect(unverifiedFill).toMatch(/^rgba\(255,255,255,0\.\d+\)$/);
    expect(verifiedFill).toMatch(/^#/);
  });

  it('dashes what is planned and names the route lines along them', () => {
    expect(ids(layersFor(entry('veloroutes'), true))).toEqual(['veloroutes', 'veloroutes--planned', 'veloroutes--label']);
    expect(ids(layersFor(entry('osm-routes'), true))).toEqual(['osm-routes', 'osm-routes--planned', 'osm-routes--label']);
    expect(ids(layersFor(entry('sites-classes'), true))).toEqual(['sites-classes', 'sites-classes--outline', 'sites-classes--inscrit']);
    const planned = layersFor(entry('veloroutes'), true)[1] as { filter: unknown; paint: Record<string, unknown> };
    expect(planned.filter).toEqual(['==', ['get', 'etat'], 'projet']);
    expect(planned.paint['line-dasharray']).toEqual([2, 2]);
  });

  it('reviews the sites classés as sensitive zones, kinded classé or inscrit', () => {
    expect(EMBEDDED_SENSITIVE_LAYERS.find((l) => l.id === 'sites-classes')).toMatchObject({ kindProperties: ['kind'], optional: true });
  });
});

describe('popup labels', () => {
  it('says « non vérifiée » for a friche potentielle, in French and English', () => {
    expect(fieldLabel('site_statut', 'fr')).toBe('Statut');
    expect(fieldValue('site_statut', 'friche potentielle', 'fr')).toMatch(/^friche potentielle — non vérifiée/);
    expect(fieldValue('site_statut', 'friche potentielle', 'en')).toMatch(/unverified/);
    expect(fieldValue('site_statut', 'friche avec projet', 'fr')).toBe('friche avec projet (vérifiée)');
  });

  it('hides the map’s own flags, labels the known fields, leaves the others as they are', () => {
    expect(fieldLabel('verifiee', 'fr')).toBeNull();
    expect(fieldLabel('cote', 'fr')).toBe('Altitude du sol (m)');
    expect(fieldLabel('datecrea', 'en')).toBe('Protected since');
    expect(fieldValue('etat', 'projet', 'fr')).toBe('en projet ou inconnu : non routable');
    expect(fieldValue('network', 'nwn', 'fr')).toBe('randonnée, national (GR)');
    // an imported layer's own fields, and the prototype's names
    for (const k of ['nature', 'highway', '__proto__', 'constructor', 'toString']) expect(fieldLabel(k, 'fr')).toBeUndefined();
    expect(fieldValue('etat', 'toString', 'fr')).toBeUndefined();
    expect(fieldValue('site_statut', 42, 'fr')).toBeUndefined();
  });

  it('gives every field of every embedded layer a label, or hides it', () => {
    const unlabelled: string[] = [];
    for (const l of manifest.layers) {
      if (!l.url?.endsWith('.geojson')) continue;
      const fc = JSON.parse(readFileSync(join(import.meta.dirname, '../../public', l.url), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
      const keys = new Set(fc.features.flatMap((f) => Object.keys(f.properties ?? {})));
      // the name is the popup's heading, not a row
      for (const k of keys) if (k !== 'name' && fieldLabel(k, 'fr') === undefined) unlabelled.push(`${l.id}.${k}`);
    }
    expect(unlabelled).toEqual([]);
    expect(['compagnie', 'groupe', 'id_unesco', 'element', 'objet', 'source_layer'].map((k) => fieldLabel(k, 'en'))).toEqual([
      'Mining company',
      'Group',
      'UNESCO reference',
      'UNESCO component no.',
      'Item of the component',
      'Source layer',
    ]);
    expect(fieldLabel('doublon_unesco', 'fr')).toBeNull();
    expect(fieldValue('kind', 'espace néonaturel', 'en')).toBe('neo-natural area');
  });
});
