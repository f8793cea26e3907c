// Bundles the production entry (server/index.ts) into build/server.js next to adapter-node's
// handler.js. npm packages stay external (native modules must load from node_modules).
import { build } from 'esbuild';

await build({
	entryPoints: ['server/index.ts'],
	outfile: 'build/server.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});
console.log('built build/server.js');
