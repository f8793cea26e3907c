import { applyAction } from '$app/forms';
import type { SubmitFunction } from '@sveltejs/kit';
import { meetingErrorText } from '$lib/meeting/labels';
import { m } from '$lib/paraglide/messages.js';

/**
 * use:enhance for the meeting's steps posted from the board. The board follows the meeting live
 * through its document, so a step's success needs no reload (no invalidateAll): only a refusal is
 * shown, in words, and a redirect (the end of the meeting, or a lapsed sign-in) is followed.
 */
export interface MeetingSubmitHandlers {
	/** A refusal's Danish words, or '' when the step went through. */
	onresult: (error: string) => void;
	/** The step went through. */
	ondone?: () => void;
}

export function meetingSubmit(handlers: MeetingSubmitHandlers): SubmitFunction {
	// One step at a time per form: a second tap while the first is on its way is dropped.
	let busy = false;
	return ({ cancel }) => {
		if (busy) return cancel();
		busy = true;
		return async ({ result }) => {
			busy = false;
			switch (result.type) {
				case 'success':
					handlers.onresult('');
					handlers.ondone?.();
					return;
				case 'failure':
					handlers.onresult(meetingErrorText(String(result.data?.error ?? '')));
					return;
				case 'redirect':
					handlers.onresult('');
					await applyAction(result);
					return;
				case 'error':
					handlers.onresult(
						result.status === 403 ? m.meeting_error_not_allowed() : m.meetingui_error_generic()
					);
			}
		};
	};
}
