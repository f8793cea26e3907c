import { tick } from 'svelte';

/** Focus after an edit: the element to focus may only exist once Svelte has rendered the change. */

export async function focusCard(cardId: string): Promise<void> {
	await tick();
	const link = document.querySelector<HTMLElement>(
		`[data-card-id="${CSS.escape(cardId)}"] [data-card-open]`
	);
	link?.focus();
	link?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/** The lane's menu button or its add-card button. */
export async function focusInLane(laneId: string, testId: 'lane-menu' | 'add-card'): Promise<void> {
	await tick();
	document
		.querySelector<HTMLElement>(`[data-lane-id="${CSS.escape(laneId)}"] [data-testid="${testId}"]`)
		?.focus();
}
