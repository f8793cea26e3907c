import { expect, test, type Page } from '@playwright/test';
import {
	ACCOUNTS,
	boardIdByName,
	cardByTitle,
	contextAs,
	dayFromToday,
	DEMO_BOARD,
	DEMO_TEAM,
	laneById,
	laneIds,
	openBoard,
	PHONE,
	storedCard,
	teamIdByName,
	uniqueTitle
} from './support';

/**
 * Issue 3's journey in one go, on three devices at once: a consultant on a laptop adds an opening
 * after a company call, a colleague on a phone proposes a candidate for it, and the leader's
 * overview follows both without a reload.
 */

async function figure(page: Page, key: string): Promise<number> {
	const value = page.getByTestId(`figure-${key}`).getByTestId('figure-value');
	await expect(value).toHaveText(/^[\d.]+$/);
	return Number((await value.textContent())!.replace(/\./g, ''));
}

test('laptop adds an opening, phone proposes a candidate, the leader’s overview follows live', async ({
	browser
}) => {
	test.slow();
	const boardId = boardIdByName(DEMO_BOARD);
	const anna = await contextAs(browser, ACCOUNTS.consultant);
	const bo = await contextAs(browser, ACCOUNTS.consultant2, PHONE);
	const lone = await contextAs(browser, ACCOUNTS.leader);
	try {
		const overview = await lone.newPage();
		await overview.goto(`/teams/${teamIdByName(DEMO_TEAM)}/overview`);
		await expect(overview.getByTestId('overview-live')).toHaveAttribute('data-connected', 'true');
		const openBefore = await figure(overview, 'open');
		const jobReadyBefore = await figure(overview, 'job-ready');
		await overview.evaluate(() => ((window as unknown as { marker: string }).marker = 'kept'));

		// The laptop: an opening for a known company, through the form.
		const laptop = await anna.newPage();
		await openBoard(laptop, boardId);
		const position = uniqueTitle('Truckfører');
		await laptop.getByTestId('new-opening').click();
		const form = laptop.getByTestId('opening-dialog-add');
		await form.getByLabel('Virksomhed', { exact: true }).fill('Demoby Logistik');
		await form.getByLabel('Stilling', { exact: true }).fill(position);
		await form.getByLabel('Frist', { exact: true }).fill(dayFromToday(8));
		await form.getByLabel('Timer pr. uge (valgfrit)').fill('37');
		await form.getByLabel('Jobområder (valgfrit)').fill('Lager, Truck');
		await form.getByLabel('Kilde').selectOption({ label: 'Telefon' });
		await form.getByRole('button', { name: 'Opret jobåbning' }).click();
		await expect(form).toBeHidden();
		const title = `${position}, Demoby Logistik`;
		await expect.poll(() => storedCard(boardId, title)?.lane ?? null).toBe('Ny');

		await expect(overview.getByTestId('figure-open').getByTestId('figure-value')).toHaveText(
			String(openBefore + 1)
		);

		// The phone: the new card is there; propose the best-fitting job-ready citizen.
		const phone = await bo.newPage();
		await openBoard(phone, boardId);
		const ny = (await laneIds(phone))['Ny']!;
		const card = cardByTitle(laneById(phone, ny), title);
		await expect(card.getByTestId('opening-status')).toHaveText('Frist om 8 dage');
		await card.getByTestId('card-open').tap();
		const candidates = phone.getByTestId('opening-dialog').getByTestId('opening-candidates');
		await candidates.getByRole('button', { name: 'Foreslå kandidater' }).tap();
		const ranked = candidates.getByTestId('ranked-candidate');
		await expect(ranked.first()).toContainText('Jobområder: Lager, Truck (2 af 2)');
		await ranked.filter({ hasText: 'AH' }).getByRole('button', { name: 'Foreslå AH' }).tap();
		await expect(candidates.getByTestId('match-name')).toHaveText(['AH']);

		// The leader's figures follow, still on the same page.
		await expect(overview.getByTestId('figure-job-ready').getByTestId('figure-value')).toHaveText(
			String(jobReadyBefore + 1)
		);
		// The laptop's card counts the candidate.
		await expect(
			cardByTitle(laneById(laptop, ny), title).getByTestId('card-candidate-count')
		).toHaveText('1 kandidat');
		expect(await overview.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
			'kept'
		);
	} finally {
		await anna.close();
		await bo.close();
		await lone.close();
	}
});
