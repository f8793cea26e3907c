import { CliError } from './support';

export async function readPassword(): Promise<string> {
	return process.stdin.isTTY ? readHiddenLine() : readFirstLine();
}

async function readFirstLine(): Promise<string> {
	process.stdin.setEncoding('utf8');
	let text = '';
	for await (const chunk of process.stdin) {
		text += String(chunk);
		if (text.includes('\n')) break;
	}
	const line = text.split('\n')[0] ?? '';
	return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Reads a line from the terminal without echoing it. */
function readHiddenLine(): Promise<string> {
	const stdin = process.stdin;
	return new Promise((resolve, reject) => {
		let value = '';
		const finish = () => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			process.stderr.write('\n');
		};
		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n') {
					finish();
					resolve(value);
					return;
				}
				if (char === '\u0003' || char === '\u0004') {
					finish();
					reject(new CliError('Cancelled.', 130));
					return;
				}
				if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
				else value += char;
			}
		};
		process.stderr.write('Password (not shown): ');
		stdin.setEncoding('utf8');
		stdin.setRawMode(true);
		stdin.on('data', onData);
		stdin.resume();
	});
}
