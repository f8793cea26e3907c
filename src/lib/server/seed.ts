import { addCard, listLanes } from '../board/model';
import { hashPassword } from './auth/password';
import { createBoardWithLanes, SERVER_ORIGIN } from './boards/board.service';
import { insertCitizen } from './citizens/citizen.repository';
import { ensureDefaultTargetGroups, listTargetGroups } from './citizens/target-group.repository';
import { createCompany } from './companies/company.repository';
import type { Db } from './db/connect';
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

const CARDS: Record<'virk' | 'unge', [lane: number, title: string, description: string][]> = {
	virk: [
		[0, 'Lagermedarbejder, Demoby Logistik', 'To stillinger, 37 t/uge. Truckcertifikat en fordel.'],
		[0, 'Kantinemedhjælper, Havnens Kantine', 'Småjob, 10 t/uge, formiddage.'],
		[1, 'Pedel, Demoby Boligforening', 'Behov afdækket ved besøg; start 1. januar.'],
		[2, 'Butiksassistent, Kvickly Demoby', 'Tre kandidater foreslået.'],
		[5, 'Chauffør, Grøn Transport', 'Besat med borger fra DP-målgruppen.']
	],
	unge: [
		[0, 'Opvasker, Café Solsiden', 'Småjob, 8 t/uge, weekend.'],
		[1, 'Lærling, Demoby VVS', 'Elevplads fra august.'],
		[3, 'Servicemedarbejder, Demoby Hallen', 'Formidlet; samtale næste uge.']
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
	{ name: 'Demoby VVS', cvr: '55667788', industry: 'Bygge og anlæg', contactPerson: 'Villy Vand' }
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
	for (const person of PEOPLE) {
		const user = await createUser(db, { ...person, isAdmin: person.admin, passwordHash, now });
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
	await seedCitizensAndCompanies(db, teams, ownerIds, now);
	for (const key of ['virk', 'unge'] as const) {
		await createBoardWithLanes(db, {
			teamId: teams[key].id,
			name: key === 'virk' ? 'Jobåbninger' : 'Småjob og unge',
			now,
			fill: (doc) => {
				const lanes = listLanes(doc);
				CARDS[key].forEach(([lane, title, description], i) => {
					const owners = ownerIds[key];
					addCard(
						doc,
						{
							laneId: lanes[lane]!.id,
							title,
							description,
							ownerId: owners[i % owners.length] ?? '',
							createdBy: owners[0] ?? '',
							now
						},
						SERVER_ORIGIN
					);
				});
			}
		});
	}
	return accounts;
}

async function seedCitizensAndCompanies(
	db: Db,
	teams: Record<'virk' | 'unge', { id: string }>,
	ownerIds: Record<'virk' | 'unge', string[]>,
	now: number
): Promise<void> {
	await ensureDefaultTargetGroups(db);
	const groupIds = new Map((await listTargetGroups(db)).map((g) => [g.code, g.id]));
	for (const company of COMPANIES) await createCompany(db, { ...company, now });
	// Straight to the repository: seeding is no one's read or change, so it is not audited.
	for (const key of ['virk', 'unge'] as const) {
		const owners = ownerIds[key];
		for (const [i, [initials, group, jobAreas, hoursWanted, jobReady]] of CITIZENS[key].entries()) {
			const targetGroupId = groupIds.get(group);
			const ownerId = owners[i % owners.length];
			if (!targetGroupId || !ownerId) throw new Error(`Demo citizen ${initials} cannot be seeded`);
			await insertCitizen(db, {
				teamId: teams[key].id,
				ownerId,
				initials,
				targetGroupId,
				jobAreas,
				hoursWanted,
				jobReady,
				now
			});
		}
	}
}
