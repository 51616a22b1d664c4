// Counted nouns follow each language's CLDR plural rule (Intl.PluralRules). The expected forms are
// the grammar's, not the code's: French puts 0 and 1 (and 1,5) in the singular, « 2 objets »;
// English only 1: "0 features", "1 feature". Numbers are written in the language's format.
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/dictionary';
import { formatError } from '../../src/i18n/messages';
import { choosePlurals, pluralCategory } from '../../src/i18n/plural';

describe('plural category', () => {
  it('French: 0, 1 and 1,5 singular; 2 and a million plural', () => {
    expect([0, 1, 1.5, 2, 10, 1_000_000].map((n) => pluralCategory('fr', n))).toEqual(['one', 'one', 'one', 'other', 'other', 'other']);
  });
  it('English: only 1 singular', () => {
    expect([0, 1, 1.5, 2].map((n) => pluralCategory('en', n))).toEqual(['other', 'one', 'other', 'other']);
  });
});

describe('texts with counts', () => {
  it('choose the form and write the number in the language', () => {
    const tpl = '{n|# objet|# objets}';
    expect(choosePlurals(tpl, { n: 0 }, 'fr')).toBe('0 objet');
    expect(choosePlurals(tpl, { n: 1 }, 'fr')).toBe('1 objet');
    expect(choosePlurals(tpl, { n: 60000 }, 'fr')).toBe('60\u202f000 objets');
    expect(choosePlurals('{n|# feature|# features}', { n: 0 }, 'en')).toBe('0 features');
    expect(choosePlurals('{n|# feature|# features}', { n: 1234 }, 'en')).toBe('1,234 features');
    // no count given: the text is left as it is
    expect(choosePlurals(tpl, {}, 'fr')).toBe(tpl);
  });

  it('in the dictionaries: no « (s) » left, « 1 élément », "2 files"', () => {
    expect(translate('fr', 'layers.features', { n: 1 })).toBe('1 élément');
    expect(translate('fr', 'layers.features', { n: 330 })).toBe('330 éléments');
    expect(translate('en', 'layers.features', { n: 1 })).toBe('1 feature');
    expect(translate('fr', 'export.zip.done', { name: 'a.zip', n: 2 })).toBe('Archive enregistrée\u00a0: a.zip (2\u00a0fichiers).');
    expect(translate('fr', 'export.zip.done', { name: 'a.zip', n: 1 })).toBe('Archive enregistrée\u00a0: a.zip (1\u00a0fichier).');
    expect(translate('en', 'export.zip.done', { name: 'a.zip', n: 1 })).toBe('Archive saved: a.zip (1 file).');
    expect(translate('fr', 'userLayers.skipped', { n: 0 })).toBe('0 objet ignoré');
    expect(translate('fr', 'project.confirm', { name: 'p', n: 1, current: 3 })).toBe(
      'Ouvrir «\u00a0p\u00a0» (1 événement)\u00a0? Vous avez déjà 3 événements en cours.',
    );
  });

  it('in the error messages, agreement included', () => {
    expect(formatError({ code: 'import.rings-closed', detail: { count: 1 } })).toBe('1\u00a0contour de polygone non fermé, refermé automatiquement.');
    expect(formatError({ code: 'import.rings-closed', detail: { count: 3 } }, 'en')).toBe('3 polygon rings not closed, closed automatically.');
    // an optional part whose count is missing goes, as a plain value would
    expect(formatError({ code: 'import.no-features', detail: {} })).toBe('Aucun objet utilisable dans ce fichier.');
    expect(formatError({ code: 'import.no-features', detail: { skipped: 1 } })).toBe(
      'Aucun objet utilisable dans ce fichier (1\u00a0objet écarté pour géométrie vide ou invalide).',
    );
  });
});
