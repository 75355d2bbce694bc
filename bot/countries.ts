/**
 * The list of countries users pick from, from the maintained ISO 3166 data in
 * i18n-iso-countries (names in English; Swedish and Norwegian are available for later).
 * Its node entry registers all of its ~80 languages when imported; the library itself (index.js)
 * registers none, so only English is read and kept.
 */
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { CountryOption } from '../dialogs/reference/country-facts.js';

countries.registerLocale(en);

let cached: CountryOption[] | undefined;

export function countryOptions(): CountryOption[] {
  if (!cached) {
    const names = countries.getNames('en', { select: 'official' });
    cached = Object.entries(names)
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }
  return cached;
}
