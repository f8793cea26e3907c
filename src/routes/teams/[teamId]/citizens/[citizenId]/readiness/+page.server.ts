import { error, fail } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { m } from '$lib/paraglide/messages.js';
import { canWorkWithCitizens } from '$lib/server/access';
import {
	addTask,
	closeTask,
	editTask,
	getReadiness,
	recordFollowUp
} from '$lib/server/readiness/readiness.service';
import { readFormText } from '$lib/server/validation';
import { requireTeamAccess } from '../../../team-access';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Leaders and consultants of the team; another team's citizen is as good as missing (404). */
async function access(event: RequestEvent) {
	const { db, team, user } = await requireTeamAccess(event, canWorkWithCitizens);
	const { citizenId } = event.params;
	if (!isValidId(citizenId)) error(404, m.citizens_not_found());
	return { db, team, citizenId, actor: { userId: user.id, teamId: team.id } };
}

export const load: PageServerLoad = async (event) => {
	const { db, team, citizenId, actor } = await access(event);
	const view = await getReadiness(db, actor, citizenId, Date.now());
	if (!view) error(404, m.citizens_not_found());
	return { team: { id: team.id, name: team.name }, ...view };
};

export const actions: Actions = {
	add: async (event) => {
		const { db, citizenId, actor } = await access(event);
		const values = readFormText(await event.request.formData(), ['text']);
		const result = await addTask(db, actor, citizenId, values, Date.now());
		if (!result) error(404, m.citizens_not_found());
		if (!result.ok) return fail(400, { form: 'add' as const, issue: result.issue, values });
		return { form: 'add' as const, done: 'added' as const };
	},
	edit: async (event) => {
		const { db, citizenId, actor } = await access(event);
		const values = readFormText(await event.request.formData(), ['taskId', 'text']);
		if (!isValidId(values.taskId))
			return fail(400, { form: 'edit' as const, taskId: '', issue: 'not_found' as const, values });
		const result = await editTask(db, actor, citizenId, values.taskId, values, Date.now());
		// A task that is gone (closed meanwhile, or not this citizen's) is a 404 with its message.
		if (!result?.ok) {
			const issue = result ? result.issue : ('not_found' as const);
			return fail(result ? 400 : 404, {
				form: 'edit' as const,
				taskId: values.taskId,
				issue,
				values
			});
		}
		return { form: 'edit' as const, done: 'edited' as const };
	},
	close: async (event) => {
		const { db, citizenId, actor } = await access(event);
		const values = readFormText(await event.request.formData(), ['taskId']);
		if (!isValidId(values.taskId))
			return fail(400, { form: 'close' as const, taskId: '', issue: 'not_found' as const });
		const result = await closeTask(db, actor, citizenId, values.taskId, Date.now());
		if (!result)
			return fail(404, {
				form: 'close' as const,
				taskId: values.taskId,
				issue: 'not_found' as const
			});
		return { form: 'close' as const, done: 'closed' as const };
	},
	followUp: async (event) => {
		const { db, citizenId, actor } = await access(event);
		const data = await event.request.formData();
		const values: Record<string, string> = {};
		for (const [key, value] of data) if (typeof value === 'string') values[key] = value;
		const result = await recordFollowUp(db, actor, citizenId, values, Date.now());
		if (!result) error(404, m.citizens_not_found());
		if (!result.ok)
			return fail(400, {
				form: 'followUp' as const,
				scoreIssues: result.issues,
				formIssue: result.formIssue,
				values
			});
		return { form: 'followUp' as const, done: 'followUp' as const };
	}
};
