import { describe, expect, it } from 'vitest';
import type { OutFeature } from '../../data/steps/geo.ts';
import type { TerrilProps } from '../../data/steps/normalise.ts';
import { KNOWN_PROTECTIONS, matchProtections } from '../../data/steps/protections.ts';
import { fixture } from './helpers.ts';

const terrils = fixture('protections-terrils.geojson').features as OutFeature<TerrilProps>[];

describe('known protections', () => {
  const { features, report } = matchProtections(terrils);

  it('matches Pinchonvalles (APPB + ZNIEFF) by number, commune and name', () => {
    const p = features.find((f) => f.properties.id === 'T075');
    expect(p?.properties).toMatchObject({ name: 'Pinchonvalles', kind: 'APPB', kinds: 'APPB, ZNIEFF', communes: 'Avion, Liévin' });
    expect(p?.properties.protection).toMatch(/20 janvier 1992/);
    expect(p?.properties.source).toMatch(/nord-nature\.org/);
    expect(p?.geometry).toBe(terrils[0].geometry);
  });

  it('matches T125 but not its satellite T125a, which is reported', () => {
    expect(features.filter((f) => f.properties.id.startsWith('T125')).map((f) => f.properties.id)).toEqual(['T125']);
    expect(report.find((r) => r.terril === 'T125')).toMatchObject({ status: 'matched', satellites: ['T125a'] });
    expect(features.find((f) => f.properties.id === 'T125')?.properties.kind).toBe('ZNIEFF');
  });

  it('rejects a terril whose commune does not match the published fact', () => {
    expect(features.some((f) => f.properties.id === 'T144')).toBe(false);
    expect(report.find((r) => r.terril === 'T144')).toMatchObject({ status: 'mismatch', communes: 'Douai' });
  });

  it('reports facts whose terril is absent', () => {
    const r = matchProtections(terrils.filter((t) => t.properties.id !== 'T143'));
    expect(r.report.find((x) => x.terril === 'T143')?.status).toBe('not-found');
  });

  it('gives every feature a kind, a protection text and a source', () => {
    expect(features).toHaveLength(3);
    for (const f of features) {
      expect(['APPB', 'ZNIEFF']).toContain(f.properties.kind);
      expect(f.properties.protection.length).toBeGreaterThan(5);
      expect(f.properties.source.length).toBeGreaterThan(5);
    }
    expect(KNOWN_PROTECTIONS.map((p) => p.terril)).toEqual(['T075', 'T125', 'T143', 'T144']);
  });
});
