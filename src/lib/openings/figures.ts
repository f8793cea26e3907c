/**
 * The leader's overview of openings (issue 3, point 5). Every figure carries `value` (what the UI
 * shows) and `ids` (the openings behind it, in input order, so each figure can link to them).
 *
 * Conventions shared by all figures:
 * - "Open" means any stage other than Besat (filled) and Ikke besat (not-filled).
 * - Dates on the calendar (deadlines) are compared with `today` (YYYY-MM-DD, Europe/Copenhagen);
 *   moments (createdAt, closedAt, firstOpeningAt) with `now` (epoch ms), in rolling windows.
 * - Input is cleaned first: an opening id listed twice counts once (first entry wins); matches
 *   count once per (opening, citizen), the one changed last deciding the status; matches of
 *   openings not in the input are ignored.
 */
import { deadlineState } from './deadline';
import { latestMatches } from './matching';
import {
	DAY_MS,
	JOB_TYPES,
	isClosedStage,
	type Candidate,
	type Company,
	type JobType,
	type Match,
	type Opening
} from './types';

export interface Figure {
	value: number;
	ids: string[];
}

export interface FillRateFigure {
	/** filled ÷ (filled + not filled), 0..1; null when nothing closed in the window. */
	value: number | null;
	/** Openings closed in the window (the denominator). */
	ids: string[];
	filled: number;
	notFilled: number;
	filledIds: string[];
}

export interface CompanyFigure extends Figure {
	/** Distinct companies with open openings; `value` is their count, `ids` their open openings. */
	companyIds: string[];
}

export interface OpeningFigures {
	/** Open openings. */
	open: Figure;
	/** Sum over open openings of positions minus hired citizens (never below 0 per opening); ids: openings with a position left. */
	openPositions: Figure;
	/** Open openings with a deadline 0..3 days away (today included). */
	dueSoon: Figure;
	/** Open openings past their deadline ("frist overskredet"). */
	overdueUnfilled: Figure;
	/** Openings closed in the last 30 / 90 days, by closedAt. */
	fillRate30: FillRateFigure;
	fillRate90: FillRateFigure;
	/** Open småjob openings. */
	smallJobs: Figure;
	/** Open openings per job type; every type present, 0 included. */
	byType: Record<JobType, Figure>;
	/** Companies with open openings whose first opening is less than 90 days old. */
	newCompanies: CompanyFigure;
	/** Companies with open openings whose first opening is 90 days old or more. */
	knownCompanies: CompanyFigure;
	/** Mean number of matches per open opening (0 when none is open); ids: the open openings. */
	matchesPerOpening: Figure & { matches: number };
	/** Median of closedAt − createdAt in days over filled openings (all time); null when none. */
	medianDaysToFill: { value: number | null; ids: string[] };
	/** Openings (any stage) with at least one match whose citizen is job-ready now. */
	offeredToJobReady: Figure;
}

export interface OpeningFiguresInput {
	openings: readonly Opening[];
	matches: readonly Match[];
	companies: readonly Company[];
	candidates: readonly Candidate[];
	/** Epoch ms. */
	now: number;
	/** YYYY-MM-DD in Europe/Copenhagen. */
	today: string;
}

/** A company stays "new" for this long after its first opening. */
export const NEW_COMPANY_DAYS = 90;

function figure(ids: string[]): Figure {
	return { value: ids.length, ids };
}

/** Median; an even count takes the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function fillRate(closed: readonly Opening[], now: number, days: number): FillRateFigure {
	const from = now - days * DAY_MS;
	const inWindow = closed.filter(
		(o) => o.closedAt !== null && o.closedAt >= from && o.closedAt <= now
	);
	const filledIds = inWindow.filter((o) => o.stage === 'filled').map((o) => o.id);
	const total = inWindow.length;
	return {
		value: total === 0 ? null : filledIds.length / total,
		ids: inWindow.map((o) => o.id),
		filled: filledIds.length,
		notFilled: total - filledIds.length,
		filledIds
	};
}

export function computeOpeningFigures(input: OpeningFiguresInput): OpeningFigures {
	const { now, today } = input;

	const openings: Opening[] = [];
	const openingIds = new Set<string>();
	for (const opening of input.openings) {
		if (openingIds.has(opening.id)) continue;
		openingIds.add(opening.id);
		openings.push(opening);
	}

	const matchesByOpening = new Map<string, Match[]>();
	for (const match of latestMatches(input.matches)) {
		if (!openingIds.has(match.openingId)) continue;
		const list = matchesByOpening.get(match.openingId);
		if (list) list.push(match);
		else matchesByOpening.set(match.openingId, [match]);
	}
	const matchesOf = (id: string): Match[] => matchesByOpening.get(id) ?? [];

	const open = openings.filter((o) => !isClosedStage(o.stage));
	const closed = openings.filter((o) => isClosedStage(o.stage));

	let positionsLeft = 0;
	const withPositionsLeft: string[] = [];
	for (const o of open) {
		const hired = matchesOf(o.id).filter((m) => m.status === 'hired').length;
		const left = Math.max(0, o.positions - hired);
		positionsLeft += left;
		if (left > 0) withPositionsLeft.push(o.id);
	}

	const dueSoon: string[] = [];
	const overdue: string[] = [];
	for (const o of open) {
		const { state } = deadlineState(o.deadline, today);
		if (state === 'soon') dueSoon.push(o.id);
		else if (state === 'overdue') overdue.push(o.id);
	}

	const byType = Object.fromEntries(
		JOB_TYPES.map((type) => [type, figure(open.filter((o) => o.jobType === type).map((o) => o.id))])
	) as Record<JobType, Figure>;

	// A company's first opening is the earlier of what the company row says and what we can see,
	// so a missing or stale firstOpeningAt cannot make an old customer look new.
	const firstOpeningAt = new Map<string, number>();
	for (const company of input.companies) {
		if (company.firstOpeningAt !== null && !firstOpeningAt.has(company.id)) {
			firstOpeningAt.set(company.id, company.firstOpeningAt);
		}
	}
	for (const o of openings) {
		const known = firstOpeningAt.get(o.companyId);
		if (known === undefined || o.createdAt < known) firstOpeningAt.set(o.companyId, o.createdAt);
	}
	const newCompany = { companyIds: new Set<string>(), ids: [] as string[] };
	const knownCompany = { companyIds: new Set<string>(), ids: [] as string[] };
	for (const o of open) {
		// Every open opening sets its company's entry above, so the fallback is never used.
		const first = firstOpeningAt.get(o.companyId) ?? o.createdAt;
		const target = now - first < NEW_COMPANY_DAYS * DAY_MS ? newCompany : knownCompany;
		target.companyIds.add(o.companyId);
		target.ids.push(o.id);
	}
	const companyFigure = (c: typeof newCompany): CompanyFigure => ({
		value: c.companyIds.size,
		ids: c.ids,
		companyIds: [...c.companyIds]
	});

	const openMatches = open.reduce((sum, o) => sum + matchesOf(o.id).length, 0);

	const filled = closed.filter((o) => o.stage === 'filled' && o.closedAt !== null);
	const daysToFill = filled.map(
		(o) => Math.max(0, (o.closedAt ?? o.createdAt) - o.createdAt) / DAY_MS
	);

	const jobReady = new Set(input.candidates.filter((c) => c.jobReady).map((c) => c.id));
	const offeredToJobReady = openings
		.filter((o) => matchesOf(o.id).some((m) => jobReady.has(m.citizenId)))
		.map((o) => o.id);

	return {
		open: figure(open.map((o) => o.id)),
		openPositions: { value: positionsLeft, ids: withPositionsLeft },
		dueSoon: figure(dueSoon),
		overdueUnfilled: figure(overdue),
		fillRate30: fillRate(closed, now, 30),
		fillRate90: fillRate(closed, now, 90),
		smallJobs: figure([...byType.smalljob.ids]),
		byType,
		newCompanies: companyFigure(newCompany),
		knownCompanies: companyFigure(knownCompany),
		matchesPerOpening: {
			value: open.length === 0 ? 0 : openMatches / open.length,
			ids: open.map((o) => o.id),
			matches: openMatches
		},
		medianDaysToFill: { value: median(daysToFill), ids: filled.map((o) => o.id) },
		offeredToJobReady: figure(offeredToJobReady)
	};
}
