import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryCases, caseOf, msOn, TODAY } from './test-cases';
import type { CaseForecast, Risk } from './types';
import { computeVariation, DAYS_PER_MONTH, variationForViewer, type Share } from './variation';
import { addDays } from './week';

function c(id: string, consultantId: string, goal: string, risk: Risk, daysAhead: number) {
	return caseOf(id, { consultantId, goal, risk, horizon: addDays(TODAY, daysAhead) });
}

/*
 * k1: flexjob ×3, ordinary-job; high ×2, medium, low; horizons −5, 30, 100, 200 days
 * k2: ordinary-job ×3, education; low ×3, medium; horizons 10, 20, 40, 60 days
 * k3: flexjob, ordinary-job; low ×2; horizons 400, 50 days (2 cases: too few with minCases 3)
 * Team (10 open cases): flexjob 4/10, ordinary-job 5/10, education 1/10; high 2/10
 */
const FIXTURE: CaseForecast[] = [
	c('1', 'k1', 'flexjob', 'high', -5),
	c('2', 'k1', 'flexjob', 'high', 30),
	c('3', 'k1', 'flexjob', 'medium', 100),
	c('4', 'k1', 'ordinary-job', 'low', 200),
	c('5', 'k2', 'ordinary-job', 'low', 10),
	c('6', 'k2', 'ordinary-job', 'low', 20),
	c('7', 'k2', 'ordinary-job', 'low', 40),
	c('8', 'k2', 'education', 'medium', 60),
	c('9', 'k3', 'flexjob', 'low', 400),
	c('10', 'k3', 'ordinary-job', 'low', 50),
	// Not open today: closed, and opened in the future.
	c('11', 'k2', 'flexjob', 'high', 30),
	c('12', 'k3', 'flexjob', 'high', 30)
].map((x) =>
	x.id === '11'
		? { ...x, closedAt: msOn('2026-11-20') }
		: x.id === '12'
			? { ...x, openedAt: msOn('2026-12-02') }
			: x
);

const counts = <K extends string>(shares: Share<K>[]) => shares.map((s) => [s.key, s.count]);

describe('computeVariation on a hand-computed team', () => {
	const v = computeVariation(FIXTURE, { today: TODAY, minCases: 3 });
	const [k1, k2, k3] = v.consultants;

	it('profiles the team: goals fleksjob first, risks, horizon buckets, median horizon', () => {
		expect(v.team.openCases).toBe(10);
		expect(counts(v.team.goals)).toEqual([
			['flexjob', 4],
			['ordinary-job', 5],
			['small-job', 0],
			['education', 1],
			['sick-leave-ended', 0],
			['disability-pension', 0],
			['other-benefit', 0]
		]);
		expect(v.team.goals[0]!.share).toBe(0.4);
		expect(counts(v.team.risks)).toEqual([
			['low', 6],
			['medium', 2],
			['high', 2]
		]);
		// −5 | 10 20 30 40 50 60 | 100 | 200 | 400
		expect(counts(v.team.horizonBuckets)).toEqual([
			['passed', 1],
			['within-3m', 6],
			['3-6m', 1],
			['6-12m', 1],
			['over-12m', 1]
		]);
		// sorted days: −5 10 20 30 40 | 50 60 100 200 400 → (40 + 50) / 2 = 45 days
		expect(v.team.medianHorizonMonths).toBeCloseTo(45 / DAYS_PER_MONTH, 12);
	});

	it('lists consultants by id, not by deviation', () => {
		expect(v.consultants.map((x) => x.consultantId)).toEqual(['k1', 'k2', 'k3']);
	});

	it('k1 is marked: fleksjob 75 % vs 40 %, ordinary job 25 % vs 50 %, high risk 50 % vs 20 %', () => {
		expect(k1!.openCases).toBe(4);
		expect(k1!.outlier).toBe(true);
		expect(k1!.flags).toEqual([
			{ kind: 'goal', goal: 'flexjob', share: 0.75, teamShare: 0.4 },
			{ kind: 'goal', goal: 'ordinary-job', share: 0.25, teamShare: 0.5 },
			{ kind: 'high-risk', share: 0.5, teamShare: 0.2 }
		]);
		// days −5 30 100 200 → (30 + 100) / 2 = 65 days: 0.66 months from the team's 1.48, not marked
		expect(k1!.medianHorizonMonths).toBeCloseTo(65 / DAYS_PER_MONTH, 12);
		expect(counts(k1!.horizonBuckets).map(([, n]) => n)).toEqual([1, 1, 1, 1, 0]);
	});

	it('k2: education 25 % vs 10 % is exactly 15 points, which is not more than 15: not marked for it', () => {
		expect(k2!.flags).toEqual([
			{ kind: 'goal', goal: 'flexjob', share: 0, teamShare: 0.4 },
			{ kind: 'goal', goal: 'ordinary-job', share: 0.75, teamShare: 0.5 },
			{ kind: 'high-risk', share: 0, teamShare: 0.2 }
		]);
	});

	it('k3 has too few cases to compare and is never marked', () => {
		expect(k3!.tooFewCases).toBe(true);
		expect(k3!.flags).toEqual([]);
		expect(k3!.outlier).toBe(false);
		expect(k3!.openCases).toBe(2);
	});

	it('marks a median horizon further from the team than the month limit', () => {
		// k1 65 days vs team 45 days = 0.657 months; k2 30 days = 0.493 months from the team
		const w = computeVariation(FIXTURE, { today: TODAY, minCases: 3, horizonMonths: 0.5 });
		expect(w.consultants[0]!.flags.at(-1)).toEqual({
			kind: 'horizon',
			medianMonths: 65 / DAYS_PER_MONTH,
			teamMedianMonths: 45 / DAYS_PER_MONTH
		});
		expect(w.consultants[1]!.flags.some((f) => f.kind === 'horizon')).toBe(false);
	});

	it('with the default of 10 cases nobody in this small team is compared', () => {
		const w = computeVariation(FIXTURE, { today: TODAY });
		expect(w.consultants.every((x) => x.tooFewCases && !x.outlier)).toBe(true);
	});

	it('keeps the municipality’s goal order after fleksjob and adds goals only met in the data', () => {
		const w = computeVariation([...FIXTURE, c('13', 'k3', 'zz-custom', 'low', 5)], {
			today: TODAY,
			goals: ['education', 'ordinary-job', 'flexjob']
		});
		expect(w.team.goals.map((g) => g.key)).toEqual([
			'flexjob',
			'education',
			'ordinary-job',
			'zz-custom'
		]);
	});

	it('puts horizons in buckets at the stated day bounds', () => {
		const days = [-1, 0, 91, 92, 182, 183, 365, 366];
		const w = computeVariation(
			days.map((d, i) => c(`h${i}`, 'k1', 'education', 'low', d)),
			{ today: TODAY }
		);
		// passed: −1; within 3 months: 0, 91; 3-6: 92, 182; 6-12: 183, 365; over 12: 366
		expect(counts(w.team.horizonBuckets).map(([, n]) => n)).toEqual([1, 2, 2, 2, 1]);
	});

	it('compares a consultant with exactly minCases cases', () => {
		// k1 has 4 open cases: compared at minCases 4, too few at 5
		expect(computeVariation(FIXTURE, { today: TODAY, minCases: 4 }).consultants[0]!.outlier).toBe(
			true
		);
		expect(
			computeVariation(FIXTURE, { today: TODAY, minCases: 5 }).consultants[0]!.tooFewCases
		).toBe(true);
	});

	it('no cases: an empty team', () => {
		const w = computeVariation([], { today: TODAY });
		expect(w.consultants).toEqual([]);
		expect(w.team.openCases).toBe(0);
		expect(w.team.medianHorizonMonths).toBeNull();
		expect(w.team.goals.every((g) => g.share === 0)).toBe(true);
	});
});

describe('variationForViewer', () => {
	const v = computeVariation(FIXTURE, { today: TODAY, minCases: 3 });

	it('shows the leader every consultant', () => {
		expect(variationForViewer(v, { userId: 'leader', isLeader: true })).toBe(v);
	});

	it('shows a consultant the team and only their own row', () => {
		const seen = variationForViewer(v, { userId: 'k2', isLeader: false });
		expect(seen.team).toBe(v.team);
		expect(seen.consultants.map((k) => k.consultantId)).toEqual(['k2']);
		expect(variationForViewer(v, { userId: 'viewer', isLeader: false }).consultants).toEqual([]);
	});
});

describe('computeVariation invariants', () => {
	it('shares add up to 1 per consultant, counts add up to the team, flags only above the limits', () => {
		fc.assert(
			fc.property(arbitraryCases(TODAY, 80), fc.integer({ min: 0, max: 60 }), (cases, points) => {
				const v = computeVariation(cases, { today: TODAY, minCases: 3, sharePoints: points });
				for (const p of [v.team, ...v.consultants]) {
					if (p.openCases === 0) continue;
					for (const shares of [p.goals, p.risks, p.horizonBuckets]) {
						expect(shares.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 9);
						expect(shares.reduce((a, s) => a + s.count, 0)).toBe(p.openCases);
					}
				}
				expect(v.consultants.reduce((a, k) => a + k.openCases, 0)).toBe(v.team.openCases);
				const ids = v.consultants.map((k) => k.consultantId);
				expect(ids).toEqual([...ids].sort());
				for (const k of v.consultants) {
					expect(k.outlier).toBe(k.flags.length > 0);
					for (const f of k.flags)
						if (f.kind !== 'horizon')
							expect(Math.abs(f.share - f.teamShare) * 100).toBeGreaterThan(points);
				}
			})
		);
	});
});
