import { describe, expect, it } from 'vitest';
import { safeFileName, safeNamePart, uniqueFileNames, MAX_STEM } from '../../../src/core/event';

describe('safe file names', () => {
  it('fold accents and ligatures to ASCII', () => {
    expect(safeFileName(['Trail des Pyramides Noires', 'Marche familiale 10 km'], 'gpx')).toBe('Trail-des-Pyramides-Noires_Marche-familiale-10-km.gpx');
    expect(safeFileName(['Nœux-les-Mines', 'Étape à Liévin — Forêt'], 'gpx')).toBe('Noeux-les-Mines_Etape-a-Lievin-Foret.gpx');
  });

  it('never keep a path separator, a reserved character or HTML', () => {
    expect(safeFileName(['a/b', 'c\\d'], 'gpx')).toBe('a-b_c-d.gpx');
    expect(safeFileName(['<img src=x onerror=alert(1)>'], 'gpx')).toBe('img-src-x-onerror-alert-1.gpx');
    expect(safeFileName(['a:b*c?"d|e'], 'gpx')).toBe('a-b-c-d-e.gpx');
    expect(safeFileName(['../../etc/passwd'], 'gpx')).toBe('etc-passwd.gpx');
    expect(safeFileName(['.hidden.', ' trailing. '], 'gpx')).toBe('hidden_trailing.gpx');
    expect(safeNamePart('\u0000\u001f')).toBe('');
  });

  it('avoid Windows device names, even with an extension', () => {
    expect(safeFileName(['CON'], 'gpx')).toBe('CON_.gpx');
    expect(safeFileName(['con'], 'gpx')).toBe('con_.gpx');
    expect(safeFileName(['Lpt1'], 'gpx')).toBe('Lpt1_.gpx');
    expect(safeFileName(['CON', 'Ultra'], 'gpx')).toBe('CON_Ultra.gpx');
    expect(safeFileName(['CONSOLE'], 'gpx')).toBe('CONSOLE.gpx');
  });

  it('are never empty and never too long', () => {
    expect(safeFileName(['', '!!!'], 'gpx')).toBe('parcours.gpx');
    expect(safeFileName(['🏃‍♀️'], 'gpx')).toBe('parcours.gpx');
    const long = safeFileName(['x'.repeat(300)], 'gpx');
    expect(long.length).toBe(MAX_STEM + 4);
  });

  it('are made distinct ignoring case', () => {
    expect(uniqueFileNames(['a.gpx', 'A.gpx', 'a.gpx', 'b.gpx', 'a-2.gpx'])).toEqual(['a.gpx', 'A-2.gpx', 'a-3.gpx', 'b.gpx', 'a-2-2.gpx']);
  });
});
