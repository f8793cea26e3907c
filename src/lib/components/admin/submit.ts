import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

/**
 * use:enhance callbacks for the admin forms. After a refused submission the first invalid field
 * gets focus, so keyboard and screen-reader users land on the problem. Row forms keep their
 * values after success, because the reloaded data already shows the new state.
 */
function submitWith(reset: boolean): SubmitFunction {
	return ({ formElement }) =>
		async ({ result, update }) => {
			await update({ reset });
			if (result.type !== 'failure') return;
			await tick();
			formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
		};
}

export const submitCreate = submitWith(true);
export const submitRow = submitWith(false);
