/** Structured, English log lines; one JSON object per line so operators can grep and ship them. */
export interface Logger {
	info(message: string, fields?: Record<string, unknown>): void;
	warn(message: string, fields?: Record<string, unknown>): void;
	error(message: string, fields?: Record<string, unknown>): void;
}

function write(level: string, message: string, fields?: Record<string, unknown>): void {
	const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
	if (level === 'error') console.error(line);
	else console.log(line);
}

export const consoleLogger: Logger = {
	info: (m, f) => write('info', m, f),
	warn: (m, f) => write('warn', m, f),
	error: (m, f) => write('error', m, f)
};

export const silentLogger: Logger = {
	info: () => undefined,
	warn: () => undefined,
	error: () => undefined
};
