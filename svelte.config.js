import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		typescript: {
			// server/ is type-checked by tsconfig.server.json; svelte-check must not follow build/handler.js
			config: (tsconfig) => ({
				...tsconfig,
				exclude: [...(tsconfig.exclude ?? []), '../server/**', '../build/**', '../bench/**']
			})
		}
	}
};

export default config;
