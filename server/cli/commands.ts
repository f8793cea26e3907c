/** The CLI's commands: what each takes, and what it does through the admin services. */
import {
	addMember,
	createBoard,
	createTeam,
	createUserWithPassword,
	listBoardsOverview,
	listTeamMembers,
	listTeamsOverview,
	listUsersOverview,
	removeMember
} from '../../src/lib/server/admin/admin.service';
import { ROLES } from '../../src/lib/server/teams/team.repository';
import { LIMITS, emailSchema, parseInput, personNameSchema } from '../../src/lib/server/validation';
import { readPassword } from './password-prompt';
import { describeIssue, out, str, unwrap, usageError, type Command } from './support';

export const COMMANDS: Record<string, Command> = {
	'team create': {
		usage: 'team create --name <name>',
		summary: 'Create a team; prints its id.',
		options: { name: { type: 'string' } },
		required: ['name'],
		run: async (db, values) => {
			const team = unwrap(await createTeam(db, { name: str(values, 'name') }, Date.now()), values);
			out(team.id);
		}
	},
	'team list': {
		usage: 'team list',
		summary: 'List teams: id, name, members, boards (tab-separated).',
		options: {},
		required: [],
		run: async (db) => {
			for (const t of await listTeamsOverview(db)) {
				out([t.id, t.name, t.memberCount, t.boardCount].join('\t'));
			}
		}
	},
	'user create': {
		usage: 'user create --email <email> --name <name> [--admin]  (password on stdin)',
		summary: `Create a user; reads the password from the first line of stdin (at least ${LIMITS.passwordMin} characters); prints the id.`,
		options: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' } },
		required: ['email', 'name'],
		prepare: async (values) => {
			// check the arguments first, so a typo does not cost the operator a password prompt
			for (const [field, schema] of [
				['email', emailSchema],
				['name', personNameSchema]
			] as const) {
				const parsed = parseInput(schema, values[field]);
				if (!parsed.ok) {
					throw usageError(
						`Error: ${describeIssue(field, parsed.issues[''] ?? 'invalid', values)}`
					);
				}
			}
			const password = await readPassword();
			if (password.length === 0) throw usageError('Error: no password on stdin');
			if (password.length < LIMITS.passwordMin) {
				throw usageError(`Error: ${describeIssue('password', 'too_short', values)}`);
			}
			return { ...values, password };
		},
		run: async (db, values) => {
			const user = unwrap(
				await createUserWithPassword(
					db,
					{
						email: str(values, 'email'),
						name: str(values, 'name'),
						password: str(values, 'password'),
						isAdmin: values.admin === true
					},
					Date.now()
				),
				values
			);
			out(user.id);
		}
	},
	'user list': {
		usage: 'user list',
		summary: 'List users: id, email, name, admin or - (tab-separated).',
		options: {},
		required: [],
		run: async (db) => {
			for (const u of await listUsersOverview(db)) {
				out([u.id, u.email, u.name, u.isAdmin ? 'admin' : '-'].join('\t'));
			}
		}
	},
	'member add': {
		usage: `member add --team <id or name> --email <email> --role <${ROLES.join('|')}>`,
		summary: 'Add a user to a team, or change the role of a member.',
		options: { team: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' } },
		required: ['team', 'email', 'role'],
		run: async (db, values) => {
			const change = unwrap(
				await addMember(db, {
					team: str(values, 'team'),
					email: str(values, 'email'),
					role: str(values, 'role')
				}),
				values
			);
			out(
				change.previousRole
					? `${change.user.email} in ${change.team.name}: ${change.previousRole} -> ${change.role}`
					: `${change.user.email} added to ${change.team.name} as ${change.role}`
			);
		}
	},
	'member remove': {
		usage: 'member remove --team <id or name> --email <email>',
		summary: 'Remove a user from a team.',
		options: { team: { type: 'string' }, email: { type: 'string' } },
		required: ['team', 'email'],
		run: async (db, values) => {
			const change = unwrap(
				await removeMember(db, { team: str(values, 'team'), user: str(values, 'email') }),
				values
			);
			out(`${change.user.email} removed from ${change.team.name}`);
		}
	},
	'member list': {
		usage: 'member list --team <id or name>',
		summary: 'List the members of a team: user id, email, name, role (tab-separated).',
		options: { team: { type: 'string' } },
		required: ['team'],
		run: async (db, values) => {
			const { members } = unwrap(await listTeamMembers(db, str(values, 'team')), values);
			for (const mb of members) out([mb.userId, mb.email, mb.name, mb.role].join('\t'));
		}
	},
	'board create': {
		usage: 'board create --team <id or name> --name <name>',
		summary: 'Create a board with the default lanes for a team; prints its id.',
		options: { team: { type: 'string' }, name: { type: 'string' } },
		required: ['team', 'name'],
		run: async (db, values) => {
			const board = unwrap(
				await createBoard(db, { team: str(values, 'team'), name: str(values, 'name') }, Date.now()),
				values
			);
			out(board.id);
		}
	},
	'board list': {
		usage: 'board list [--team <id or name>]',
		summary: 'List boards: id, team, name (tab-separated).',
		options: { team: { type: 'string' } },
		required: [],
		run: async (db, values) => {
			const team = str(values, 'team').trim();
			const boards = await listBoardsOverview(db);
			const shown = team ? boards.filter((b) => b.teamId === team || b.teamName === team) : boards;
			if (team && shown.length === 0) {
				// an empty list is fine for an existing team, but a typo must not look like one
				unwrap(await listTeamMembers(db, team), values);
			}
			for (const b of shown) out([b.id, b.teamName, b.name].join('\t'));
		}
	}
};
