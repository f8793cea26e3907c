import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ForecastSummary } from '../forecast/summary';
import {
	checkServerData,
	getServerData,
	parseForecastSummary,
	readForecastSummary,
	SERVER_KEYS,
	SERVER_VALUE_MAX_CHARS,
	writeServerValue
} from './server-data';

const SUMMARY: ForecastSummary = {
	today: '2026-11-27',
	groups: [{ targetGroup: 'SDP', now: 3, in4Weeks: 1, in13Weeks: 1 }],
	total: { now: 3, in4Weeks: 1, in13Weeks: 1 },
	stepsOverdue: 1,
	sparringCount: 2
};

describe('parseForecastSummary', () => {
	it('reads what the server writes', () => {
		expect(parseForecastSummary(JSON.stringify(SUMMARY))).toEqual(SUMMARY);
	});

	it.each([
		['no value', undefined],
		['an object instead of JSON text', SUMMARY],
		['broken JSON', '{"today":'],
		['a negative count', JSON.stringify({ ...SUMMARY, stepsOverdue: -1 })],
		['a fraction', JSON.stringify({ ...SUMMARY, total: { ...SUMMARY.total, now: 1.5 } })],
		['a date that is not one', JSON.stringify({ ...SUMMARY, today: '27.11.2026' })],
		['an extra field', JSON.stringify({ ...SUMMARY, cpr: '0101901234' })],
		[
			'text over the size limit',
			JSON.stringify({ ...SUMMARY, pad: 'x'.repeat(SERVER_VALUE_MAX_CHARS) })
		]
	])('gives null for %s', (_, value) => {
		expect(parseForecastSummary(value)).toBeNull();
	});
});

describe('checkServerData', () => {
	it('accepts an empty root and a valid summary, refuses unknown keys and bad summaries', () => {
		const doc = new Y.Doc();
		const map = getServerData(doc);
		expect(checkServerData(map)).toEqual({ ok: true });
		map.set(SERVER_KEYS.forecast, JSON.stringify(SUMMARY));
		expect(checkServerData(map)).toEqual({ ok: true });
		map.set(SERVER_KEYS.forecast, '{}');
		expect(checkServerData(map)).toEqual({ ok: false, reason: 'server: invalid forecast summary' });
		map.set(SERVER_KEYS.forecast, JSON.stringify(SUMMARY));
		map.set('other', 'x');
		expect(checkServerData(map)).toEqual({ ok: false, reason: 'server: unknown field' });
	});
});

describe('writeServerValue', () => {
	it('writes a changed value once, skips an unchanged one, and removes on null', () => {
		const doc = new Y.Doc();
		let updates = 0;
		doc.on('update', () => updates++);
		expect(writeServerValue(doc, 'forecast', SUMMARY, 'server')).toBe(true);
		expect(writeServerValue(doc, 'forecast', { ...SUMMARY }, 'server')).toBe(false);
		expect(updates).toBe(1);
		expect(readForecastSummary(doc)).toEqual(SUMMARY);
		expect(writeServerValue(doc, 'forecast', null, 'server')).toBe(true);
		expect(writeServerValue(doc, 'forecast', null, 'server')).toBe(false);
		expect(readForecastSummary(doc)).toBeNull();
		expect(updates).toBe(2);
	});
});
