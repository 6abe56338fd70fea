// The demo council: the NATO-Russia Council as it stood on 25 September 2002. Every fact here comes
// from the seed page (shared/seed/000_c5614a049a7728d2.txt) or the public record (DEMO-FACTS.md);
// anything invented for the demo is labelled so where it is defined.
//
// Members' `joinedOn` is the date each Ally joined the Alliance (the North Atlantic Treaty entered
// into force on 24 August 1949) and, for Russia, the founding of the NRC on 28 May 2002.

export const DEMO_COUNCIL = {
  name: 'NATO-Russia Council',
  shortName: 'NRC',
  description:
    'The 19 NATO Allies and Russia meet as equal partners, in their national capacities, to consult and decide by consensus on the security matters identified in the Founding Act.',
  establishedOn: '2002-05-28',
  foundingText: 'Rome Declaration “NATO-Russia Relations: a New Quality”, Pratica di Mare, 28 May 2002',
};

export const DEMO_MEMBERS: { code: string; name: string; joinedOn: string; groups: string[] }[] = [
  ['BEL', 'Belgium', '1949-08-24'],
  ['CAN', 'Canada', '1949-08-24'],
  ['CZE', 'Czech Republic', '1999-03-12'],
  ['DNK', 'Denmark', '1949-08-24'],
  ['FRA', 'France', '1949-08-24'],
  ['DEU', 'Germany', '1955-05-06'],
  ['GRC', 'Greece', '1952-02-18'],
  ['HUN', 'Hungary', '1999-03-12'],
  ['ISL', 'Iceland', '1949-08-24'],
  ['ITA', 'Italy', '1949-08-24'],
  ['LUX', 'Luxembourg', '1949-08-24'],
  ['NLD', 'Netherlands', '1949-08-24'],
  ['NOR', 'Norway', '1949-08-24'],
  ['POL', 'Poland', '1999-03-12'],
  ['PRT', 'Portugal', '1949-08-24'],
  ['ESP', 'Spain', '1982-05-30'],
  ['TUR', 'Turkey', '1952-02-18'],
  ['GBR', 'United Kingdom', '1949-08-24'],
  ['USA', 'United States', '1949-08-24'],
]
  .map(([code, name, joinedOn]) => ({ code: code!, name: name!, joinedOn: joinedOn!, groups: ['Ally'] }))
  .concat([{ code: 'RUS', name: 'Russia', joinedOn: '2002-05-28', groups: ['Partner'] }]);

export const DEMO_FORMATS = [
  {
    code: 'nrc-20',
    name: 'NRC (at 20)',
    description: 'The NATO-Russia Council: the 19 Allies and Russia, deciding by consensus “at 20”.',
    members: DEMO_MEMBERS.map((m) => m.code),
  },
  {
    code: 'nato-19',
    name: 'NATO (at 19)',
    description:
      'The 19 NATO Allies among themselves. Material in this format is never shown to the Russian delegation.',
    members: DEMO_MEMBERS.filter((m) => m.groups.includes('Ally')).map((m) => m.code),
  },
];

export const DEMO_TOPICS = [
  ['terrorism', 'Struggle against terrorism'],
  ['crisis-management', 'Crisis management'],
  ['non-proliferation', 'Non-proliferation'],
  ['arms-control', 'Arms control and confidence-building measures'],
  ['theatre-missile-defence', 'Theatre missile defence'],
  ['search-and-rescue-at-sea', 'Search and rescue at sea'],
  ['defence-reform', 'Military-to-military cooperation and defence reform'],
  ['civil-emergencies', 'Civil emergencies'],
  ['new-threats', 'New threats and challenges'],
].map(([code, name], position) => ({
  code: code!,
  name: name!,
  position: position + 1,
  source: 'Rome Declaration of 28 May 2002',
  description: '',
}));

/** Persons of the public record; `key` gives each a stable id so that reloading changes nothing. */
export const DEMO_PERSONS = [
  {
    key: 'robertson',
    name: 'Lord Robertson of Port Ellen',
    honorific: null,
    functions: [{ title: 'Secretary General', member: null, startedOn: '1999-10-14', endedOn: null }],
  },
  {
    key: 'minuto-rizzo',
    name: 'Alessandro Minuto Rizzo',
    honorific: 'Ambassador',
    functions: [{ title: 'Deputy Secretary General', member: null, startedOn: null, endedOn: null }],
  },
  {
    key: 'sergei-ivanov',
    name: 'Sergei Ivanov',
    honorific: null,
    functions: [{ title: 'Minister of Defence', member: 'RUS', startedOn: null, endedOn: null }],
  },
  {
    key: 'igor-ivanov',
    name: 'Igor Ivanov',
    honorific: null,
    functions: [{ title: 'Minister of Foreign Affairs', member: 'RUS', startedOn: null, endedOn: null }],
  },
  {
    key: 'szmajdzinski',
    name: 'Jerzy Szmajdziński',
    honorific: null,
    functions: [{ title: 'Minister of National Defence', member: 'POL', startedOn: null, endedOn: null }],
  },
];

const ALL_TOPICS = DEMO_TOPICS.map((t) => t.code);

export const DEMO_BODIES = [
  {
    code: 'nrc',
    name: 'NATO-Russia Council',
    kind: 'council' as const,
    parent: null,
    format: 'nrc-20',
    chairKey: 'robertson',
    public: true,
    topics: ALL_TOPICS,
    description:
      'Meets at the level of ambassadors at least monthly, of foreign and defence ministers about twice a year, and of chiefs of staff and heads of state and government as appropriate.',
  },
  {
    code: 'nrc-prepcom',
    name: 'NRC Preparatory Committee',
    kind: 'preparatory_committee' as const,
    parent: 'nrc',
    format: 'nrc-20',
    chairKey: null,
    public: true,
    topics: [],
    description: 'Prepares the work of the Council.',
  },
  {
    code: 'wg-theatre-missile-defence',
    name: 'Working Group on Theatre Missile Defence',
    kind: 'working_group' as const,
    parent: 'nrc-prepcom',
    format: 'nrc-20',
    chairKey: null,
    public: true,
    topics: ['theatre-missile-defence'],
    description:
      'Named by the defence ministers on 25 September 2002 among the groups that “have already produced impressive results”.',
  },
  {
    code: 'wg-peacekeeping',
    name: 'Working Group on Peacekeeping',
    kind: 'working_group' as const,
    parent: 'nrc-prepcom',
    format: 'nrc-20',
    chairKey: null,
    public: true,
    topics: ['crisis-management'],
    description: 'Produced the generic concept of joint NATO-Russia peacekeeping operations agreed by 2002.',
  },
  {
    code: 'experts-defence-reform',
    name: 'Allied and Russian Experts on Defence Reform',
    kind: 'expert_group' as const,
    parent: 'nrc-prepcom',
    format: 'nrc-20',
    chairKey: null,
    public: true,
    topics: ['defence-reform'],
    description: 'Allied and Russian experts meeting on defence reform; a meeting was planned for early October 2002.',
  },
  {
    code: 'nac',
    name: 'North Atlantic Council',
    kind: 'council' as const,
    parent: null,
    format: 'nato-19',
    chairKey: 'robertson',
    public: false,
    topics: [],
    description:
      'The Allies at 19, e.g. the NATO defence ministers in Warsaw on 24 September 2002. Demo data: marked not public, so that only readers of NATO (at 19) see it.',
  },
];
