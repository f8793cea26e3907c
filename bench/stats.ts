import os from 'node:os';

/** Nearest-rank percentile of already collected samples (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function formatMs(ms: number): string {
	return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** CPU, cores, memory, Node and OS: the line every report section names its machine with. */
export function machine(): string {
	const cpus = os.cpus();
	const ram = (os.totalmem() / 1024 ** 3).toFixed(1);
	return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${ram} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

/**
 * Puts a section (starting with its `## heading` line) into an existing report in place of an
 * older one, or at the end, so one part can be re-measured without re-running the others.
 */
export function replaceSection(report: string, heading: string, section: string): string {
	const start = report.indexOf(heading);
	if (start === -1) return `${report.trimEnd()}\n\n${section}`;
	const next = report.indexOf('\n## ', start + heading.length);
	// One blank line between this section and the next, whatever the section ends with.
	const rest = next === -1 ? '' : `\n${report.slice(next + 1)}`;
	return `${report.slice(0, start)}${section.trimEnd()}\n${rest}`;
}
