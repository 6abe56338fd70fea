// Reading a place line ("Warsaw, Poland", "Varsovie", "Рим, Италия", "BRUSSELS") into city and
// country. A country is only inferred from the gazetteer, and an inference is always reported.
import type { Place } from './types.ts';
import { cityEntry, countryKey, countryName } from './gazetteer.ts';

export interface PlaceReading {
  place: Place;
  confidence: number;
  reason: string | null;
}

// A proper name: capitalised words, with the particles and punctuation that town names carry.
const NAME_SHAPE =
  /^\p{Lu}[\p{L}'’.-]*(?:[\s-]+(?:\p{Lu}[\p{L}'’.-]*|de|la|le|les|sur|am|an|del|di|upon|on|and|et|of|the|du|des|и))*$/u;

/** Reads a line that is only a place; `unknownCityOk` accepts an unlisted town (from a dateline). */
export function parsePlace(text: string, language: string | null, unknownCityOk = false): PlaceReading | null {
  // A full stop ends a sentence, not a place line: "… the meeting in\nBrussels." is prose.
  if (/\p{L}\.$/u.test(text.trim()) || /[,;]\s*\.$/u.test(text.trim())) return null;
  const clean = text.replace(/\s+/g, ' ').replace(/^[\s,;:–—(-]+|[\s,;:–—)-]+$/g, '');
  if (clean === '' || clean.length > 80 || /\p{N}/u.test(clean)) return null;
  const parts = clean.split(/\s*,\s*/).filter((p) => p !== '');
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first === undefined || last === undefined || parts.length > 3) return null;
  // Names are written with a capital ("the Netherlands" aside): "poland." in prose is not a place line.
  const capitalised = (p: string): boolean => /^(?:the\s+)?\p{Lu}/u.test(p);
  if (!parts.every((p) => capitalised(p) && (NAME_SHAPE.test(p) || countryKey(p) !== null))) return null;

  if (parts.length === 1) return single(first, language, unknownCityOk);

  const country = countryKey(last);
  if (country === null) return venueOrQualified(parts, language);
  const city = cityEntry(first);
  const place = { city: displayName(first, city?.canonical), country: displayName(last, undefined) };
  if (city !== null && city.countryKey !== country && parts.length === 2) {
    return {
      place,
      confidence: 0.6,
      reason: `"${first}" is listed in ${countryName(city.countryKey, 'en')}, not ${countryName(country, 'en')}`,
    };
  }
  return { place, confidence: 1, reason: null };
}

function single(name: string, language: string | null, unknownCityOk: boolean): PlaceReading | null {
  const country = countryKey(name);
  const sameNameCity = cityEntry(name);
  if (country !== null && sameNameCity !== null && sameNameCity.countryKey === country) {
    // "Luxembourg": the city of the same name in the country of the same name.
    return {
      place: { city: displayName(name, sameNameCity.canonical), country: countryName(country, language) },
      confidence: 1,
      reason: null,
    };
  }
  if (country !== null) {
    return {
      place: { city: null, country: displayName(name, undefined) },
      confidence: 0.8,
      reason: `only a country is named ("${name}"); no city`,
    };
  }
  const city = cityEntry(name);
  if (city !== null) {
    const inferred = countryName(city.countryKey, language);
    return {
      place: { city: displayName(name, city.canonical), country: inferred },
      confidence: 0.7,
      reason: `country "${inferred}" inferred from the city name "${name}"; the page names no country`,
    };
  }
  if (!unknownCityOk) return null;
  return {
    place: { city: displayName(name, undefined), country: null },
    confidence: 0.5,
    reason: `"${name}" read as a city from the dateline, but it is not in the gazetteer and no country is named`,
  };
}

// Datelines in capitals ("BRUSSELS") are a typesetting habit, not the name: give the usual spelling.
function displayName(found: string, canonical: string | undefined): string {
  if (found !== found.toUpperCase() || found.length <= 3 || found.includes('.')) return found;
  if (canonical !== undefined) return canonical;
  return found.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

// "Washington, DC", "New York, NY": a US district or state after a known city names no country.
const US_QUALIFIERS = new Set(['dc', 'd.c.', 'ny', 'n.y.', 'va', 'ca', 'ma', 'co', 'ga', 'tx', 'il']);
// "NATO HQ, Brussels", "House of Lords, London", "Palais de l'Europe, Strasbourg": a venue before a known city.
const VENUE =
  /(?<![\p{L}])(?:hq|headquarters|house|hall|palace|palais|building|centre|center|chateau|château|lancaster|hotel|hôtel|quai|kremlin|кремль|резиденция|дом)(?![\p{L}])/iu;

function venueOrQualified(parts: readonly string[], language: string | null): PlaceReading | null {
  if (parts.length !== 2) return null;
  const [first = '', last = ''] = parts;
  const firstCity = cityEntry(first);
  if (firstCity !== null && US_QUALIFIERS.has(last.toLowerCase()) && firstCity.countryKey === 'usa') {
    return {
      place: { city: displayName(first, firstCity.canonical), country: countryName('usa', language) },
      confidence: 1,
      reason: null,
    };
  }
  const lastCity = cityEntry(last);
  if (lastCity !== null && (VENUE.test(first) || /^\p{Lu}{2,}\b/u.test(first))) {
    const reading = single(last, language, false);
    return reading === null
      ? null
      : { ...reading, reason: `${reading.reason ?? ''}; "${first}" read as the venue`.replace(/^; /, '') };
  }
  return null;
}
