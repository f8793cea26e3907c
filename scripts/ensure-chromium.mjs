// Makes sure Debian's Chromium is there for the browser tests. Playwright's own browser download
// does not work on our machines, so we use the distribution's package instead.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
const found = () => CANDIDATES.find((p) => existsSync(p));

if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) process.exit(0);
if (found()) process.exit(0);

const isDebian = existsSync('/etc/debian_version') || /debian/i.test(readOsRelease());
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

if (isDebian && isRoot) {
	console.log(
		"Chromium is missing: installing Debian's chromium package (apt-get install -y chromium)…"
	);
	try {
		execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
	} catch {
		execFileSync('apt-get', ['update'], { stdio: 'inherit' });
		execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
	}
	if (found()) process.exit(0);
}

console.error(
	[
		'The browser tests need Chromium, and it is not installed.',
		isDebian
			? 'Install it as root with:  sudo apt-get install -y chromium'
			: 'Install Chromium (Debian/Ubuntu: apt-get install -y chromium) and point CHROMIUM_PATH at its binary,',
		"then run the tests again. (Playwright's own browser download is not used.)"
	].join('\n')
);
process.exit(1);

function readOsRelease() {
	try {
		return readFileSync('/etc/os-release', 'utf8');
	} catch {
		return '';
	}
}
