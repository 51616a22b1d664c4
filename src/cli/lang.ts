// The language of the command line: French unless CAVALIER_LANG=en (not LANG, which is English on
// most servers while the users of Cavalier read French). One place, read once.
import { cliText } from '../i18n/cli';

export const lang = process.env.CAVALIER_LANG === 'en' ? 'en' : 'fr';
export const text = cliText(lang);
