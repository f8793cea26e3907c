import {
	request as playwrightRequest,
	test,
	expect,
	type APIRequestContext
} from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { addCard, listLanes, readBoard } from '../../src/lib/board/model';
import {
	ACCOUNTS,
	boardIdByName,
	cli,
	PASSWORD,
	sessionCookie,
	signInRequest,
	queryOne,
	teamIdByName
} from './support';
import { createMeetingBoard, runShortMeeting } from './meeting-actions';

/**
 * One table for who may do what: every route and the sync socket, for anonymous, viewer,
 * consultant, leader, admin, and the leader of another team. All decisions come from
 * src/lib/server/access.ts; this test pins them from the outside.
 */

type Who = 'anonymous' | 'viewer' | 'consultant' | 'leader' | 'admin' | 'otherLeader';
const WHO: Who[] = ['anonymous', 'viewer', 'consultant', 'leader', 'admin', 'otherLeader'];
type Outcome = 200 | 400 | 401 | 403 | 404 | 'login' | 'home';

const OTHER_LEADER = 'other-leader@demoby.dk';
let boardId = '';
let teamId = '';
let citizenId = '';
let caseId = '';
// A board of its own with one ended meeting, for the meeting and minutes rows: a start that got
// through would run a meeting there, never on the demo board.
let meetingBoardId = '';
let meetingId = '';
const contexts = new Map<Who, APIRequestContext>();

test.beforeAll(async ({ baseURL }) => {
	// A leader of a third team: must see nothing of Virksomhedsservice.
	const otherTeam = cli(['team', 'create', '--name', 'Andet team']);
	cli(['user', 'create', '--email', OTHER_LEADER, '--name', 'Olga Other'], `${PASSWORD}\n`);
	cli(['member', 'add', '--team', otherTeam, '--email', OTHER_LEADER, '--role', 'leader']);
	boardId = boardIdByName('Jobåbninger');
	teamId = teamIdByName('Virksomhedsservice');
	citizenId = queryOne<{ id: string }>(
		"select id from citizen where team_id = ? and initials = 'AH'",
		teamId
	).id;
	caseId = queryOne<{ id: string }>(
		'select id from case_forecast where citizen_id = ?',
		citizenId
	).id;
	const emails: Record<Exclude<Who, 'anonymous'>, string> = {
		viewer: ACCOUNTS.viewer,
		consultant: ACCOUNTS.consultant,
		leader: ACCOUNTS.leader,
		admin: ACCOUNTS.admin,
		otherLeader: OTHER_LEADER
	};
	for (const who of WHO) {
		const context = await playwrightRequest.newContext({ baseURL });
		if (who !== 'anonymous') await signInRequest(context, baseURL!, emails[who]);
		contexts.set(who, context);
	}
	meetingBoardId = createMeetingBoard('Adgangsprøve møder').boardId;
	meetingId = await runShortMeeting(contexts.get('leader')!, meetingBoardId);
});

test.afterAll(async () => {
	for (const context of contexts.values()) await context.dispose();
});

function row(
	anonymous: Outcome,
	viewer: Outcome,
	consultant: Outcome,
	leader: Outcome,
	admin: Outcome,
	otherLeader: Outcome
) {
	return { anonymous, viewer, consultant, leader, admin, otherLeader } satisfies Record<
		Who,
		Outcome
	>;
}

const adminOnly = row('login', 403, 403, 403, 200, 403);
// Citizen data: the team's consultants and leaders, nobody else (not even an admin).
const citizenWorkers = row('login', 404, 200, 200, 404, 404);
const signedIn = row('login', 200, 200, 200, 200, 200);
const overview = row('login', 404, 200, 200, 404, 404);
const nobody = row('login', 404, 404, 404, 404, 404);
const boardEditors = row('login', 404, 200, 200, 404, 404);

const PAGES: { name: string; path: () => string; expect: Record<Who, Outcome> }[] = [
	{ name: '/', path: () => '/', expect: signedIn },
	{ name: '/settings', path: () => '/settings', expect: signedIn },
	{
		name: '/login',
		path: () => '/login',
		expect: row(200, 'home', 'home', 'home', 'home', 'home')
	},
	{
		name: '/boards/:board',
		path: () => `/boards/${boardId}`,
		expect: row('login', 200, 200, 200, 404, 404)
	},
	{
		// Citizen data (initials): never for viewers, i.e. never for the room's screen.
		name: '/boards/:board/candidates',
		path: () => `/boards/${boardId}/candidates`,
		expect: row(401, 403, 200, 200, 404, 404)
	},
	{
		name: '/boards/:board/import',
		path: () => `/boards/${boardId}/import`,
		expect: row('login', 404, 200, 200, 404, 404)
	},
	// The meeting's start page: the board's editors; a viewer is told no (the board is theirs to see).
	{
		name: '/boards/:board/meeting',
		path: () => `/boards/${meetingBoardId}/meeting`,
		expect: row('login', 403, 200, 200, 404, 404)
	},
	{
		name: '/boards/doesnotexist',
		path: () => '/boards/doesnotexist',
		expect: row('login', 404, 404, 404, 404, 404)
	},
	// Screen links are the team leader's; the screen page itself needs no sign-in, only a live link.
	{
		name: '/boards/:board/screens',
		path: () => `/boards/${boardId}/screens`,
		expect: row('login', 404, 404, 200, 404, 404)
	},
	{
		name: '/screen/[token]',
		path: () => `/screen/${'a'.repeat(52)}`,
		expect: row(404, 404, 404, 404, 404, 404)
	},
	// Meeting minutes: the board's editors (leaders and consultants); the screen's viewer account gets 404.
	{
		name: '/boards/:board/meetings',
		path: () => `/boards/${meetingBoardId}/meetings`,
		expect: boardEditors
	},
	{
		name: '/boards/:board/meetings/[meetingId]',
		path: () => `/boards/${meetingBoardId}/meetings/${meetingId}`,
		expect: boardEditors
	},
	{
		name: '/boards/:board/meetings/[meetingId]/download',
		path: () => `/boards/${meetingBoardId}/meetings/${meetingId}/download`,
		expect: boardEditors
	},
	{
		name: '/boards/:board/meetings/doesnotexist',
		path: () => `/boards/${meetingBoardId}/meetings/doesnotexist`,
		expect: nobody
	},
	{
		// A meeting id of another board: no way to read one board's minutes through another.
		name: '/boards/:board/meetings/[meetingId] of another board',
		path: () => `/boards/${boardId}/meetings/${meetingId}`,
		expect: nobody
	},
	{ name: '/admin', path: () => '/admin', expect: adminOnly },
	{ name: '/admin/teams', path: () => '/admin/teams', expect: adminOnly },
	{ name: '/admin/teams/:team', path: () => `/admin/teams/${teamId}`, expect: adminOnly },
	{ name: '/admin/users', path: () => '/admin/users', expect: adminOnly },
	{ name: '/admin/boards', path: () => '/admin/boards', expect: adminOnly },
	{
		name: '/admin/boards/:board/delete',
		path: () => `/admin/boards/${boardId}/delete`,
		expect: adminOnly
	},
	{ name: '/admin/target-groups', path: () => '/admin/target-groups', expect: adminOnly },
	{ name: '/admin/goals', path: () => '/admin/goals', expect: adminOnly },
	{ name: '/admin/case-fields', path: () => '/admin/case-fields', expect: adminOnly },
	// Cases (sager) are citizen data: the team's consultants and leaders only.
	{
		name: '/teams/:team/caseload',
		path: () => `/teams/${teamId}/caseload`,
		expect: citizenWorkers
	},
	{
		name: '/teams/:team/cases/[caseId]',
		path: () => `/teams/${teamId}/cases/${caseId}`,
		expect: citizenWorkers
	},
	{
		name: '/teams/:team/cases/doesnotexist',
		path: () => `/teams/${teamId}/cases/doesnotexist`,
		expect: nobody
	},
	{
		name: '/teams/:team/citizens',
		path: () => `/teams/${teamId}/citizens`,
		expect: citizenWorkers
	},
	{
		name: '/teams/:team/citizens/[citizenId]',
		path: () => `/teams/${teamId}/citizens/${citizenId}`,
		expect: citizenWorkers
	},
	{
		name: '/teams/:team/citizens/[citizenId]/readiness',
		path: () => `/teams/${teamId}/citizens/${citizenId}/readiness`,
		expect: citizenWorkers
	},
	{
		name: '/admin/forecast-settings',
		path: () => '/admin/forecast-settings',
		expect: adminOnly
	},
	{
		name: '/teams/doesnotexist/citizens',
		path: () => '/teams/doesnotexist/citizens',
		expect: row('login', 404, 404, 404, 404, 404)
	},
	{
		name: '/teams/:team/audit',
		path: () => `/teams/${teamId}/audit`,
		expect: row('login', 404, 404, 200, 404, 404)
	},
	// The overview and its exports: the team's leaders and consultants (access.ts, findTeamForOverview).
	{ name: '/teams/:team/overview', path: () => `/teams/${teamId}/overview`, expect: overview },
	{
		name: '/teams/:team/overview/openings',
		path: () => `/teams/${teamId}/overview/openings?figure=open`,
		expect: overview
	},
	{
		name: '/teams/:team/overview/openings?figure=bogus',
		path: () => `/teams/${teamId}/overview/openings?figure=bogus`,
		expect: nobody
	},
	{
		name: '/teams/doesnotexist/overview',
		path: () => '/teams/doesnotexist/overview',
		expect: nobody
	},
	...(['openings', 'matches', 'figures'] as const).map((kind) => ({
		name: `/teams/:team/overview/export/${kind}`,
		path: () => `/teams/${teamId}/overview/export/${kind}`,
		expect: overview
	})),
	{
		name: '/teams/:team/overview/export/bogus',
		path: () => `/teams/${teamId}/overview/export/bogus`,
		expect: nobody
	},
	// The forecast pages and their export: the team's leaders and consultants, like the overview.
	{ name: '/teams/:team/forecast', path: () => `/teams/${teamId}/forecast`, expect: overview },
	{
		name: '/teams/:team/forecast?gruppe=SDP',
		path: () => `/teams/${teamId}/forecast?gruppe=SDP`,
		expect: overview
	},
	{
		name: '/teams/:team/forecast?gruppe=bogus',
		path: () => `/teams/${teamId}/forecast?gruppe=bogus`,
		expect: nobody
	},
	{
		name: '/teams/:team/forecast/variation',
		path: () => `/teams/${teamId}/forecast/variation`,
		expect: overview
	},
	{
		name: '/teams/:team/forecast/sparring',
		path: () => `/teams/${teamId}/forecast/sparring`,
		expect: overview
	},
	{
		name: '/teams/:team/forecast/export',
		path: () => `/teams/${teamId}/forecast/export?gruppe=alle`,
		expect: overview
	},
	{
		name: '/teams/doesnotexist/forecast',
		path: () => '/teams/doesnotexist/forecast',
		expect: nobody
	}
];

// Empty form posts: an authorised caller reaches validation (400), nobody else gets that far.
const adminAction = row('login', 403, 403, 403, 400, 403);
const ACTIONS: {
	name: string;
	path: () => string;
	expect: Record<Who, Outcome>;
	/** The posted fields; an empty form by default. */
	form?: Record<string, string>;
}[] = [
	{ name: '/admin/teams?/create', path: () => '/admin/teams?/create', expect: adminAction },
	{ name: '/admin/users?/create', path: () => '/admin/users?/create', expect: adminAction },
	{ name: '/admin/boards?/create', path: () => '/admin/boards?/create', expect: adminAction },
	{
		name: '/admin/teams/:team?/add',
		path: () => `/admin/teams/${teamId}?/add`,
		expect: adminAction
	},
	{
		name: '/admin/target-groups?/create',
		path: () => '/admin/target-groups?/create',
		expect: adminAction
	},
	{
		name: '/admin/target-groups?/rename',
		path: () => '/admin/target-groups?/rename',
		expect: adminAction
	},
	{
		name: '/admin/target-groups?/active',
		path: () => '/admin/target-groups?/active',
		expect: adminAction
	},
	...(['goals?/create', 'goals?/rename', 'goals?/active'] as const).map((action) => ({
		name: `/admin/${action}`,
		path: () => `/admin/${action}`,
		expect: adminAction
	})),
	...(['case-fields?/create', 'case-fields?/edit', 'case-fields?/active'] as const).map(
		(action) => ({
			name: `/admin/${action}`,
			path: () => `/admin/${action}`,
			expect: adminAction
		})
	),
	{
		name: '/teams/:team/caseload?/save',
		path: () => `/teams/${teamId}/caseload?/save`,
		expect: row('login', 404, 400, 400, 404, 404)
	},
	// An empty post names no case to close or reopen, so even the team's own people get a 400.
	...(['save', 'close', 'reopen'] as const).map((action) => ({
		name: `/teams/:team/cases/[caseId]?/${action}`,
		path: () => `/teams/${teamId}/cases/${caseId}?/${action}`,
		expect: row('login', 404, 400, 400, 404, 404)
	})),
	{
		name: '/teams/:team/citizens?/create',
		path: () => `/teams/${teamId}/citizens?/create`,
		expect: row('login', 404, 400, 400, 404, 404)
	},
	{
		name: '/teams/:team/citizens/[citizenId]',
		path: () => `/teams/${teamId}/citizens/${citizenId}`,
		expect: row('login', 404, 400, 400, 404, 404)
	},
	{
		name: '/boards/:board/screens?/create',
		path: () => `/boards/${boardId}/screens?/create`,
		expect: row('login', 404, 404, 400, 404, 404)
	},
	{
		name: '/boards/:board/screens?/revoke',
		path: () => `/boards/${boardId}/screens?/revoke`,
		expect: row('login', 404, 404, 400, 404, 404)
	},
	...(['add', 'edit', 'close', 'followUp'] as const).map((action) => ({
		name: `/teams/:team/citizens/[citizenId]/readiness?/${action}`,
		path: () => `/teams/${teamId}/citizens/${citizenId}/readiness?/${action}`,
		expect: row('login', 404, 400, 400, 404, 404)
	})),
	{
		name: '/admin/forecast-settings',
		path: () => '/admin/forecast-settings',
		expect: adminAction
	},
	{ name: '/settings', path: () => '/settings', expect: row('login', 400, 400, 400, 400, 400) },
	// The meeting: editors reach the step, which is refused (400) because the agenda has 0 minutes
	// or no meeting runs on that board; a viewer is told no, others learn nothing.
	{
		name: '/boards/:board/meeting?/start',
		path: () => `/boards/${meetingBoardId}/meeting?/start`,
		form: { kind: 'deadlines', title: '', minutes: '0' },
		expect: row('login', 403, 400, 400, 404, 404)
	},
	...(['goto', 'focus', 'attendance', 'decision', 'end'] as const).map((action) => ({
		name: `/boards/:board/meeting?/${action}`,
		path: () => `/boards/${meetingBoardId}/meeting?/${action}`,
		expect: row('login', 403, 400, 400, 404, 404)
	}))
];

function check(
	status: number,
	location: string | undefined,
	expected: Outcome,
	label: string
): void {
	if (expected === 'login') {
		expect(status, label).toBe(303);
		expect(location, label).toMatch(/^\/login/);
	} else if (expected === 'home') {
		expect(status, label).toBe(303);
		expect(location, label).toBe('/');
	} else {
		expect(status, label).toBe(expected);
	}
}

for (const page of PAGES) {
	test(`GET ${page.name}`, async () => {
		for (const who of WHO) {
			const response = await contexts.get(who)!.get(page.path(), { maxRedirects: 0 });
			check(
				response.status(),
				response.headers()['location'],
				page.expect[who],
				`${who} GET ${page.path()}`
			);
		}
	});
}

for (const action of ACTIONS) {
	test(`POST ${action.name}`, async ({ baseURL }) => {
		for (const who of WHO) {
			const response = await contexts.get(who)!.post(action.path(), {
				form: action.form ?? { _: '' },
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
			check(
				response.status(),
				response.headers()['location'],
				action.expect[who],
				`${who} POST ${action.path()}`
			);
		}
	});
}

// The event streams (overview, forecast) never end: only the status is read, then the request is dropped.
const STREAM: Record<Who, 200 | 401 | 404> = {
	anonymous: 401,
	viewer: 404,
	consultant: 200,
	leader: 200,
	admin: 404,
	otherLeader: 404
};

for (const page of ['overview', 'forecast'] as const) {
	test(`GET /teams/:team/${page}/events`, async ({ baseURL }) => {
		for (const who of WHO) {
			const cookie = await sessionCookie(contexts.get(who)!);
			const abort = new AbortController();
			const response = await fetch(`${baseURL}/teams/${teamId}/${page}/events`, {
				headers: cookie ? { cookie } : {},
				redirect: 'manual',
				signal: abort.signal
			});
			expect(response.status, `${who} GET the ${page}'s event stream`).toBe(STREAM[who]);
			if (response.status === 200)
				expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
			abort.abort();
		}
	});
}

type SocketOutcome = 'write' | 'read' | 4401 | 4403;
const SOCKET: Record<Who, SocketOutcome> = {
	anonymous: 4401,
	viewer: 'read',
	consultant: 'write',
	leader: 'write',
	admin: 4403,
	otherLeader: 4403
};

function closeCode(url: string, cookie: string | undefined): Promise<number> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, cookie ? { headers: { cookie } } : {});
		ws.on('close', (code) => resolve(code));
		ws.on('error', reject);
	});
}

/**
 * Sends a sync step 1 on the provider's socket and waits for the server's step 2 answer. The
 * server handles a board's messages in order, so after the answer it has handled our update.
 */
function roundTrip(provider: WebsocketProvider, doc: Y.Doc): Promise<void> {
	const ws = provider.ws!;
	const vector = Y.encodeStateVector(doc);
	const message = new Uint8Array([0, 0, ...varUint(vector.length), ...vector]);
	return new Promise((resolve) => {
		const onMessage = (event: { data: unknown }): void => {
			const data = new Uint8Array(event.data as ArrayBuffer);
			if (data[0] === 0 && data[1] === 1) {
				ws.removeEventListener('message', onMessage);
				resolve();
			}
		};
		ws.addEventListener('message', onMessage);
		ws.send(message);
	});
}

function varUint(n: number): number[] {
	const bytes: number[] = [];
	while (n > 127) {
		bytes.push((n & 127) | 128);
		n >>>= 7;
	}
	bytes.push(n);
	return bytes;
}

/** Connects the stock client, adds a card titled `title`, and reports whether the server kept it. */
async function tryWrite(
	wsBase: string,
	cookie: string,
	title: string,
	observerCookie: string
): Promise<boolean> {
	class CookieWebSocket extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers: { cookie } });
		}
	}
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(wsBase, boardId, doc, {
		WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
	const lane = listLanes(doc)[0]!;
	addCard(doc, { laneId: lane.id, title, createdBy: '', now: Date.now() }, 'test');
	await roundTrip(provider, doc);
	provider.destroy();
	doc.destroy();
	// A fresh observer (a leader) tells what the server has.
	class ObserverWebSocket extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers: { cookie: observerCookie } });
		}
	}
	const seen = new Y.Doc();
	const observer = new WebsocketProvider(wsBase, boardId, seen, {
		WebSocketPolyfill: ObserverWebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	await new Promise<void>((resolve) => observer.once('sync', () => resolve()));
	const found = readBoard(seen).lanes.some((l) => l.cards.some((c) => c.title === title));
	observer.destroy();
	seen.destroy();
	return found;
}

test('the sync socket', async ({ baseURL }) => {
	const wsBase = baseURL!.replace(/^http/, 'ws') + '/sync';
	const observerCookie = (await sessionCookie(contexts.get('leader')!))!;
	for (const who of WHO) {
		const cookie = await sessionCookie(contexts.get(who)!);
		const expected = SOCKET[who];
		if (typeof expected === 'number') {
			expect(await closeCode(`${wsBase}/${boardId}`, cookie), who).toBe(expected);
			continue;
		}
		const kept = await tryWrite(wsBase, cookie!, `Skrevet af ${who}`, observerCookie);
		expect(kept, `${who} writes ${expected === 'write' ? 'are kept' : 'are dropped'}`).toBe(
			expected === 'write'
		);
	}
});

// A new route without a row above fails here, so the table stays complete.
test('the table covers every route', async () => {
	const { readdirSync, statSync } = await import('node:fs');
	const { join, relative } = await import('node:path');
	const routes: string[] = [];
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir)) {
			const full = join(dir, entry);
			if (statSync(full).isDirectory()) walk(full);
			else if (/^\+page(\.server)?\.(ts|svelte)$/.test(entry)) {
				const route = '/' + relative('src/routes', dir).replace(/\\/g, '/');
				routes.push(
					route
						.replace(/\[boardId\]|\[id\]/g, ':board')
						.replace(/\[teamId\]/g, ':team')
						.replace(/\/$/, '') || '/'
				);
			}
		}
	};
	walk('src/routes');
	const covered = new Set([...PAGES.map((p) => p.name), '/logout']);
	const missing = [...new Set(routes.map((r) => (r === '' ? '/' : r)))].filter(
		(r) => !covered.has(r)
	);
	expect(missing).toEqual([]);
});
