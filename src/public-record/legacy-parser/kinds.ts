// The kind of document a header line announces ("Press Statement", "Déclaration du Secrétaire
// général", "Заявление"). Kinds are given in English whatever the page's language, so that the
// public record can be filtered by kind across languages; the original wording stays in the title.

interface KindPattern {
  kind: string;
  pattern: RegExp;
}

const END = '(?![\\p{L}\\p{N}])';
// Words archives put before a kind without changing it: "Summary of remarks", "Text of the speech",
// "Written Ministerial Statement", "Content type: Press release", "Official" / "Официальное".
const KIND_PREFIX =
  '(?:content\\s+type|document\\s+type|type)\\s*:\\s*|summary\\s+of\\s+(?:the\\s+)?|text\\s+of\\s+(?:the\\s+)?|full\\s+text\\s+of\\s+(?:the\\s+)?|' +
  'written\\s+ministerial\\s+|oral\\s+|official\\s+|texte\\s+d[eu]\\s+|официальное\\s+';

// Longest and most specific first: "Press Statement" must win over "Statement".
const KIND_PATTERNS: readonly KindPattern[] = [
  [
    'Final Communiqué',
    'final\\s+communiqu[eé]|communiqu[eé]\\s+final|заключительное\\s+коммюнике|abschlusskommuniqu[eé]',
  ],
  [
    "Chairman's Statement",
    "chairman['’]?s\\s+statement|chair['’]s\\s+statement|déclaration\\s+de\\s+la\\s+présidence|déclaration\\s+du\\s+président(?!\\s+de\\s+la\\s+république)|заявление\\s+председателя",
  ],
  [
    'Joint Statement',
    'joint\\s+(?:statement|communiqu[eé]|declaration)|déclaration\\s+commune|communiqu[eé]\\s+conjoint|совместное\\s+заявление|gemeinsame\\s+erklärung',
  ],
  [
    'Joint Press Conference',
    'joint\\s+press\\s+conference|conférence\\s+de\\s+presse\\s+conjointe|совместная\\s+пресс-конференция',
  ],
  [
    'Press Statement',
    'press\\s+statement|déclaration\\s+(?:à|a)\\s+la\\s+presse|заявление\\s+для\\s+(?:прессы|печати)|presseerklärung',
  ],
  [
    'Press Release',
    'press\\s+release|communiqu[eé]\\s+de\\s+presse|пресс-релиз|(?:информационное\\s+)?сообщение\\s+для\\s+(?:печати|прессы)|pressemitteilung|comunicado\\s+de\\s+prensa|comunicato\\s+stampa',
  ],
  [
    'Press Conference',
    'press\\s+conference|conférence\\s+de\\s+presse|пресс-конференция|pressekonferenz|rueda\\s+de\\s+prensa|conferenza\\s+stampa',
  ],
  ['Press Briefing', '(?:daily\\s+)?press\\s+briefing|point\\s+de\\s+presse|брифинг'],
  [
    'Opening Remarks',
    "opening\\s+(?:remarks|statement|address)|allocution\\s+d['’]ouverture|discours\\s+d['’]ouverture|вступительное\\s+слово|eröffnungsrede",
  ],
  ['Closing Remarks', 'closing\\s+(?:remarks|statement)|allocution\\s+de\\s+clôture|заключительное\\s+слово'],
  [
    'Questions and Answers',
    'questions?\\s+taken\\s+at\\s+the\\s+.{0,40}?briefing|questions?\\s+(?:and|&)\\s+answers?|q\\s*&\\s*a|questions-réponses|вопросы\\s+и\\s+ответы',
  ],
  [
    'Transcript',
    'transcript|transcription|стенограмма(?:\\s+(?:выступления|ответов|беседы|интервью))?|verbatim\\s+record',
  ],
  ['Interview', 'interview|entretien|интервью'],
  // "Déclaration du Secrétaire général" is how the French pages say "Statement by the Secretary General".
  [
    'Statement',
    "déclarations?(?=\\s+(?:du|des|de\\s+la|de\\s+l['’]|de\\s+(?:M\\.|Mme|Lord|Sir|S\\.E\\.)))|statement|заявление|erklärung|declaración|dichiarazione",
  ],
  ['Declaration', 'declaration|déclaration|декларация|deklaration'],
  ['Communiqué', 'communiqu[eé]|коммюнике|kommuniqu[eé]'],
  [
    'Speech',
    'keynote\\s+(?:speech|address)|speech|address|discours|allocution|выступление|речь|rede|discurso|discorso',
  ],
  ['Remarks', 'remarks|intervention|introductory\\s+remarks'],
  ['Message', 'message|послание|обращение'],
  ['Comment', 'комментарий|commentaire|commentary'],
  ['Letter', 'letter|lettre|письмо'],
].map(([kind = '', source = '']) => ({ kind, pattern: new RegExp(`^(?:${KIND_PREFIX})?(?:${source})${END}`, 'iu') }));

// The same phrases anywhere in a line, for inferring a kind from a title ("… Council Statement on …").
const KIND_ANYWHERE: readonly KindPattern[] = KIND_PATTERNS.map(({ kind, pattern }) => ({
  kind,
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])${pattern.source.slice(1)}`, 'iu'),
}));

export interface KindMatch {
  kind: string;
  /** The words that named the kind, as written. */
  phrase: string;
  /** What follows the kind phrase on the line. */
  rest: string;
}

// What may follow a kind on its line: a speaker, an occasion, a reference, a date, a subtitle after
// a colon or dash. Anything else ("Statement alpha beta") is a sentence that happens to start so.
const KIND_REST =
  /^(?:$|[:–—(-]|\d|[A-Z]{1,6}\/|(?:attributable|by|of|with|from|on|at|following|during|after|before|to|for|in|upon|par|du|des|de|d['’]|à|au|aux|lors|devant|après|sur|pour|von|des|zum|zur|bei|del|della|di|por|en)\s)/iu;
const CYRILLIC_REST = /^\p{Script=Cyrillic}/u;
const ISSUER_BEFORE_KIND =
  /^(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*|of|for|and|the|in|de|du|des|la|l['’])(?:\s+(?:\p{Lu}[\p{L}.'’-]*|of|for|and|the|in|de|du|des|la|l['’])){0,6}\s+[-–—|:]\s+(?=\p{L})/u;

/** The kind when `line` starts with a kind phrase ("Speech by …", "Press Release (2002)128"). */
export function matchKind(line: string): KindMatch | null {
  // "Council of Europe - Press release", "OSCE | Press release": the issuer, a separator, the kind.
  const text = line.trim().replace(ISSUER_BEFORE_KIND, '');
  for (const { kind, pattern } of KIND_PATTERNS) {
    const m = pattern.exec(text);
    if (m === null) continue;
    const rest = text.slice(m[0].length).trim();
    // Russian names the speaker right after the kind, in the genitive, with no preposition.
    const cyrillic = CYRILLIC_REST.test(m[0]) && CYRILLIC_REST.test(rest);
    return KIND_REST.test(rest) || cyrillic ? { kind, phrase: m[0], rest } : null;
  }
  return null;
}

/** A kind named anywhere in `text` (used only to infer, and flag, a kind from a title). */
export function findKindIn(text: string): string | null {
  let best: { kind: string; index: number } | null = null;
  for (const { kind, pattern } of KIND_ANYWHERE) {
    const m = pattern.exec(text);
    if (m !== null && (best === null || m.index < best.index)) best = { kind, index: m.index };
  }
  return best?.kind ?? null;
}

/** True when the line is only the first word(s) of a kind broken across lines ("Press", "Final"). */
export function isKindPrefix(line: string): boolean {
  return /^(?:press|final|joint|opening|closing|chairman['’]?s|questions?(?:\s+and)?|communiqu[eé]|conférence|déclaration|keynote)$/iu.test(
    line.trim(),
  );
}
