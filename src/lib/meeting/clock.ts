/**
 * A device's clock may be off by seconds or minutes; the meeting's times are the server's. The
 * page load carries the server's time, and the offset measured then is applied to Date.now().
 */
export function clockOffset(serverNow: number, localNow: number): number {
	return serverNow - localNow;
}

/** The server's time now, as well as this device can tell. */
export function serverTime(offset: number, localNow: number = Date.now()): number {
	return localNow + offset;
}
