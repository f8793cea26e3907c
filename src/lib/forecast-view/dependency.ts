/** The key invalidate() uses to reload a team's forecast pages when its cases change. */
export function forecastDependency(teamId: string): `forecast:${string}` {
	return `forecast:${teamId}`;
}
