// Hand-made public-record items for the renderer tests (not a test file itself).
import type { RecordItem } from '../../public-record/model.ts';

/** The seed page as the importer stores it, with overrides. */
export function sampleItem(overrides: Partial<RecordItem> = {}): RecordItem {
  return {
    id: 'item-1',
    slug: '2002-09-25-press-statement-nato-secretary-general',
    kind: 'Press Statement',
    title:
      'Press Statement by NATO Secretary General following the meeting of NATO Defence Ministers with the Russian Minister Sergei Ivanov',
    date: '2002-09-25',
    dateStart: '2002-09-25',
    updated: '2002-09-25',
    collection: 'NATO Speeches',
    place: { city: 'Warsaw', country: 'Poland' },
    speaker: 'NATO Secretary General',
    occasion: 'following the meeting of NATO Defence Ministers with the Russian Minister Sergei Ivanov',
    reference: null,
    language: 'en',
    body: 'Good morning.\n\nThe twenty ministers discussed two broad subject areas.\n\nThank you Warsaw.',
    flags: [],
    revision: 1,
    versionGroup: 'stem:2002-09-25:s020925a',
    firstPublishedAt: '2002-09-25T08:00:00.000Z',
    lastUpdatedAt: '2002-09-25T08:00:00.000Z',
    ...overrides,
  };
}

/** Empty facets, or the seed's. */
export const seedFacets = {
  years: [
    {
      label: '2002',
      slug: '2002',
      count: 1,
      year: 2002,
      months: [{ label: 'September', slug: '09', count: 1, month: 9 }],
    },
  ],
  kinds: [{ label: 'Press Statement', slug: 'press-statement', count: 1 }],
  speakers: [{ label: 'NATO Secretary General', slug: 'nato-secretary-general', count: 1 }],
  languages: [{ label: 'en', slug: 'en', count: 1 }],
};
