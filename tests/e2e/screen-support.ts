import { expect, type Page } from '@playwright/test';
import { DEMO_TEAM, queryOne, teamIdByName } from './support';

/** What every test of the meeting-room screen checks: it fits, and it never names a citizen. */

export async function expectNoScrollbars(page: Page): Promise<void> {
	const size = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth,
		scrollHeight: document.documentElement.scrollHeight,
		clientHeight: document.documentElement.clientHeight
	}));
	expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
	expect(size.scrollHeight).toBeLessThanOrEqual(size.clientHeight);
}

/** Initials of the demo team's citizens: none of them may ever be on the screen. */
export function teamInitials(): string[] {
	return queryOne<{ all: string }>(
		'select group_concat(initials, \',\') as "all" from citizen where team_id = ?',
		teamIdByName(DEMO_TEAM)
	).all.split(',');
}

/** No initials of the team's citizens anywhere in the page's text. `when` names the moment. */
export async function expectNoInitials(page: Page, when = ''): Promise<void> {
	const text = await page.locator('body').innerText();
	for (const initials of teamInitials())
		expect(text, `initials ${initials} on the screen ${when}`.trim()).not.toMatch(
			new RegExp(`\\b${initials}\\b`)
		);
}
