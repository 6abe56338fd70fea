// The demo's meetings, work programme and calendar: the two Warsaw meetings of September 2002, the
// working strands the seed names, and the three events it announces. Facts come from the seed page
// (shared/seed/000_c5614a049a7728d2.txt) and DEMO-FACTS.md. DEMO DATA, invented for the demonstration:
// the hours of the meetings, the agenda items' wording (drawn from the seed's account), the status
// and dates of deliverables where the seed only says "agreed" or "impressive results", the project
// titles, and the choice to keep the meeting at 19 not public.
import type { WriteContext } from '../kernel/audit/audited-write.ts';
import { saveEvent, saveSeries } from '../calendar/events.service.ts';
import type { EventCreate } from '../calendar/events.schemas.ts';
import { findEvent, findSeries } from '../calendar/events.repository.ts';
import { findMeeting } from '../meetings/meetings.repository.ts';
import type { MeetingCreate } from '../meetings/meetings.schemas.ts';
import { saveMeeting } from '../meetings/meetings.service.ts';
import type { Database } from '../kernel/db/connect.ts';
import { findProject } from '../work-programme/projects.repository.ts';
import type { DeliverableCreate, ProjectCreate } from '../work-programme/projects.schemas.ts';
import { addProgressReport, saveDeliverable, saveProject } from '../work-programme/projects.service.ts';

type Count = (outcome: { changed: boolean }, existed: boolean) => void;
type Uuid = (key: string) => string;

const SEED = 'Press statement by the NATO Secretary General, Warsaw, 25 September 2002';
const place = (name: string | null, city: string | null, country: string | null) => ({ name, city, country });

function meetings(id: Uuid): { key: string; input: MeetingCreate }[] {
  const robertson = id('person:robertson');
  const szmajdzinski = id('person:szmajdzinski');
  return [
    {
      key: 'warsaw-2002-09-24-nato',
      input: {
        body: 'nac',
        title: 'NATO Defence Ministers, Warsaw',
        level: 'Defence Ministers',
        startsAt: '2002-09-24T09:00', // demo data
        endsAt: '2002-09-24T18:00', // demo data
        timeZone: 'Europe/Warsaw',
        venue: place(null, 'Warsaw', 'Poland'),
        host: 'POL',
        public: false, // demo data: not public, so that the need-to-know rule can be seen at work
        status: 'held',
        agenda: [
          {
            subjectArea: 'Defence Ministers at 19',
            title: 'Comprehensive discussions among NATO Defence Ministers',
            description: `The seed: "Following yesterday's comprehensive discussions among NATO Defence Ministers" (${SEED}).`,
            topics: [],
            documents: [],
          },
        ],
        participants: [
          { person: robertson, member: null, function: 'Secretary General, Chairman' },
          { person: szmajdzinski, member: 'POL', function: 'Minister of National Defence, host' },
        ],
        outcome: { summary: '', decisions: [] },
      },
    },
    {
      key: 'warsaw-2002-09-25-nrc',
      input: {
        body: 'nrc',
        title: 'NATO-Russia Council, Defence Ministers, Warsaw',
        level: 'Defence Ministers',
        startsAt: '2002-09-25T08:30', // demo data: "this morning", before the press statement
        endsAt: '2002-09-25T09:45', // demo data
        timeZone: 'Europe/Warsaw',
        venue: place(null, 'Warsaw', 'Poland'),
        host: 'POL',
        public: true,
        status: 'record_approved',
        agenda: [
          ...[
            [
              'The record of the NRC in the defence field: the working groups on Theatre Missile Defence and Peacekeeping',
              ['theatre-missile-defence', 'crisis-management'],
            ],
            ['Civil emergency preparedness: the joint exercise in Russia', ['civil-emergencies']],
            [
              'The campaign against terrorism: the conference on the role of the military, Moscow, December',
              ['terrorism'],
            ],
            [
              'Forthcoming events: the meeting of Allied and Russian experts on defence reform, early October',
              ['defence-reform'],
            ],
          ].map(([title, topics]) => ({
            subjectArea: 'NATO-Russia cooperation since the Rome summit and the prospects for the future',
            title: title as string,
            description: '',
            topics: topics as string[],
            documents: [],
          })),
          ...[
            ['The proliferation of weapons of mass destruction', ['non-proliferation']],
            ['Regional security in and around the Euro-Atlantic area', ['crisis-management']],
          ].map(([title, topics]) => ({
            subjectArea: 'Current international issues',
            title: title as string,
            description: '',
            topics: topics as string[],
            documents: [],
          })),
        ],
        participants: [
          { person: robertson, member: null, function: 'Secretary General, Chairman' },
          { person: id('person:sergei-ivanov'), member: 'RUS', function: 'Minister of Defence' },
          { person: szmajdzinski, member: 'POL', function: 'Minister of National Defence, host' },
        ],
        outcome: {
          summary:
            'The twenty ministers discussed two broad subject areas: NATO-Russia cooperation since the Rome summit and the prospects for the future; and current international issues. ' +
            'All ministers agreed that the record of the NATO-Russia Council in the defence field is already a remarkable one; the working groups on Theatre Missile Defence and Peacekeeping have already produced impressive results, ' +
            'among them an agreed generic concept of joint NATO-Russia peacekeeping operations. On current international issues, ministers exchanged views about the increasing danger of the proliferation of weapons of mass destruction ' +
            `and addressed questions of regional security in and around the Euro-Atlantic area, in "a mature, open debate". (${SEED}.)`,
          decisions: [
            'The "twenty" reasserted their determination to stand shoulder-to-shoulder together in the campaign against terrorism.',
            'Ministers reviewed forthcoming events: a major conference on the role of the military in the campaign against terrorism, Moscow, December 2002; a meeting of Allied and Russian experts on defence reform, early October 2002.',
          ],
        },
      },
    },
  ];
}

const deliverable = (d: Partial<DeliverableCreate> & Pick<DeliverableCreate, 'title'>): DeliverableCreate => ({
  kind: 'deliverable',
  dueOn: null,
  status: 'planned',
  result: '',
  achievedOn: null,
  ...d,
});

const PROJECTS: {
  key: string;
  input: Omit<ProjectCreate, 'deliverables'>;
  deliverables: { key: string; input: DeliverableCreate }[];
  reports: { key: string; reportedOn: string; summary: string }[];
}[] = [
  {
    key: 'tmd',
    input: {
      body: 'wg-theatre-missile-defence',
      title: 'Theatre missile defence cooperation',
      description: 'The work of the NRC Working Group on Theatre Missile Defence.',
      status: 'active',
      startsOn: null,
      endsOn: null,
      public: true,
      topics: ['theatre-missile-defence'],
      leadMembers: [],
    },
    deliverables: [
      {
        key: 'tmd-report-warsaw',
        input: deliverable({
          kind: 'milestone',
          title: 'Results reported to the Defence Ministers, Warsaw',
          dueOn: '2002-09-25',
          status: 'delivered',
          achievedOn: '2002-09-25',
          result: `Named among the working groups that "have already produced impressive results" (${SEED}).`,
        }),
      },
    ],
    reports: [],
  },
  {
    key: 'peacekeeping',
    input: {
      body: 'wg-peacekeeping',
      title: 'Joint NATO-Russia peacekeeping operations',
      description: 'The work of the NRC Working Group on Peacekeeping.',
      status: 'active',
      startsOn: null,
      endsOn: null,
      public: true,
      topics: ['crisis-management'],
      leadMembers: [],
    },
    deliverables: [
      {
        key: 'generic-concept',
        input: deliverable({
          title: 'Generic concept of joint NATO-Russia peacekeeping operations',
          status: 'agreed',
          achievedOn: '2002-09-25', // demo data: the day the seed reports it as agreed
          result:
            'If the Allies and Russia were to decide on the joint conduct of a peacekeeping operation, the basic groundwork would already be in place so that they could move quickly to implementation.',
        }),
      },
    ],
    reports: [
      {
        key: 'peacekeeping-warsaw',
        reportedOn: '2002-09-25',
        summary: `Reported to the Defence Ministers in Warsaw: the generic concept of joint NATO-Russia peacekeeping operations is agreed (${SEED}).`,
      },
    ],
  },
  {
    key: 'defence-reform',
    input: {
      body: 'experts-defence-reform',
      title: 'Defence reform',
      description: 'Allied and Russian experts on defence reform.',
      status: 'active',
      startsOn: null,
      endsOn: null,
      public: true,
      topics: ['defence-reform'],
      leadMembers: [],
    },
    deliverables: [
      {
        key: 'defence-reform-seminar',
        input: deliverable({
          kind: 'milestone',
          title: 'Meeting of Allied and Russian experts on defence reform (NRC seminar, Rome)',
          dueOn: '2002-10-10',
        }),
      },
    ],
    reports: [],
  },
  {
    key: 'civil-emergencies',
    // Demo data: the demo council has no civil-emergency body, so the strand sits under the Preparatory Committee.
    input: {
      body: 'nrc-prepcom',
      title: 'Civil emergency preparedness',
      description: 'Joint preparation to face real challenges, e.g. a terrorist attack on a chemical plant.',
      status: 'active',
      startsOn: null,
      endsOn: null,
      public: true,
      topics: ['civil-emergencies'],
      leadMembers: [],
    },
    deliverables: [
      {
        key: 'bogorodsk-exercise',
        input: deliverable({
          kind: 'milestone',
          title: 'Joint civil emergency exercise in Russia, "Bogorodsk 2002"',
          dueOn: '2002-09-27',
          status: 'in_progress',
        }),
      },
    ],
    reports: [],
  },
];

const SERIES = {
  code: 'military-role-combating-terrorism',
  name: 'The Role of the Military in Combating Terrorism',
  description: 'NATO-Russia conferences on the role of the military in combating terrorism.',
};

function events(id: Uuid): { key: string; input: EventCreate }[] {
  const common = {
    host: null,
    series: null,
    status: 'planned' as const,
    body: 'nrc',
    public: true,
    topics: [] as string[],
    projects: [] as string[],
    description: '',
  };
  return [
    {
      key: 'terrorism-conference-rome',
      input: {
        ...common,
        kind: 'conference',
        title: 'The Role of the Military in Combating Terrorism (Rome)',
        date: 'February 2002',
        place: place(null, 'Rome', 'Italy'),
        series: { code: SERIES.code, ordinal: 1 },
        status: 'held',
        body: null,
        format: 'nrc-20',
        topics: ['terrorism'],
        description: 'The first conference of the series, held before the NRC was founded.',
      },
    },
    {
      key: 'bogorodsk-2002',
      input: {
        ...common,
        kind: 'exercise',
        title: 'Bogorodsk 2002: joint civil emergency exercise',
        date: '25–27 September 2002',
        place: place('EMERCOM training centre', 'Noginsk, Moscow region', 'Russia'),
        host: 'RUS',
        status: 'ongoing',
        topics: ['civil-emergencies', 'terrorism'],
        projects: [id('project:civil-emergencies')],
        description:
          'Joint NATO-Russia civil emergency preparedness exercise. Scenario: a terrorist attack on a chemical plant.',
      },
    },
    {
      key: 'defence-reform-seminar',
      input: {
        ...common,
        kind: 'seminar',
        title: 'NRC seminar on defence reform',
        date: '10 October 2002',
        place: place('NATO Defense College', 'Rome', 'Italy'),
        body: 'experts-defence-reform',
        topics: ['defence-reform'],
        projects: [id('project:defence-reform')],
        description:
          'Announced on 25 September 2002 as "a meeting in early October between Allied and Russian experts on defence reform".',
      },
    },
    {
      key: 'terrorism-conference-moscow',
      input: {
        ...common,
        kind: 'conference',
        title: 'The Role of the Military in Combating Terrorism (Moscow)',
        date: '9 December 2002',
        place: place(null, 'Moscow', 'Russia'),
        host: 'RUS',
        series: { code: SERIES.code, ordinal: 2 },
        topics: ['terrorism'],
        description:
          'Announced on 25 September 2002 as "a major conference on the role of the military in this campaign in Moscow in December".',
      },
    },
  ];
}

/** Loads or refreshes the meetings, projects and events of the demo; idempotent like the rest of it. */
export async function loadDemoMeetingsAndCalendar(
  database: Database,
  ctx: WriteContext,
  id: Uuid,
  count: Count,
): Promise<void> {
  const db = database.db;
  for (const m of meetings(id)) {
    const meetingId = id(`meeting:${m.key}`);
    const existed = (await findMeeting(db, meetingId)) !== null;
    count(await saveMeeting(database, ctx, meetingId, m.input, 'upsert'), existed);
  }
  for (const p of PROJECTS) {
    const projectId = id(`project:${p.key}`);
    const project = await findProject(db, projectId);
    count(await saveProject(database, ctx, projectId, p.input, 'upsert'), project !== null);
    for (const d of p.deliverables) {
      const deliverableId = id(`deliverable:${d.key}`);
      count(
        await saveDeliverable(database, ctx, projectId, deliverableId, d.input, 'upsert'),
        project?.deliverables.some((x) => x.id === deliverableId) ?? false,
      );
    }
    for (const r of p.reports) {
      const reportId = id(`report:${r.key}`);
      count(
        await addProgressReport(database, ctx, projectId, { reportedOn: r.reportedOn, summary: r.summary }, reportId),
        project?.progressReports.some((x) => x.id === reportId) ?? false,
      );
    }
  }
  const seriesExisted = (await findSeries(db, SERIES.code)) !== null;
  count(await saveSeries(database, ctx, SERIES.code, SERIES, 'upsert'), seriesExisted);
  for (const e of events(id)) {
    const eventId = id(`event:${e.key}`);
    const existed = (await findEvent(db, eventId)) !== null;
    count(await saveEvent(database, ctx, eventId, e.input, 'upsert'), existed);
  }
}
