import type * as Y from 'yjs';
import { listLanes } from '../board/model';
import {
	addOpening,
	closeOpening,
	openingTitle,
	proposeCandidate,
	setMatchStatus
} from '../board/openings';
import type { JobType, MatchStatus, OpeningSource } from '../board/types';
import { copenhagenToday } from '../openings/countdown';
import { dayNumber } from '../openings/deadline';
import { hashPassword } from './auth/password';
import { createBoardWithLanes, SERVER_ORIGIN } from './boards/board.service';
import { insertCitizen } from './citizens/citizen.repository';
import { ensureDefaultTargetGroups, listTargetGroups } from './citizens/target-group.repository';
import { ensureDefaultCaseGoals } from './cases/goal.repository';
import { createCompany } from './companies/company.repository';
import type { Db } from './db/connect';
import { seedDemoCases, type DemoConsultant } from './seed-cases';
import { seedDemoMeeting } from './seed-meetings';
import { createTeam, setMembership, type Role } from './teams/team.repository';
import { createUser } from './users/user.repository';

/** Password of every demo account; printed at start-up, never used outside the demo. */
export const DEMO_PASSWORD = 'demo-tavlen-2026';

interface DemoPerson {
	email: string;
	name: string;
	admin?: boolean;
	teams: [team: 'virk' | 'unge', role: Role][];
}

// Invented people of the fictional "Jobcenter Demoby".
const PEOPLE: DemoPerson[] = [
	{ email: 'admin@demoby.dk', name: 'Ada Admin', admin: true, teams: [] },
	{
		email: 'leder@demoby.dk',
		name: 'Lone Leder',
		teams: [
			['virk', 'leader'],
			['unge', 'leader']
		]
	},
	{ email: 'anna@demoby.dk', name: 'Anna Andersen', teams: [['virk', 'consultant']] },
	{ email: 'bo@demoby.dk', name: 'Bo Bertelsen', teams: [['virk', 'consultant']] },
	{ email: 'cecilie@demoby.dk', name: 'Cecilie Clausen', teams: [['unge', 'consultant']] },
	{ email: 'dennis@demoby.dk', name: 'Dennis Dahl', teams: [['unge', 'consultant']] },
	{
		email: 'skaerm@demoby.dk',
		name: 'Skærm Mødelokale 2',
		teams: [
			['virk', 'viewer'],
			['unge', 'viewer']
		]
	}
];

type TeamKey = 'virk' | 'unge';

/**
 * Demo openings (jobåbninger) of invented companies. Deadlines are days from the seeding day, so
 * the demo always shows every countdown state: more than 3 days, 3 days or less, and one open
 * opening past its deadline. Candidates name demo citizens by initials (resolved to their ids).
 */
interface DemoOpening {
	lane: number;
	company: string;
	position: string;
	description: string;
	jobType: JobType;
	hoursPerWeek: number | null;
	positions: number;
	/** Days from the seeding day (negative: past). */
	deadlineIn: number;
	startIn?: number;
	jobAreas: string[];
	requirements?: string;
	source: OpeningSource;
	candidates?: [initials: string, status: MatchStatus][];
	outcome?: 'filled';
}

const OPENINGS: Record<TeamKey, DemoOpening[]> = {
	virk: [
		{
			lane: 0,
			company: 'Demoby Logistik',
			position: 'Lagermedarbejder',
			description: 'Truckcertifikat en fordel.',
			jobType: 'ordinary',
			hoursPerWeek: 37,
			positions: 2,
			deadlineIn: 12,
			startIn: 21,
			jobAreas: ['Lager', 'Truck'],
			requirements: 'Truckcertifikat en fordel',
			source: 'phone'
		},
		{
			lane: 0,
			company: 'Havnens Kantine',
			position: 'Kantinemedhjælper',
			description: 'Formiddage.',
			jobType: 'smalljob',
			hoursPerWeek: 10,
			positions: 1,
			deadlineIn: 2,
			jobAreas: ['Kantine'],
			source: 'visit'
		},
		{
			lane: 1,
			company: 'Demoby Boligforening',
			position: 'Pedel',
			description: 'Behov afdækket ved besøg.',
			jobType: 'flexjob',
			hoursPerWeek: 20,
			positions: 1,
			deadlineIn: -2,
			startIn: 30,
			jobAreas: ['Pedel', 'Vedligehold'],
			source: 'visit'
		},
		{
			lane: 2,
			company: 'Solsikken Dagligvarer',
			position: 'Butiksassistent',
			description: 'To kandidater foreslået.',
			jobType: 'ordinary',
			hoursPerWeek: 25,
			positions: 2,
			deadlineIn: 5,
			jobAreas: ['Butik'],
			source: 'jobnet',
			candidates: [
				['JKL', 'proposed'],
				['MØ', 'proposed']
			]
		},
		{
			lane: 5,
			company: 'Grøn Transport',
			position: 'Chauffør',
			description: 'Besat med borger fra DP-målgruppen.',
			jobType: 'ordinary',
			hoursPerWeek: 37,
			positions: 1,
			deadlineIn: -10,
			jobAreas: ['Chauffør'],
			source: 'phone',
			candidates: [['AH', 'hired']],
			outcome: 'filled'
		}
	],
	unge: [
		{
			lane: 0,
			company: 'Café Solsiden',
			position: 'Opvasker',
			description: 'Weekend.',
			jobType: 'smalljob',
			hoursPerWeek: 8,
			positions: 1,
			deadlineIn: 1,
			jobAreas: ['Opvask', 'Café'],
			source: 'phone',
			candidates: [['LM', 'proposed']]
		},
		{
			lane: 1,
			company: 'Demoby VVS',
			position: 'Lærling',
			description: 'Elevplads fra august.',
			jobType: 'apprentice',
			hoursPerWeek: 37,
			positions: 1,
			deadlineIn: 30,
			jobAreas: ['VVS'],
			source: 'visit'
		},
		{
			lane: 3,
			company: 'Demoby Hallen',
			position: 'Servicemedarbejder',
			description: 'Formidlet; samtale næste uge.',
			jobType: 'hybrid',
			hoursPerWeek: 15,
			positions: 1,
			deadlineIn: 4,
			jobAreas: ['Service', 'Hal'],
			source: 'other',
			candidates: [['OS', 'referred']]
		}
	]
};

// Invented companies; the CVR numbers are made up and belong to no real company.
const COMPANIES: { name: string; cvr: string | null; industry: string; contactPerson: string }[] = [
	{
		name: 'Demoby Logistik',
		cvr: '11223344',
		industry: 'Transport og lager',
		contactPerson: 'Lars Lager'
	},
	{ name: 'Havnens Kantine', cvr: null, industry: 'Restauration', contactPerson: 'Karen Kok' },
	{ name: 'Demoby VVS', cvr: '55667788', industry: 'Bygge og anlæg', contactPerson: 'Villy Vand' },
	{
		name: 'Demoby Boligforening',
		cvr: null,
		industry: 'Ejendomsservice',
		contactPerson: 'Bent Bolig'
	},
	{
		name: 'Solsikken Dagligvarer',
		cvr: '22334455',
		industry: 'Detailhandel',
		contactPerson: 'Sanne Sol'
	},
	{ name: 'Grøn Transport', cvr: null, industry: 'Transport', contactPerson: 'Gert Grøn' },
	{ name: 'Café Solsiden', cvr: null, industry: 'Restauration', contactPerson: 'Camilla Café' },
	{ name: 'Demoby Hallen', cvr: null, industry: 'Idræt og fritid', contactPerson: 'Henrik Hal' }
];

// Invented pseudonymous citizens: initials, target group code, job areas, hours wanted, job-ready.
type DemoCitizen = [
	initials: string,
	group: string,
	jobAreas: string[],
	hours: number | null,
	ready: boolean
];
const CITIZENS: Record<'virk' | 'unge', DemoCitizen[]> = {
	virk: [
		['AH', 'DP', ['Lager', 'Truck'], 37, true],
		['MØ', 'KH-JP', ['Rengøring', 'Kantine'], 25, true],
		['JKL', 'SDP', ['Butik'], 15, false],
		['SB', 'FJ/LY', ['Pedel', 'Vedligehold'], 20, true],
		['TÅN', 'KH-AP', ['Kantine'], 10, false],
		['PE', 'JAF', ['Chauffør', 'Lager'], null, false]
	],
	unge: [
		['LM', 'UH', ['Opvask', 'Café'], 8, true],
		['ÆB', 'UH', ['Lærling', 'VVS'], 37, true],
		['NR', 'KH-AP', ['Rengøring'], 10, false],
		['OS', 'SHP', ['Service', 'Hal'], 15, true],
		['KD', 'RF', ['Café'], null, false],
		['FHJ', 'DP', ['Butik', 'Lager'], 20, true]
	]
};

export interface DemoAccount {
	email: string;
	password: string;
	role: string;
}

/** Seeds the fictional job centre when the database has no users. Returns the sign-ins, or null. */
export async function seedDemoIfEmpty(db: Db, now: number): Promise<DemoAccount[] | null> {
	const existing = await db.selectFrom('user').select('id').limit(1).executeTakeFirst();
	if (existing) return null;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const teams = {
		virk: await createTeam(db, 'Virksomhedsservice', now),
		unge: await createTeam(db, 'Unge og småjob', now)
	};
	const ownerIds: Record<'virk' | 'unge', string[]> = { virk: [], unge: [] };
	const accounts: DemoAccount[] = [];
	const userByEmail = new Map<string, string>();
	for (const person of PEOPLE) {
		const user = await createUser(db, { ...person, isAdmin: person.admin, passwordHash, now });
		userByEmail.set(person.email, user.id);
		for (const [team, role] of person.teams) {
			await setMembership(db, teams[team].id, user.id, role);
			if (role === 'consultant') ownerIds[team].push(user.id);
		}
		const roles = person.teams.map(([t, r]) => `${r} (${teams[t].name})`);
		accounts.push({
			email: person.email,
			password: DEMO_PASSWORD,
			role: person.admin ? 'admin' : roles.join(', ')
		});
	}
	const ids = await seedCitizensAndCompanies(db, teams, ownerIds, now);
	await seedCases(db, teams, userByEmail, ids, now);
	for (const key of ['virk', 'unge'] as const) {
		const board = await createBoardWithLanes(db, {
			teamId: teams[key].id,
			name: key === 'virk' ? 'Jobåbninger' : 'Småjob og unge',
			now,
			fill: (doc) => fillBoard(doc, OPENINGS[key], ownerIds[key], ids, now)
		});
		if (key === 'virk')
			await seedDemoMeeting(db, {
				boardId: board.id,
				leaderId: userByEmail.get('leder@demoby.dk') ?? '',
				consultantIds: ownerIds.virk,
				now
			});
	}
	return accounts;
}

/** Demo cases for the forecast pages, for the demo citizens and for more invented ones. */
async function seedCases(
	db: Db,
	teams: Record<TeamKey, { id: string }>,
	userByEmail: Map<string, string>,
	ids: SeededIds,
	now: number
): Promise<void> {
	const user = (name: DemoConsultant) => {
		const id = userByEmail.get(`${name}@demoby.dk`);
		if (!id) throw new Error(`Demo user ${name} is not seeded`);
		return id;
	};
	const citizenByInitials = new Map<string, { id: string; targetGroupCode: string }>();
	for (const key of ['virk', 'unge'] as const)
		for (const [initials, group] of CITIZENS[key]) {
			const id = ids.citizenByInitials.get(initials);
			if (id) citizenByInitials.set(initials, { id, targetGroupCode: group });
		}
	await seedDemoCases(
		db,
		{
			teamOf: {
				anna: teams.virk.id,
				bo: teams.virk.id,
				cecilie: teams.unge.id,
				dennis: teams.unge.id
			},
			userOf: {
				anna: user('anna'),
				bo: user('bo'),
				cecilie: user('cecilie'),
				dennis: user('dennis')
			},
			citizenByInitials,
			groupIdByCode: new Map((await listTargetGroups(db)).map((g) => [g.code, g.id]))
		},
		now
	);
}

/** The demo day plus `days`, as YYYY-MM-DD. */
function dayFrom(today: string, days: number): string {
	return new Date((dayNumber(today)! + days) * 86_400_000).toISOString().slice(0, 10);
}

interface SeededIds {
	companyByName: Map<string, string>;
	citizenByInitials: Map<string, string>;
}

function fillBoard(
	doc: Y.Doc,
	openings: readonly DemoOpening[],
	owners: readonly string[],
	ids: SeededIds,
	now: number
): void {
	const lanes = listLanes(doc);
	const today = copenhagenToday(new Date(now));
	const by = owners[0] ?? '';
	openings.forEach((o, i) => {
		const companyId = ids.companyByName.get(o.company);
		if (!companyId) throw new Error(`Demo company ${o.company} is not seeded`);
		const cardId = addOpening(
			doc,
			{
				laneId: lanes[o.lane]!.id,
				title: openingTitle(o.position, o.company),
				description: o.description,
				ownerId: owners[i % owners.length] ?? '',
				companyId,
				companyName: o.company,
				position: o.position,
				jobType: o.jobType,
				hoursPerWeek: o.hoursPerWeek,
				positions: o.positions,
				deadline: dayFrom(today, o.deadlineIn),
				startDate: o.startIn === undefined ? '' : dayFrom(today, o.startIn),
				jobAreas: o.jobAreas,
				requirements: o.requirements ?? '',
				source: o.source,
				createdBy: by,
				now
			},
			SERVER_ORIGIN
		);
		for (const [initials, status] of o.candidates ?? []) {
			const citizenId = ids.citizenByInitials.get(initials);
			if (!citizenId) throw new Error(`Demo citizen ${initials} is not seeded`);
			const matchId = proposeCandidate(
				doc,
				{ openingId: cardId, citizenId, proposedBy: by, now },
				SERVER_ORIGIN
			);
			setMatchStatus(doc, { matchId, status, now }, SERVER_ORIGIN);
		}
		if (o.outcome) closeOpening(doc, { cardId, outcome: o.outcome, now }, SERVER_ORIGIN);
	});
}

async function seedCitizensAndCompanies(
	db: Db,
	teams: Record<'virk' | 'unge', { id: string }>,
	ownerIds: Record<'virk' | 'unge', string[]>,
	now: number
): Promise<SeededIds> {
	await ensureDefaultTargetGroups(db);
	await ensureDefaultCaseGoals(db);
	const groupIds = new Map((await listTargetGroups(db)).map((g) => [g.code, g.id]));
	const companyByName = new Map<string, string>();
	const citizenByInitials = new Map<string, string>();
	for (const company of COMPANIES)
		companyByName.set(company.name, (await createCompany(db, { ...company, now })).id);
	// Straight to the repository: seeding is no one's read or change, so it is not audited.
	for (const key of ['virk', 'unge'] as const) {
		const owners = ownerIds[key];
		for (const [i, [initials, group, jobAreas, hoursWanted, jobReady]] of CITIZENS[key].entries()) {
			const targetGroupId = groupIds.get(group);
			const ownerId = owners[i % owners.length];
			if (!targetGroupId || !ownerId) throw new Error(`Demo citizen ${initials} cannot be seeded`);
			const citizen = await insertCitizen(db, {
				teamId: teams[key].id,
				ownerId,
				initials,
				targetGroupId,
				jobAreas,
				hoursWanted,
				jobReady,
				now
			});
			citizenByInitials.set(initials, citizen.id);
		}
	}
	return { companyByName, citizenByInitials };
}
