// A small gazetteer of the capitals and meeting towns that appear in council archives, in the
// languages of the archive. It only has to recognise a place line and infer a missing country;
// it is not a geography service, so a town it does not know is still read from "Town, Country".

type PlaceLanguage = 'en' | 'fr' | 'ru' | 'de';
const LANGS: readonly PlaceLanguage[] = ['en', 'fr', 'ru', 'de'];

// [key, English, French, Russian, German, ...other spellings]
const COUNTRIES: ReadonlyArray<readonly string[]> = [
  ['afghanistan', 'Afghanistan', 'Afghanistan', 'Афганистан', 'Afghanistan'],
  ['albania', 'Albania', 'Albanie', 'Албания', 'Albanien'],
  ['armenia', 'Armenia', 'Arménie', 'Армения', 'Armenien'],
  ['austria', 'Austria', 'Autriche', 'Австрия', 'Österreich'],
  ['azerbaijan', 'Azerbaijan', 'Azerbaïdjan', 'Азербайджан', 'Aserbaidschan'],
  ['belarus', 'Belarus', 'Bélarus', 'Беларусь', 'Belarus'],
  ['belgium', 'Belgium', 'Belgique', 'Бельгия', 'Belgien'],
  ['bosnia', 'Bosnia and Herzegovina', 'Bosnie-Herzégovine', 'Босния и Герцеговина', 'Bosnien und Herzegowina'],
  ['bulgaria', 'Bulgaria', 'Bulgarie', 'Болгария', 'Bulgarien'],
  ['canada', 'Canada', 'Canada', 'Канада', 'Kanada'],
  ['croatia', 'Croatia', 'Croatie', 'Хорватия', 'Kroatien'],
  [
    'czech',
    'Czech Republic',
    'République tchèque',
    'Чешская Республика',
    'Tschechien',
    'Чехия',
    'Czechia',
    'Tschechische Republik',
  ],
  ['denmark', 'Denmark', 'Danemark', 'Дания', 'Dänemark'],
  ['estonia', 'Estonia', 'Estonie', 'Эстония', 'Estland'],
  ['finland', 'Finland', 'Finlande', 'Финляндия', 'Finnland'],
  ['france', 'France', 'France', 'Франция', 'Frankreich'],
  ['georgia', 'Georgia', 'Géorgie', 'Грузия', 'Georgien'],
  ['germany', 'Germany', 'Allemagne', 'Германия', 'Deutschland'],
  ['greece', 'Greece', 'Grèce', 'Греция', 'Griechenland'],
  ['hungary', 'Hungary', 'Hongrie', 'Венгрия', 'Ungarn'],
  ['iceland', 'Iceland', 'Islande', 'Исландия', 'Island'],
  ['ireland', 'Ireland', 'Irlande', 'Ирландия', 'Irland'],
  ['italy', 'Italy', 'Italie', 'Италия', 'Italien'],
  ['kazakhstan', 'Kazakhstan', 'Kazakhstan', 'Казахстан', 'Kasachstan'],
  ['latvia', 'Latvia', 'Lettonie', 'Латвия', 'Lettland'],
  ['lithuania', 'Lithuania', 'Lituanie', 'Литва', 'Litauen'],
  ['luxembourg', 'Luxembourg', 'Luxembourg', 'Люксембург', 'Luxemburg'],
  ['moldova', 'Moldova', 'Moldavie', 'Молдова', 'Moldau'],
  ['netherlands', 'the Netherlands', 'Pays-Bas', 'Нидерланды', 'Niederlande', 'Netherlands', 'The Netherlands'],
  ['north-macedonia', 'North Macedonia', 'Macédoine du Nord', 'Северная Македония', 'Nordmazedonien'],
  ['norway', 'Norway', 'Norvège', 'Норвегия', 'Norwegen'],
  ['poland', 'Poland', 'Pologne', 'Польша', 'Polen'],
  ['portugal', 'Portugal', 'Portugal', 'Португалия', 'Portugal'],
  ['romania', 'Romania', 'Roumanie', 'Румыния', 'Rumänien'],
  [
    'russia',
    'Russia',
    'Russie',
    'Россия',
    'Russland',
    'Russian Federation',
    'Fédération de Russie',
    'Российская Федерация',
    'Russische Föderation',
  ],
  ['serbia', 'Serbia', 'Serbie', 'Сербия', 'Serbien', 'Serbia and Montenegro'],
  ['slovakia', 'Slovakia', 'Slovaquie', 'Словакия', 'Slowakei'],
  ['slovenia', 'Slovenia', 'Slovénie', 'Словения', 'Slowenien'],
  ['spain', 'Spain', 'Espagne', 'Испания', 'Spanien'],
  ['sweden', 'Sweden', 'Suède', 'Швеция', 'Schweden'],
  ['switzerland', 'Switzerland', 'Suisse', 'Швейцария', 'Schweiz'],
  ['turkey', 'Turkey', 'Turquie', 'Турция', 'Türkei', 'Türkiye'],
  ['ukraine', 'Ukraine', 'Ukraine', 'Украина', 'Ukraine'],
  [
    'uk',
    'United Kingdom',
    'Royaume-Uni',
    'Великобритания',
    'Vereinigtes Königreich',
    'UK',
    'Great Britain',
    'Großbritannien',
    'Соединенное Королевство',
  ],
  [
    'usa',
    'United States',
    'États-Unis',
    'США',
    'Vereinigte Staaten',
    'USA',
    'U.S.A.',
    'United States of America',
    'Etats-Unis',
    'Соединенные Штаты',
  ],
];

// [country key, English, French, Russian, German, ...other spellings]
const CITIES: ReadonlyArray<readonly string[]> = [
  ['afghanistan', 'Kabul', 'Kaboul', 'Кабул', 'Kabul'],
  ['albania', 'Tirana', 'Tirana', 'Тирана', 'Tirana'],
  ['armenia', 'Yerevan', 'Erevan', 'Ереван', 'Jerewan'],
  ['austria', 'Vienna', 'Vienne', 'Вена', 'Wien'],
  ['azerbaijan', 'Baku', 'Bakou', 'Баку', 'Baku'],
  ['belarus', 'Minsk', 'Minsk', 'Минск', 'Minsk'],
  ['belgium', 'Brussels', 'Bruxelles', 'Брюссель', 'Brüssel'],
  ['belgium', 'Mons', 'Mons', 'Монс', 'Mons'],
  ['bosnia', 'Sarajevo', 'Sarajevo', 'Сараево', 'Sarajevo'],
  ['bulgaria', 'Sofia', 'Sofia', 'София', 'Sofia'],
  ['canada', 'Ottawa', 'Ottawa', 'Оттава', 'Ottawa'],
  ['croatia', 'Zagreb', 'Zagreb', 'Загреб', 'Zagreb'],
  ['czech', 'Prague', 'Prague', 'Прага', 'Prag'],
  ['denmark', 'Copenhagen', 'Copenhague', 'Копенгаген', 'Kopenhagen'],
  ['estonia', 'Tallinn', 'Tallinn', 'Таллин', 'Tallinn'],
  ['finland', 'Helsinki', 'Helsinki', 'Хельсинки', 'Helsinki'],
  ['france', 'Paris', 'Paris', 'Париж', 'Paris'],
  ['france', 'Strasbourg', 'Strasbourg', 'Страсбург', 'Straßburg'],
  ['georgia', 'Tbilisi', 'Tbilissi', 'Тбилиси', 'Tiflis'],
  ['germany', 'Berlin', 'Berlin', 'Берлин', 'Berlin'],
  ['germany', 'Bonn', 'Bonn', 'Бонн', 'Bonn'],
  ['germany', 'Munich', 'Munich', 'Мюнхен', 'München'],
  ['greece', 'Athens', 'Athènes', 'Афины', 'Athen'],
  ['greece', 'Thessaloniki', 'Thessalonique', 'Салоники', 'Thessaloniki'],
  ['hungary', 'Budapest', 'Budapest', 'Будапешт', 'Budapest'],
  ['iceland', 'Reykjavik', 'Reykjavik', 'Рейкьявик', 'Reykjavík'],
  ['ireland', 'Dublin', 'Dublin', 'Дублин', 'Dublin'],
  ['italy', 'Rome', 'Rome', 'Рим', 'Rom'],
  ['italy', 'Naples', 'Naples', 'Неаполь', 'Neapel'],
  ['italy', 'Florence', 'Florence', 'Флоренция', 'Florenz'],
  ['kazakhstan', 'Astana', 'Astana', 'Астана', 'Astana'],
  ['latvia', 'Riga', 'Riga', 'Рига', 'Riga'],
  ['lithuania', 'Vilnius', 'Vilnius', 'Вильнюс', 'Vilnius'],
  ['luxembourg', 'Luxembourg', 'Luxembourg', 'Люксембург', 'Luxemburg'],
  ['moldova', 'Chisinau', 'Chisinau', 'Кишинёв', 'Chișinău', 'Кишинев'],
  ['netherlands', 'The Hague', 'La Haye', 'Гаага', 'Den Haag'],
  ['netherlands', 'Amsterdam', 'Amsterdam', 'Амстердам', 'Amsterdam'],
  ['north-macedonia', 'Skopje', 'Skopje', 'Скопье', 'Skopje'],
  ['norway', 'Oslo', 'Oslo', 'Осло', 'Oslo'],
  ['poland', 'Warsaw', 'Varsovie', 'Варшава', 'Warschau'],
  ['portugal', 'Lisbon', 'Lisbonne', 'Лиссабон', 'Lissabon'],
  ['portugal', 'Sintra', 'Sintra', 'Синтра', 'Sintra'],
  ['romania', 'Bucharest', 'Bucarest', 'Бухарест', 'Bukarest'],
  ['russia', 'Moscow', 'Moscou', 'Москва', 'Moskau'],
  [
    'russia',
    'Saint Petersburg',
    'Saint-Pétersbourg',
    'Санкт-Петербург',
    'Sankt Petersburg',
    'St Petersburg',
    'St. Petersburg',
  ],
  ['serbia', 'Belgrade', 'Belgrade', 'Белград', 'Belgrad'],
  ['slovakia', 'Bratislava', 'Bratislava', 'Братислава', 'Pressburg'],
  ['slovenia', 'Ljubljana', 'Ljubljana', 'Любляна', 'Laibach'],
  ['spain', 'Madrid', 'Madrid', 'Мадрид', 'Madrid'],
  ['sweden', 'Stockholm', 'Stockholm', 'Стокгольм', 'Stockholm'],
  ['switzerland', 'Geneva', 'Genève', 'Женева', 'Genf'],
  ['switzerland', 'Bern', 'Berne', 'Берн', 'Bern'],
  ['turkey', 'Ankara', 'Ankara', 'Анкара', 'Ankara'],
  ['turkey', 'Istanbul', 'Istanbul', 'Стамбул', 'Istanbul'],
  ['ukraine', 'Kyiv', 'Kiev', 'Киев', 'Kiew', 'Kiev'],
  ['uk', 'London', 'Londres', 'Лондон', 'London'],
  ['usa', 'Washington', 'Washington', 'Вашингтон', 'Washington'],
  ['usa', 'New York', 'New York', 'Нью-Йорк', 'New York'],
  ['usa', 'Norfolk', 'Norfolk', 'Норфолк', 'Norfolk'],
];

const COUNTRY_BY_NAME = indexByName(COUNTRIES);
const CITY_BY_NAME = indexByName(CITIES);
const COUNTRY_NAMES = new Map(COUNTRIES.map((row) => [row[0] ?? '', row] as const));

function indexByName(rows: ReadonlyArray<readonly string[]>): ReadonlyMap<string, { key: string; canonical: string }> {
  const map = new Map<string, { key: string; canonical: string }>();
  for (const [key = '', ...names] of rows) {
    for (const name of names) map.set(foldName(name), { key, canonical: name });
  }
  return map;
}

/** Lower-cased, with "St." and accents folded, so "BRUSSELS" and "Geneve" match their entries. */
function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The country key when `name` is a known country in any supported language. */
export function countryKey(name: string): string | null {
  return COUNTRY_BY_NAME.get(foldName(name))?.key ?? null;
}

/** The country key and the spelling found when `name` is a known city. */
export function cityEntry(name: string): { countryKey: string; canonical: string } | null {
  const hit = CITY_BY_NAME.get(foldName(name));
  return hit === undefined ? null : { countryKey: hit.key, canonical: hit.canonical };
}

/** The country's name in the page's language, so an inferred country reads like the page. */
export function countryName(key: string, language: string | null): string | null {
  const row = COUNTRY_NAMES.get(key);
  if (row === undefined) return null;
  const index = LANGS.indexOf((language ?? 'en') as PlaceLanguage);
  return row[(index < 0 ? 0 : index) + 1] ?? row[1] ?? null;
}

/** The first known city named in `text` (a run of one to three capitalised words), with its country. */
export function findCityIn(text: string, language: string | null): { city: string; country: string | null } | null {
  const words = text.split(/[\s,;()]+/u);
  for (let i = 0; i < words.length; i++) {
    for (let n = 3; n >= 1; n--) {
      const run = words.slice(i, i + n);
      if (run.length < n || !run.every((w) => /^\p{Lu}/u.test(w))) continue;
      const name = run.join(' ');
      const hit = cityEntry(name);
      if (hit !== null) return { city: name, country: countryName(hit.countryKey, language) };
    }
  }
  return null;
}
