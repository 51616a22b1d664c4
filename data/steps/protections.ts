// "Protections connues (partiel)": terrils whose protection is a published fact, matched by their number.
// The polygons are the terrils' outlines, not the official APPB / ZNIEFF perimeters (which are wider or
// narrower): the layer is an approximation until the official layers are imported.

import type { OutFeature } from './geo.ts';
import { communeKey, terrilNumber, type TerrilProps } from './normalise.ts';

type ProtectionKind = 'APPB' | 'ZNIEFF';

export interface ProtectionFact {
  /** terril number as in the data (T075) */
  terril: string;
  /** a commune the matched terril must lie in, to be sure the number designates the same heap */
  commune: string;
  /** the matched terril's name must match this, when given */
  name?: RegExp;
  /** strongest protection, used for styling */
  kind: ProtectionKind;
  /** every protection, comma-separated */
  kinds: string;
  /** plain-French description */
  protection: string;
  /** where the fact was read */
  source: string;
}

const NORD_NATURE = 'Fédération Nord Nature, « Les terrils » (nord-nature.org/environnement/milieux_naturels/terrils.htm)';

export const KNOWN_PROTECTIONS: readonly ProtectionFact[] = [
  {
    terril: 'T075',
    commune: 'Avion',
    name: /pinchonvalles/i,
    kind: 'APPB',
    kinds: 'APPB, ZNIEFF',
    protection: 'Arrêté préfectoral de protection de biotope du 20 janvier 1992 ; ZNIEFF de type 1 (terril des Crêtes de Pinchonvalles)',
    source: `Ville d'Avion, « Le terril de Pinchonvalles » (ville-avion.fr/node/261) ; INPN, ZNIEFF 310007231 ; ${NORD_NATURE}`,
  },
  {
    terril: 'T125',
    commune: 'Auberchicourt',
    kind: 'ZNIEFF',
    kinds: 'ZNIEFF',
    protection: "ZNIEFF : terril n°125 d'Auberchicourt",
    source: `${NORD_NATURE} ; INPN, ZNIEFF 310014029 (terril d'Auberchicourt)`,
  },
  {
    terril: 'T143',
    commune: 'Pecquencourt',
    kind: 'ZNIEFF',
    kinds: 'ZNIEFF',
    protection: 'ZNIEFF : terrils n°143 et 144 de Pecquencourt',
    source: `${NORD_NATURE} ; INPN, ZNIEFF 310007229 ; CPIE Chaîne des Terrils, fiche T144 (ZNIEFF de type 1 « T 143 et T 144 »)`,
  },
  {
    terril: 'T144',
    commune: 'Pecquencourt',
    kind: 'ZNIEFF',
    kinds: 'ZNIEFF',
    protection: 'ZNIEFF : terrils n°143 et 144 de Pecquencourt (terril des Argales, Rieulay / Pecquencourt)',
    source: `${NORD_NATURE} ; INPN, ZNIEFF 310007229 ; CPIE Chaîne des Terrils, fiche T144 (ZNIEFF de type 1 « T 143 et T 144 »)`,
  },
];

export interface ProtectionProps {
  [key: string]: string;
  id: string;
  name: string;
  communes: string;
  kind: ProtectionKind;
  kinds: string;
  protection: string;
  source: string;
  /** where the outline comes from */
  outline: string;
}

export interface ProtectionMatch {
  terril: string;
  status: 'matched' | 'not-found' | 'mismatch';
  /** of the matched (or rejected) terril */
  name?: string;
  communes?: string;
  source_layer?: string;
  /** why a candidate was rejected */
  reason?: string;
  /** satellites with the same number and a letter (T125a…), present in the data but not covered by the fact */
  satellites: string[];
  /** other features carrying the same number (the same terril in two layers) */
  duplicates: number;
}

const inCommune = (communes: string, commune: string): boolean => communes.split(',').some((c) => communeKey(c) === communeKey(commune));

/** One feature per fact whose terril is found with the expected commune (and name); a report line per fact. */
export function matchProtections(
  terrils: readonly OutFeature<TerrilProps>[],
  facts: readonly ProtectionFact[] = KNOWN_PROTECTIONS,
): { features: OutFeature<ProtectionProps>[]; report: ProtectionMatch[] } {
  const features: OutFeature<ProtectionProps>[] = [];
  const report: ProtectionMatch[] = [];
  for (const fact of facts) {
    const number = terrilNumber(fact.terril) ?? fact.terril;
    const same = terrils.filter((t) => terrilNumber(t.properties.id) === number);
    const satellites = terrils.map((t) => terrilNumber(t.properties.id) ?? '').filter((id) => id !== number && id.startsWith(number) && /[a-z]$/.test(id));
    const base = { terril: number, satellites: [...new Set(satellites)].sort(), duplicates: Math.max(0, same.length - 1) };
    if (same.length === 0) {
      report.push({ ...base, status: 'not-found', reason: `aucun terril ${number} dans les données` });
      continue;
    }
    const ok = same.find(
      (t) =>
        inCommune(t.properties.communes, fact.commune) && (!fact.name || fact.name.test(t.properties.name) || fact.name.test(String(t.properties.nom ?? ''))),
    );
    if (!ok) {
      const t = same[0].properties;
      report.push({
        ...base,
        status: 'mismatch',
        name: t.name,
        communes: t.communes,
        source_layer: t.source_layer,
        reason: `attendu : commune ${fact.commune}${fact.name ? `, nom ${fact.name.source}` : ''}`,
      });
      continue;
    }
    const t = ok.properties;
    report.push({ ...base, status: 'matched', name: t.name, communes: t.communes, source_layer: t.source_layer });
    features.push({
      type: 'Feature',
      geometry: ok.geometry,
      properties: {
        id: t.id,
        name: t.name,
        communes: t.communes,
        kind: fact.kind,
        kinds: fact.kinds,
        protection: fact.protection,
        source: fact.source,
        outline: `contour du terril ${t.id} (couche ${t.source_layer}), pas le périmètre officiel de la protection`,
      },
    });
  }
  return { features, report };
}
