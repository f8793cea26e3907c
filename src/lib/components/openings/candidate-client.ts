import type { Candidate } from '$lib/openings/types';

/** The board's candidates endpoint (GET /boards/[id]/candidates), an audited read of the team's citizens. */

export type CandidatesAnswer =
	| { ok: true; candidates: Candidate[] }
	| { ok: false; reason: 'signed-out' | 'forbidden' | 'failed' };

export async function fetchCandidates(boardId: string): Promise<CandidatesAnswer> {
	try {
		const response = await fetch(`/boards/${encodeURIComponent(boardId)}/candidates`, {
			headers: { accept: 'application/json' }
		});
		if (response.status === 401) return { ok: false, reason: 'signed-out' };
		if (response.status === 403) return { ok: false, reason: 'forbidden' };
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		const body = (await response.json()) as { candidates: Candidate[] };
		return { ok: true, candidates: body.candidates };
	} catch (error) {
		console.warn('could not load the candidates', error);
		return { ok: false, reason: 'failed' };
	}
}
