/**
 * Limits and issue codes of the admin pages for goals (mål) and extra case fields, shared by the
 * services and the pages (for maxlength and the messages). Plain values only.
 */

export const CASE_ADMIN_LIMITS = {
	goalName: 60,
	fieldLabel: 80,
	choice: 60,
	choices: 30
} as const;

export type CaseAdminIssue =
	| 'required'
	| 'too_long'
	| 'looks_like_cpr'
	| 'invalid_kind'
	/** A choice field needs at least two answers to choose between. */
	| 'choices_required'
	| 'too_many_choices'
	| 'choice_too_long'
	| 'name_taken'
	| 'not_found';

export type CaseAdminIssues = Partial<Record<string, CaseAdminIssue>>;

export type CaseAdminResult<T> = { ok: true; value: T } | { ok: false; issues: CaseAdminIssues };

/** The answers of a choice field, one per line (commas are part of an answer); repeats dropped. */
export function splitChoices(text: string): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const line of text.split(/\r?\n/)) {
		const choice = line.replace(/\s+/g, ' ').trim();
		if (choice === '' || seen.has(choice)) continue;
		seen.add(choice);
		out.push(choice);
	}
	return out;
}

/**
 * A stable goal code from its name: "Virksomhedspraktik" → "virksomhedspraktik", "Job & uddannelse"
 * → "job-uddannelse". Danish letters are spelled out (æ → ae, ø → oe, å → aa).
 */
export function goalCodeFromName(name: string): string {
	const code = name
		.toLocaleLowerCase('da-DK')
		.replaceAll('æ', 'ae')
		.replaceAll('ø', 'oe')
		.replaceAll('å', 'aa')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	return code === '' ? 'goal' : code;
}
