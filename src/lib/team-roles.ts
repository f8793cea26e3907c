/**
 * Role rules the pages need too (to show a link only to those who may follow it). Plain values
 * only, so client code may import it; src/lib/server/access.ts re-exports them for the server.
 */

/**
 * Citizen data (initials, wishes, readiness) is for the people who work the cases: leaders and
 * consultants. Viewers (the meeting-room screen, observers) see boards, never citizen records.
 */
export function canWorkWithCitizens(role: string | undefined): boolean {
	return role === 'leader' || role === 'consultant';
}

/** The log of who looked up which citizen is for log control, which is the team leader's job. */
export function canReadCitizenAudit(role: string | undefined): boolean {
	return role === 'leader';
}
