import type { EditError } from '$lib/board/board-session.svelte';
import { m } from '$lib/paraglide/messages.js';

export function editErrorMessage(error: EditError): string {
	switch (error) {
		case 'read-only':
			return m.board_error_read_only();
		case 'not-found':
			return m.board_error_not_found();
		case 'lane-not-empty':
			return m.board_error_lane_not_empty();
		case 'limit':
			return m.board_error_limit();
		case 'invalid':
			return m.board_error_generic();
	}
}
