// Month and weekday names in the languages the archive was published in. Abbreviations are the ones
// legacy pages actually used ("Sept.", "déc.", "janv."); accented and unaccented spellings are both
// listed because old pages often lost their accents.

const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['january', 'jan', 'janvier', 'janv', 'januar', 'jänner', 'enero', 'gennaio', 'января', 'январь', 'янв']],
  [
    2,
    [
      'february',
      'feb',
      'février',
      'fevrier',
      'févr',
      'fevr',
      'fév',
      'fev',
      'februar',
      'febrero',
      'febbraio',
      'февраля',
      'февраль',
      'фев',
    ],
  ],
  [3, ['march', 'mar', 'mars', 'märz', 'maerz', 'marzo', 'марта', 'март', 'мар']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'aprile', 'апреля', 'апрель', 'апр']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'мая', 'май']],
  [6, ['june', 'jun', 'juin', 'juni', 'junio', 'giugno', 'июня', 'июнь', 'июн']],
  [7, ['july', 'jul', 'juillet', 'juil', 'juli', 'julio', 'luglio', 'июля', 'июль', 'июл']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'августа', 'август', 'авг']],
  [
    9,
    [
      'september',
      'sept',
      'sep',
      'septembre',
      'septiembre',
      'setiembre',
      'settembre',
      'сентября',
      'сентябрь',
      'сент',
      'сен',
    ],
  ],
  [10, ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre', 'ottobre', 'октября', 'октябрь', 'окт']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'ноября', 'ноябрь', 'ноя']],
  [
    12,
    [
      'december',
      'dec',
      'décembre',
      'decembre',
      'déc',
      'dezember',
      'dez',
      'diciembre',
      'dicembre',
      'декабря',
      'декабрь',
      'дек',
    ],
  ],
];

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  MONTHS.flatMap(([month, names]) => names.map((name) => [name, month] as const)),
);

/** The month number (1-12) for a month name or abbreviation in any supported language, or null. */
export function monthNumber(name: string): number | null {
  return MONTH_BY_NAME.get(name.toLowerCase()) ?? null;
}

/** A regex alternation of every month name, longest first so that "Sept" wins over "Sep". */
export const MONTH_ALTERNATION: string = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');

const WEEKDAYS: ReadonlySet<string> = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'montag',
  'dienstag',
  'mittwoch',
  'donnerstag',
  'freitag',
  'samstag',
  'sonntag',
  'lunes',
  'martes',
  'miércoles',
  'miercoles',
  'jueves',
  'viernes',
  'sábado',
  'sabado',
  'domingo',
  'lunedì',
  'martedì',
  'mercoledì',
  'giovedì',
  'venerdì',
  'sabato',
  'domenica',
  'понедельник',
  'вторник',
  'среда',
  'четверг',
  'пятница',
  'суббота',
  'воскресенье',
]);

/** Words that may surround a date on a line of its own ("Wednesday, 25 September 2002", "le 22 nov."). */
export function isDateFiller(word: string): boolean {
  const w = word.toLowerCase();
  return WEEKDAYS.has(w) || DATE_WORDS.has(w);
}

// Articles and labels that may stand with a date on its line: "le 22 nov.", "Publishing date: 3 March
// 2002", "Опубликовано 26-09-2003", "Date de publication : …".
const DATE_WORDS: ReadonlySet<string> = new Set([
  'le',
  'on',
  'the',
  'den',
  'el',
  'il',
  'date',
  'dated',
  'du',
  'года',
  'год',
  'г',
  'publishing',
  'published',
  'publication',
  'de',
  'опубликовано',
  'дата',
  'publié',
  'datum',
]);
