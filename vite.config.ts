import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { tavlenSyncDevPlugin } from './server/dev-plugin.ts';

// Under vitest the Paraglide plugin keeps Vite from exiting; `npm run i18n` compiles the
// messages before the tests instead.
const paraglide = process.env.VITEST
	? []
	: [
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				strategy: ['cookie', 'baseLocale']
			})
		];

export default defineConfig({
	plugins: [...paraglide, sveltekit(), tavlenSyncDevPlugin()],
	server: {
		watch: { ignored: ['**/data/**', '**/test-results/**'] }
	},
	test: {
		include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		testTimeout: 20000,
		hookTimeout: 30000
	}
});
