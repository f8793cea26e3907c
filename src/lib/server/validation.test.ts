import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './auth/password';
import {
	LIMITS,
	addMemberSchema,
	createUserSchema,
	parseInput,
	readFormText,
	signInSchema
} from './validation';

describe('validation', () => {
	it('keeps the shared password limits equal to the ones password.ts enforces', () => {
		expect(LIMITS.passwordMin).toBe(PASSWORD_MIN_LENGTH);
		expect(LIMITS.passwordMax).toBe(PASSWORD_MAX_LENGTH);
	});

	it('normalises a valid new user and keeps the password untouched', () => {
		expect(
			parseInput(createUserSchema, {
				name: '  Anna Andersen ',
				email: ' Anna@Demoby.DK ',
				password: ' med mellemrum '
			})
		).toEqual({
			ok: true,
			value: {
				name: 'Anna Andersen',
				email: 'anna@demoby.dk',
				password: ' med mellemrum ',
				isAdmin: false
			}
		});
	});

	it('reports one code per field', () => {
		expect(
			parseInput(createUserSchema, { name: 'x'.repeat(101), email: '', password: '123456789' })
		).toEqual({
			ok: false,
			issues: { name: 'too_long', email: 'required', password: 'too_short' }
		});
		expect(parseInput(addMemberSchema, { team: 'Unge', email: 'a@b.dk', role: 'admin' })).toEqual({
			ok: false,
			issues: { role: 'invalid_role' }
		});
	});

	it('treats missing fields as required', () => {
		expect(parseInput(signInSchema, {})).toEqual({
			ok: false,
			issues: { email: 'required', password: 'required' }
		});
	});

	it('does not apply the new-password length rule when signing in', () => {
		expect(parseInput(signInSchema, { email: 'a@b.dk', password: 'kort' }).ok).toBe(true);
	});

	it('reads text fields of a form and ignores files', () => {
		const data = new FormData();
		data.set('name', 'Unge');
		data.set('file', new Blob(['x']), 'x.txt');
		expect(readFormText(data, ['name', 'file', 'missing'])).toEqual({
			name: 'Unge',
			file: '',
			missing: ''
		});
	});
});
