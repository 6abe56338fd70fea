// The council at a glance: members grouped, formats, bodies and topics. Server-rendered, no script.
import type { Body, Council, Format, Member, Person, Topic } from '../council/model.ts';
import { html, layout, type SafeHtml } from './html.ts';

export interface CouncilPageData {
  council: Council | null;
  members: Member[];
  formats: Format[];
  bodies: Body[];
  persons: Person[];
  topics: Topic[];
}

const BODY_KIND_LABELS: Record<Body['kind'], string> = {
  council: 'Council',
  preparatory_committee: 'Preparatory committee',
  committee: 'Committee',
  working_group: 'Working group',
  ad_hoc_group: 'Ad hoc group',
  expert_group: 'Expert group',
};

/** '2002-05-28' → '28 May 2002', in English, without time-zone surprises. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(`${iso}T00:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

function groupMembers(members: Member[]): [string, Member[]][] {
  const groups = new Map<string, Member[]>();
  for (const member of members) {
    for (const group of member.groups.length ? member.groups : ['Members']) {
      groups.set(group, [...(groups.get(group) ?? []), member]);
    }
  }
  // Largest group first: the body of the membership before its partners.
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

function membersSection(members: Member[]): SafeHtml {
  return html`<section aria-labelledby="members-h">
  <h2 id="members-h">Members <span class="count">${members.length}</span></h2>
  <p class="note">In seating order. Each member acts in its national capacity.</p>
  ${groupMembers(members).map(
    ([group, list]) => html`<h3>${group} <span class="count">${list.length}</span></h3>
  <ul class="members">${list.map(
    (m) =>
      html`<li><span class="code" aria-hidden="true">${m.code}</span> <span class="name">${m.name}</span>${m.joinedOn ? html` <span class="since">since ${m.joinedOn.slice(0, 4)}</span>` : ''}</li>`,
  )}</ul>`,
  )}
</section>`;
}

function formatsSection(formats: Format[], members: Member[]): SafeHtml {
  const names = new Map(members.map((m) => [m.code, m.name]));
  return html`<section aria-labelledby="formats-h">
  <h2 id="formats-h">Formats</h2>
  <p class="note">A format is the set of members that meets and decides together. Every meeting, body, text and document belongs to one format.</p>
  <dl class="formats">${formats.map(
    (f) =>
      html`<div><dt>${f.name} <span class="count">${f.members.length} members</span></dt><dd>${f.description ? html`<p>${f.description}</p>` : ''}<p class="member-list">${f.members.map((c) => names.get(c) ?? c).join(', ')}</p></dd></div>`,
  )}</dl>
</section>`;
}

function bodiesSection(bodies: Body[], formats: Format[], persons: Person[], topics: Topic[]): SafeHtml {
  const formatName = new Map(formats.map((f) => [f.code, f.name]));
  const personName = new Map(persons.map((p) => [p.id, p.honorific ? `${p.honorific} ${p.name}` : p.name]));
  const topicName = new Map(topics.map((t) => [t.code, t.name]));
  const renderBody = (b: Body, depth: number): SafeHtml => {
    const children = bodies.filter((c) => c.parentCode === b.code);
    return html`<li class="body depth-${depth}">
  <div class="body-head"><span class="name">${b.name}</span> <span class="kind">${BODY_KIND_LABELS[b.kind]}</span></div>
  <p class="facts">${formatName.get(b.formatCode) ?? b.formatCode}${b.chairPersonId ? html` · chaired by ${personName.get(b.chairPersonId) ?? ''}` : ''}</p>
  ${b.description ? html`<p>${b.description}</p>` : ''}
  ${b.topics.length ? html`<p class="tags">${b.topics.map((t) => html`<span class="tag">${topicName.get(t) ?? t}</span> `)}</p>` : ''}
  ${children.length ? html`<ul class="bodies">${children.map((c) => renderBody(c, depth + 1))}</ul>` : ''}
</li>`;
  };
  const visible = new Set(bodies.map((b) => b.code));
  const roots = bodies.filter((b) => !b.parentCode || !visible.has(b.parentCode));
  return html`<section aria-labelledby="bodies-h">
  <h2 id="bodies-h">Bodies</h2>
  <ul class="bodies">${roots.map((b) => renderBody(b, 0))}</ul>
</section>`;
}

function topicsSection(topics: Topic[]): SafeHtml {
  const source = topics.find((t) => t.source)?.source;
  return html`<section aria-labelledby="topics-h">
  <h2 id="topics-h">Areas of consultation</h2>
  ${source ? html`<p class="note">As set out in the ${source}.</p>` : ''}
  <ol class="topics">${topics.map((t) => html`<li>${t.name}</li>`)}</ol>
</section>`;
}

/** Renders the council overview page. */
export function renderCouncilPage(data: CouncilPageData): string {
  const { council } = data;
  if (!council) {
    return layout({
      title: 'Concord: no council yet',
      description: 'This Concord installation has no council yet.',
      body: html`<h1>No council yet</h1><p class="lede">This installation is empty. Load the demonstration council with <code>npx concord demo</code>, or create members, formats and bodies through the <a href="/api/docs">API</a>.</p>`,
    });
  }
  const chair = data.persons.find((p) => data.bodies.some((b) => b.kind === 'council' && b.chairPersonId === p.id));
  return layout({
    title: `${council.name} (${council.shortName})`,
    description: `${council.name}: ${data.members.length} members, ${data.formats.length} formats, its bodies and areas of consultation.`,
    councilName: council.name,
    current: 'council',
    body: html`<div class="hero">
  <p class="eyebrow">${council.shortName}</p>
  <h1>${council.name}</h1>
  ${council.description ? html`<p class="lede">${council.description}</p>` : ''}
  <dl class="facts-row">
    ${council.establishedOn ? html`<div><dt>Established</dt><dd>${formatDate(council.establishedOn)}</dd></div>` : ''}
    ${council.foundingText ? html`<div><dt>Founding text</dt><dd>${council.foundingText}</dd></div>` : ''}
    ${chair ? html`<div><dt>Chair</dt><dd>${chair.functions[0]?.title ?? ''}${chair.functions[0] ? ', ' : ''}${chair.honorific ? `${chair.honorific} ` : ''}${chair.name}</dd></div>` : ''}
    <div><dt>Members</dt><dd>${data.members.length}</dd></div>
  </dl>
</div>
<div class="grid">
  <div class="col-main">${membersSection(data.members)}${bodiesSection(data.bodies, data.formats, data.persons, data.topics)}</div>
  <div class="col-side">${formatsSection(data.formats, data.members)}${topicsSection(data.topics)}</div>
</div>`,
  });
}
