import { error } from '@sveltejs/kit';
import { minutesFileName } from '$lib/meeting/minutes-format';
import { minutesText } from '$lib/meeting/minutes-text';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { RequestHandler } from './$types';
import { requireMeeting } from '../../require-minutes-reader';

/** The minutes as a text file for Windows Notepad and e-mail (UTF-8 with BOM, CRLF). */
export const GET: RequestHandler = async (event) => {
	const { meeting } = await requireMeeting(event);
	if (meeting.state !== 'ended') error(404, m.minutes_not_found());
	const { minutes } = meeting;
	// The slug is plain ASCII letters, digits and dashes, so the name needs no quoting or encoding.
	const name = minutesFileName(minutes.boardName, minutes.date);
	return new Response(minutesText(minutes, getLocale()), {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
};
