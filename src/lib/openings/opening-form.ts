import type { OpeningInput, OpeningPatch } from '../board/openings';
import { isValidHoursPerWeek, isValidPositions } from '../board/schema';
import {
	JOB_TYPES,
	LIMITS,
	OPENING_SOURCES,
	type JobType,
	type OpeningCard,
	type OpeningSource
} from '../board/types';
import { FIELD_LIMITS } from '../form-rules';
import { looksLikeCpr } from '../privacy/cpr';
import { parseCvr, parseDanishDate, parseDanishNumber, splitTags } from './danish-input';

/**
 * The opening form (jobåbning) as plain logic: what a person typed, as strings, turned into the
 * model's OpeningInput or into one problem per field. The dialog shows the problem next to the
 * field and keeps every value, so nothing typed is lost.
 */

export interface OpeningFormValues {
	/** A known company's name picks it; any other name creates the company on save. */
	companyName: string;
	/** Only for a new company: CVR (8 digits, spaces allowed), industry, contact person. */
	cvr: string;
	industry: string;
	contactPerson: string;
	position: string;
	jobType: string;
	/** Danish decimal comma: "37" or "7,5"; empty when not given. */
	hoursPerWeek: string;
	positions: string;
	/** YYYY-MM-DD (a date input), 27.11.2026, 27-11-26 or 27. november 2026 (danish-input.ts). */
	deadline: string;
	startDate: string;
	/** Tags separated by commas, semicolons or line breaks. */
	jobAreas: string;
	requirements: string;
	source: string;
	ownerId: string;
	laneId: string;
}

export type OpeningFormField = keyof OpeningFormValues;

export type OpeningFormIssue =
	| 'required'
	| 'too_long'
	| 'invalid_cvr'
	| 'invalid_hours'
	| 'invalid_positions'
	| 'invalid_date'
	| 'invalid_choice'
	| 'too_many_tags'
	| 'tag_too_long'
	/** Citizens are pseudonymous: no free-text field may hold a CPR number (privacy/cpr.ts). */
	| 'looks_like_cpr';

export type OpeningFormIssues = Partial<Record<OpeningFormField, OpeningFormIssue>>;

/** The longest text per field, for maxlength and the "too long" message. */
export const OPENING_FIELD_MAX = {
	companyName: LIMITS.companyName,
	industry: FIELD_LIMITS.industry,
	contactPerson: FIELD_LIMITS.contactPerson,
	position: LIMITS.position,
	requirements: LIMITS.requirements,
	jobAreaTag: LIMITS.jobAreaTag,
	jobAreaTags: LIMITS.jobAreaTags,
	hoursPerWeek: LIMITS.hoursPerWeek,
	positions: LIMITS.positions
} as const;

export interface KnownCompany {
	id: string;
	name: string;
	cvr: string | null;
	industry: string;
	contactPerson: string;
}

export type CompanyChoice =
	| { kind: 'known'; id: string; name: string }
	| { kind: 'new'; name: string; cvr: string | null; industry: string; contactPerson: string };

export interface ParsedOpeningForm {
	company: CompanyChoice;
	opening: Omit<OpeningInput, 'companyId' | 'companyName'>;
	ownerId: string;
	laneId: string;
}

export interface OpeningFormContext {
	companies: readonly KnownCompany[];
	/** People who may own the opening; '' (no owner) is always allowed. */
	ownerIds: readonly string[];
	/** Lanes the opening may be added to; left out when editing (the lane is not part of the form). */
	laneIds?: readonly string[];
	/** The company of the opening being edited, kept when its name is not changed. */
	currentCompany?: { id: string; name: string };
}

export type OpeningFormResult =
	{ ok: true; value: ParsedOpeningForm } | { ok: false; issues: OpeningFormIssues };

function foldName(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da-DK');
}

/** The known company with this name (ignoring case and extra spaces), if any. */
export function findCompanyByName(
	companies: readonly KnownCompany[],
	name: string
): KnownCompany | undefined {
	const folded = foldName(name);
	return folded === '' ? undefined : companies.find((c) => foldName(c.name) === folded);
}

/** Known companies whose name contains the query, names starting with it first; at most `limit`. */
export function searchCompanies(
	companies: readonly KnownCompany[],
	query: string,
	limit = 6
): KnownCompany[] {
	const folded = foldName(query);
	if (folded === '') return [];
	const hits = companies.filter((c) => foldName(c.name).includes(folded));
	hits.sort(
		(a, b) =>
			Number(!foldName(a.name).startsWith(folded)) - Number(!foldName(b.name).startsWith(folded)) ||
			a.name.localeCompare(b.name, 'da-DK')
	);
	return hits.slice(0, limit);
}

/** "7,5" or "37 timer" → the hours; "" → null; undefined when it is not 0-80 with at most one decimal. */
export function parseHours(text: string): number | null | undefined {
	if (text.trim() === '') return null;
	const hours = parseDanishNumber(text);
	return isValidHoursPerWeek(hours) ? hours : undefined;
}

/** 7.5 → "7,5", as Danish numbers are written. */
export function formatHours(hours: number | null): string {
	return hours === null ? '' : String(hours).replace('.', ',');
}

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
	return (values as readonly string[]).includes(value);
}

export function parseOpeningForm(
	values: OpeningFormValues,
	context: OpeningFormContext
): OpeningFormResult {
	const issues: OpeningFormIssues = {};
	const text = (field: OpeningFormField, max: number, required: boolean): string => {
		const value = values[field].trim();
		if (required && value === '') issues[field] = 'required';
		else if (value.length > max) issues[field] = 'too_long';
		else if (looksLikeCpr(value)) issues[field] = 'looks_like_cpr';
		return value;
	};

	const companyName = text('companyName', OPENING_FIELD_MAX.companyName, true);
	const current =
		context.currentCompany && foldName(context.currentCompany.name) === foldName(companyName)
			? context.currentCompany
			: undefined;
	const known = current ?? findCompanyByName(context.companies, companyName);
	let company: CompanyChoice | undefined;
	if (known) company = { kind: 'known', id: known.id, name: known.name };
	else {
		const cvr = parseCvr(values.cvr);
		if (cvr === undefined) issues.cvr = 'invalid_cvr';
		const industry = text('industry', OPENING_FIELD_MAX.industry, false);
		const contactPerson = text('contactPerson', OPENING_FIELD_MAX.contactPerson, false);
		company = { kind: 'new', name: companyName, cvr: cvr ?? null, industry, contactPerson };
	}

	const position = text('position', OPENING_FIELD_MAX.position, true);

	const jobType = values.jobType;
	if (jobType === '') issues.jobType = 'required';
	else if (!oneOf(JOB_TYPES, jobType)) issues.jobType = 'invalid_choice';

	const hoursPerWeek = parseHours(values.hoursPerWeek);
	if (hoursPerWeek === undefined) issues.hoursPerWeek = 'invalid_hours';

	const positions = parseDanishNumber(values.positions) ?? Number.NaN;
	if (values.positions.trim() === '') issues.positions = 'required';
	else if (!isValidPositions(positions)) issues.positions = 'invalid_positions';

	const deadline = parseDanishDate(values.deadline);
	if (values.deadline.trim() === '') issues.deadline = 'required';
	else if (deadline === undefined) issues.deadline = 'invalid_date';

	const startDate = values.startDate.trim() === '' ? '' : parseDanishDate(values.startDate);
	if (startDate === undefined) issues.startDate = 'invalid_date';

	const jobAreas = splitTags(values.jobAreas);
	if (jobAreas.some((tag) => tag.length > OPENING_FIELD_MAX.jobAreaTag))
		issues.jobAreas = 'tag_too_long';
	else if (jobAreas.length > OPENING_FIELD_MAX.jobAreaTags) issues.jobAreas = 'too_many_tags';
	else if (jobAreas.some(looksLikeCpr)) issues.jobAreas = 'looks_like_cpr';

	const requirements = text('requirements', OPENING_FIELD_MAX.requirements, false);

	const source = values.source;
	if (source === '') issues.source = 'required';
	else if (!oneOf(OPENING_SOURCES, source)) issues.source = 'invalid_choice';

	if (values.ownerId !== '' && !context.ownerIds.includes(values.ownerId))
		issues.ownerId = 'invalid_choice';
	if (context.laneIds) {
		if (values.laneId === '') issues.laneId = 'required';
		else if (!context.laneIds.includes(values.laneId)) issues.laneId = 'invalid_choice';
	}

	if (Object.keys(issues).length > 0 || !company) return { ok: false, issues };
	return {
		ok: true,
		value: {
			company,
			opening: {
				position,
				jobType: jobType as JobType,
				hoursPerWeek: hoursPerWeek ?? null,
				positions,
				deadline: deadline!,
				startDate: startDate ?? '',
				jobAreas,
				requirements,
				source: source as OpeningSource
			},
			ownerId: values.ownerId,
			laneId: values.laneId
		}
	};
}

/** The form's values for a new opening, or for editing an existing one. */
export function openingFormValues(
	card: OpeningCard | undefined,
	defaults: { laneId: string; ownerId: string }
): OpeningFormValues {
	const o = card?.opening;
	return {
		companyName: o?.companyName ?? '',
		cvr: '',
		industry: '',
		contactPerson: '',
		position: o?.position ?? '',
		jobType: o?.jobType ?? 'ordinary',
		hoursPerWeek: formatHours(o?.hoursPerWeek ?? null),
		positions: String(o?.positions ?? 1),
		deadline: o?.deadline ?? '',
		startDate: o?.startDate ?? '',
		jobAreas: o?.jobAreas.join(', ') ?? '',
		requirements: o?.requirements ?? '',
		source: o?.source ?? 'phone',
		ownerId: card ? card.ownerId : defaults.ownerId,
		laneId: card ? card.laneId : defaults.laneId
	};
}

/**
 * What to write for an edit: only the fields that differ from the card as the dialog opened it,
 * so another person's concurrent change to a different field survives. The title follows the
 * position and company name, as on a new opening.
 */
export function openingPatch(
	before: OpeningCard,
	after: OpeningInput & { ownerId: string; title: string }
): OpeningPatch {
	const patch: OpeningPatch = {};
	const o = before.opening;
	if (after.title !== before.title) patch.title = after.title;
	if (after.ownerId !== before.ownerId) patch.ownerId = after.ownerId;
	if (after.companyId !== o.companyId) patch.companyId = after.companyId;
	if (after.companyName !== o.companyName) patch.companyName = after.companyName;
	if (after.position !== o.position) patch.position = after.position;
	if (after.jobType !== o.jobType) patch.jobType = after.jobType;
	if ((after.hoursPerWeek ?? null) !== o.hoursPerWeek) patch.hoursPerWeek = after.hoursPerWeek;
	if (after.positions !== o.positions) patch.positions = after.positions;
	if (after.deadline !== o.deadline) patch.deadline = after.deadline;
	if ((after.startDate ?? '') !== o.startDate) patch.startDate = after.startDate ?? '';
	const areas = after.jobAreas ?? [];
	if (areas.length !== o.jobAreas.length || areas.some((tag, i) => tag !== o.jobAreas[i]))
		patch.jobAreas = areas;
	if ((after.requirements ?? '') !== o.requirements) patch.requirements = after.requirements ?? '';
	if (after.source !== o.source) patch.source = after.source;
	return patch;
}
