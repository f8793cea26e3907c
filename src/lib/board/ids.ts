const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** 16 characters of base32 from the platform CSPRNG (80 bits): unguessable and URL-safe. */
export function newId(): string {
	const bytes = new Uint8Array(16);
	globalThis.crypto.getRandomValues(bytes);
	let id = '';
	for (const byte of bytes) id += ALPHABET[byte & 31];
	return id;
}

const ID_PATTERN = /^[a-z0-9_-]{1,40}$/;

export function isValidId(value: unknown): value is string {
	return typeof value === 'string' && ID_PATTERN.test(value);
}
