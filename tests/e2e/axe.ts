import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0/2.1 level A and AA, as the Danish web accessibility act requires. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Checks the whole page, or only the part `within` (a CSS selector) after the rest was checked. */
export async function expectNoViolations(page: Page, what: string, within?: string): Promise<void> {
	const builder = new AxeBuilder({ page }).withTags(TAGS);
	if (within) builder.include(within);
	const results = await builder.analyze();
	const report = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n` +
			v.nodes
				.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`)
				.join('\n')
	);
	expect(report, `accessibility violations on ${what}`).toEqual([]);
}
