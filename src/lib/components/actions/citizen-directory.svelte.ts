import {
	actionCitizenLabel,
	initialsById,
	sortCitizenChoices,
	type ActionCitizenLabel,
	type CitizenChoice
} from '$lib/actions/citizen-link';
import { fetchCandidates } from '$lib/components/openings/candidate-client';

export type CitizenLoad =
	| { state: 'idle' }
	| { state: 'loading' }
	| { state: 'failed'; reason: 'signed-out' | 'forbidden' | 'failed' }
	| { state: 'loaded'; choices: CitizenChoice[] };

/**
 * The team's citizens by initials for the actions of one board page. Fetched on demand, when a
 * person is about to link a citizen, because each fetch is an audited read of every citizen in
 * it; kept for the page's life so the card faces can name the citizens this device has already
 * read. A device whose role may not see initials (a viewer) never fetches and names nobody.
 */
export class CitizenDirectory {
	readonly #boardId: string;
	readonly #mayShowInitials: boolean;
	#load = $state.raw<CitizenLoad>({ state: 'idle' });
	#initialsById = $derived(this.#load.state === 'loaded' ? initialsById(this.#load.choices) : null);

	constructor(boardId: string, mayShowInitials: boolean) {
		this.#boardId = boardId;
		this.#mayShowInitials = mayShowInitials;
	}

	/** False for viewers: they get neither the field nor initials. */
	get mayShowInitials(): boolean {
		return this.#mayShowInitials;
	}

	get load(): CitizenLoad {
		return this.#load;
	}

	/** The citizens to offer, by initials; empty until fetched. */
	get choices(): readonly CitizenChoice[] {
		return this.#load.state === 'loaded' ? this.#load.choices : [];
	}

	label(citizenId: string): ActionCitizenLabel {
		return actionCitizenLabel(citizenId, this.#initialsById, this.#mayShowInitials);
	}

	/** Fetches once; after a failure, again. Does nothing for a role that may not see initials. */
	async fetch(): Promise<void> {
		if (!this.#mayShowInitials) return;
		if (this.#load.state === 'loading' || this.#load.state === 'loaded') return;
		this.#load = { state: 'loading' };
		const answer = await fetchCandidates(this.#boardId);
		this.#load = answer.ok
			? {
					state: 'loaded',
					choices: sortCitizenChoices(
						answer.candidates.map(({ id, initials, targetGroup }) => ({
							id,
							initials,
							targetGroup
						}))
					)
				}
			: { state: 'failed', reason: answer.reason };
	}
}
