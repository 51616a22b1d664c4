// The offline search over the embedded places: accent- and case-insensitive, each typed word a
// prefix of a word of the place (its name first, then its other names, its number, where it is),
// ranked by how well the name matches, then by kind and size.
//
// Built once from the places (a few thousand: communes, terrils, cavaliers, véloroutes, friches,
// shafts) in a few milliseconds, and a query is a scan of plain arrays: fast enough to run on every
// keystroke on the page without a worker.

import { normalize, refVariants, words } from './normalize';
import type { Place, PlaceKind } from './types';

interface Entry {
  place: Place;
  /** the normalised name */
  full: string;
  nameWords: string[];
  aliasWords: string[];
  refs: string[];
  contextWords: string[];
  kindWords: string[];
  /** the tie-breaker between equally good matches */
  weight: number;
}

export interface SearchIndex {
  readonly size: number;
  /** @internal */
  readonly entries: readonly Entry[];
}

export interface SearchHit {
  place: Place;
  score: number;
}

/** Words that ask for a kind (« terril 74 », « puits Annezin »). */
const KIND_WORDS: Record<PlaceKind, string[]> = {
  commune: ['commune', 'ville'],
  terril: ['terril', 'terrils'],
  cavalier: ['cavalier', 'cavaliers', 'voie', 'ferree'],
  veloroute: ['veloroute', 'voie', 'verte', 'velo'],
  friche: ['friche', 'friches'],
  puits: ['puits', 'fosse'],
  address: ['adresse'],
};

/** Communes first, then the heritage an organiser looks for, then the many small points. */
const KIND_WEIGHT: Record<PlaceKind, number> = {
  commune: 50,
  terril: 40,
  veloroute: 30,
  cavalier: 20,
  address: 15,
  friche: 10,
  puits: 5,
};

export function buildSearchIndex(places: readonly Place[]): SearchIndex {
  const entries: Entry[] = places.map((place) => ({
    place,
    full: normalize(place.name),
    nameWords: words(place.name),
    aliasWords: (place.aliases ?? []).flatMap(words),
    refs: place.ref ? refVariants(place.ref) : [],
    contextWords: place.context ? words(place.context) : [],
    kindWords: KIND_WORDS[place.kind],
    weight: KIND_WEIGHT[place.kind] + (place.population ? Math.log10(place.population + 1) * 4 : 0),
  }));
  return { size: entries.length, entries };
}

/** How well one typed word matches a list of words: exact 100, a prefix 60, +15 on the first word. */
function wordScore(token: string, list: readonly string[], first: boolean): number {
  let best = 0;
  for (let i = 0; i < list.length; i++) {
    const w = list[i];
    let s = w === token ? 100 : w.startsWith(token) ? 60 : 0;
    if (s && first && i === 0) s += 15;
    if (s > best) best = s;
  }
  return best;
}

function tokenScore(token: string, e: Entry): number {
  const name = wordScore(token, e.nameWords, true);
  if (name) return name;
  if (e.refs.includes(token)) return 100;
  if (e.refs.some((r) => r.startsWith(token))) return 60;
  const alias = wordScore(token, e.aliasWords, false) * 0.8;
  if (alias) return alias;
  // where it is and what it is: enough to narrow a search, never to outrank a name
  const context = wordScore(token, e.contextWords, false) * 0.35;
  const kind = e.kindWords.includes(token) ? 25 : 0;
  return Math.max(context, kind);
}

function score(query: string, tokens: readonly string[], e: Entry): number {
  if (e.full === query) return 1000;
  const compact = query.replace(/ /g, '');
  if (e.refs.includes(compact)) return 950;
  if (e.full.startsWith(query)) return 800;
  let sum = 0;
  for (const t of tokens) {
    const s = tokenScore(t, e);
    if (s === 0) return 0;
    sum += s;
  }
  return 200 + sum / tokens.length;
}

/** The places matching `text`, best first (at most `limit`); nothing for a blank query. */
export function searchPlaces(index: SearchIndex, text: string, limit = 10): SearchHit[] {
  const query = normalize(text);
  if (!query) return [];
  const tokens = query.split(' ');
  const hits: { e: Entry; score: number }[] = [];
  for (const e of index.entries) {
    const s = score(query, tokens, e);
    if (s > 0) hits.push({ e, score: s });
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      b.e.weight - a.e.weight ||
      a.e.full.length - b.e.full.length ||
      a.e.full.localeCompare(b.e.full) ||
      a.e.place.id.localeCompare(b.e.place.id),
  );
  return hits.slice(0, limit).map(({ e, score: s }) => ({ place: e.place, score: Math.round(s * 100) / 100 }));
}
