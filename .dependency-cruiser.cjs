// The one direction of dependencies in src/ (ARCHITECTURE.md, "Layers"), checked by `npm run lint`:
//
//   kernel  <-  domains (in their order)  <-  consumers  <-  surfaces  <-  composition root
//
// A file may import its own layer (and, for domains, the domains before it) and the layers below it,
// never above; no cycles anywhere. Surfaces are folders (http, web, demo) and, inside any folder, the
// files that speak HTTP or HTML: *.routes.ts, *.pages.ts, *.web.ts. There is no exceptions list: a
// file that needs to break a rule is in the wrong place.

/** Domains, lowest first: each may import the kernel and the domains before it. */
const DOMAINS = ['council', 'accounts', 'public-record', 'meetings', 'work-programme', 'calendar', 'texts'];
/** Cross-cutting consumers: they learn of writes through the kernel's hooks; no domain imports them. */
const CONSUMERS = ['search', 'live', 'notifications'];
const SURFACE_FOLDERS = ['http', 'web', 'demo'];
const SURFACE_FILE = '[.](routes|pages|web)[.]ts$';
const ROOT = '^src/(app[.]ts|server[.]ts|open-database[.]ts|text-hooks[.]ts|cli/)';
const TESTS = '([.]test[.]ts|[.]test-support[.]ts)$';

/** Server files the workspace app (app/src) imports so that its lists and rules are the server's own. */
const SHARED_WITH_APP =
  '^src/(kernel/patterns|accounts/model|council/model|work-programme/model|calendar/event-rules|calendar/event-dates)[.]ts$';

const folders = (names) => `^src/(${names.join('|')})/`;
const surfaces = `(${folders(SURFACE_FOLDERS)}|${SURFACE_FILE})`;

const domainRules = DOMAINS.map((domain, i) => ({
  name: `domain-${domain}-looks-down`,
  comment: `${domain} may import the kernel and ${i === 0 ? 'no other domain' : DOMAINS.slice(0, i).join(', ')}; not later domains, consumers, surfaces or the composition root.`,
  severity: 'error',
  from: { path: `^src/${domain}/`, pathNot: [SURFACE_FILE, TESTS] },
  to: { path: [folders([...DOMAINS.slice(i + 1), ...CONSUMERS, ...SURFACE_FOLDERS]), SURFACE_FILE, ROOT] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes two files one unit that neither layer owns.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'kernel-uses-no-domain',
      comment: 'src/kernel is the bottom layer: it imports only itself (and packages).',
      severity: 'error',
      from: { path: '^src/kernel/', pathNot: TESTS },
      to: { path: '^src/', pathNot: '^src/kernel/' },
    },
    ...domainRules,
    {
      name: 'consumers-stay-below-surfaces',
      comment:
        'search, live and notifications may import the kernel and the domains, not each other, a surface or the composition root.',
      severity: 'error',
      from: { path: folders(CONSUMERS), pathNot: [SURFACE_FILE, TESTS] },
      to: { path: [folders(SURFACE_FOLDERS), SURFACE_FILE, ROOT] },
    },
    ...CONSUMERS.map((consumer) => ({
      name: `consumer-${consumer}-stands-alone`,
      comment: `${consumer} does not import the other consumers: each subscribes to the kernel's hooks on its own.`,
      severity: 'error',
      from: { path: `^src/${consumer}/`, pathNot: [SURFACE_FILE, TESTS] },
      to: { path: folders(CONSUMERS.filter((c) => c !== consumer)) },
    })),
    {
      name: 'surfaces-below-the-root',
      comment:
        'Surfaces (http, web, demo, *.routes/pages/web.ts) do not import the composition root (app, server, open-database, text-hooks, cli).',
      severity: 'error',
      from: { path: surfaces, pathNot: TESTS },
      to: { path: ROOT },
    },
    {
      name: 'no-orphans',
      comment: 'A source file nothing imports is dead code (entry points and tests aside).',
      severity: 'error',
      from: { orphan: true, path: '^src/', pathNot: [TESTS, '[.]d[.]ts$', '[.]worker[.]mjs$', '[.]md$'] },
      to: {},
    },
    {
      name: 'app-shares-only-pure-server-files',
      comment:
        'The workspace app imports from src/ only the files listed in SHARED_WITH_APP (vocabularies and code rules).',
      severity: 'error',
      from: { path: '^app/src/' },
      to: { path: '^src/', pathNot: SHARED_WITH_APP },
    },
    {
      name: 'files-shared-with-app-import-nothing-at-run-time',
      comment: 'What the app bundles from src/ must pull in nothing else: type-only imports at most.',
      severity: 'error',
      from: { path: SHARED_WITH_APP },
      to: { dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: ['^test/', TESTS] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^src/demo/archive/', '[.]txt$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
