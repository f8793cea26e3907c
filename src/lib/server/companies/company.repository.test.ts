import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { companySchema, parseInput } from '../validation';
import { createCompany, findCompanyByName, listCompanies } from './company.repository';

const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);

let dir: string;
let db: Db;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tavlen-companies-'));
	db = openDatabase({ file: join(dir, 'test.sqlite') });
	await migrateToLatest(db);
});

afterEach(async () => {
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

describe('companySchema', () => {
	it('normalises a valid company; an empty CVR becomes null', () => {
		expect(
			parseInput(companySchema, { name: ' Demoby VVS ', cvr: '1234 5678', industry: 'Byg' })
		).toEqual({
			ok: true,
			value: { name: 'Demoby VVS', cvr: '12345678', industry: 'Byg', contactPerson: '' }
		});
		expect(parseInput(companySchema, { name: 'X', cvr: '' })).toMatchObject({
			ok: true,
			value: { cvr: null }
		});
	});

	it.each([
		[{ name: 'X', cvr: '1234567' }, { cvr: 'invalid_cvr' }],
		[{ name: 'X', cvr: '123456789' }, { cvr: 'invalid_cvr' }],
		[{ name: 'X', cvr: '1234567a' }, { cvr: 'invalid_cvr' }],
		[{ name: '' }, { name: 'required' }],
		[{ name: 'Firma 010190-1234' }, { name: 'looks_like_cpr' }],
		[{ name: 'X', industry: 'Lager, 0101901234' }, { industry: 'looks_like_cpr' }],
		[{ name: 'X', contactPerson: 'Hans 311299-4321' }, { contactPerson: 'looks_like_cpr' }]
	])('refuses %j', (input, issues) => {
		expect(parseInput(companySchema, input)).toEqual({ ok: false, issues });
	});

	it('lets a phone number through in the contact person', () => {
		expect(parseInput(companySchema, { name: 'X', contactPerson: 'Lis, tlf. 12345678' }).ok).toBe(
			true
		);
	});
});

describe('company repository', () => {
	it('creates, finds by name regardless of case, and lists by name', async () => {
		const vvs = await createCompany(db, {
			name: 'Demoby VVS',
			cvr: '12345678',
			industry: 'Byg',
			contactPerson: 'Villy',
			now: T0
		});
		await createCompany(db, {
			name: 'Café Solsiden',
			cvr: null,
			industry: '',
			contactPerson: '',
			now: T0
		});
		expect(vvs.firstContactAt).toBe(T0);
		expect(await findCompanyByName(db, ' demoby vvs')).toEqual(vvs);
		expect(await findCompanyByName(db, 'Ukendt')).toBeUndefined();
		expect((await listCompanies(db)).map((c) => c.name)).toEqual(['Café Solsiden', 'Demoby VVS']);
	});

	it('refuses a second company with the same name and a malformed CVR in the database', async () => {
		const base = { cvr: null, industry: '', contactPerson: '', now: T0 };
		await createCompany(db, { ...base, name: 'Demoby VVS' });
		await expect(createCompany(db, { ...base, name: 'DEMOBY VVS' })).rejects.toThrow(/UNIQUE/);
		await expect(createCompany(db, { ...base, name: 'Y', cvr: '1234' })).rejects.toThrow(/CHECK/);
	});
});
