// Texts of the place search and the map's names: French first, English second.
// Spread into the dictionary of dictionary.ts.

const NBSP = '\u00a0';

export const searchFr = {
  'search.label': 'Rechercher un lieu',
  'search.placeholder': 'Commune, terril, cavalier… (Ctrl+K)',
  'search.results': 'Lieux trouvés',
  'search.none': `Aucun lieu ne correspond à «${NBSP}{q}${NBSP}».`,
  'search.pending': 'Recherche en ligne…',
  'search.online.unavailable': 'Adresses en ligne injoignables (hors ligne\u00a0?) : seuls les lieux embarqués sont cherchés.',
  'search.clear': 'Effacer la recherche',
  'search.loading': 'Index des lieux en cours de lecture…',
  'search.unavailable': 'Recherche indisponible : les couches intégrées n’ont pas pu être lues.',
  'search.count': '{n|# lieu|# lieux}',
  'search.kind.commune': 'Commune',
  'search.kind.terril': 'Terril',
  'search.kind.cavalier': 'Cavalier',
  'search.kind.veloroute': 'Véloroute',
  'search.kind.friche': 'Friche',
  'search.kind.puits': 'Puits de mine',
  'search.kind.address': 'Adresse',
  'search.population': '{n}\u202fhab.',
  'search.unverified': 'non vérifiée',
} as const;

export const searchEn: Record<keyof typeof searchFr, string> = {
  'search.label': 'Search for a place',
  'search.placeholder': 'Municipality, terril, cavalier… (Ctrl+K)',
  'search.results': 'Places found',
  'search.none': 'No place matches “{q}”.',
  'search.pending': 'Searching online…',
  'search.online.unavailable': 'Online addresses unreachable (offline?): only the embedded places are searched.',
  'search.clear': 'Clear the search',
  'search.loading': 'Reading the index of places…',
  'search.unavailable': 'Search unavailable: the embedded layers could not be read.',
  'search.count': '{n|# place|# places}',
  'search.kind.commune': 'Municipality',
  'search.kind.terril': 'Spoil tip',
  'search.kind.cavalier': 'Cavalier',
  'search.kind.veloroute': 'Cycle route',
  'search.kind.friche': 'Brownfield',
  'search.kind.puits': 'Mine shaft',
  'search.kind.address': 'Address',
  'search.population': 'pop. {n}',
  'search.unverified': 'unverified',
};
