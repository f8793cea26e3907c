/**
 * Listens to a page's event stream (Server-Sent Events) and calls `onChange` once per burst of
 * changes: a meeting moving ten cards in a second reloads the figures once, not ten times.
 * EventSource reconnects by itself; `connected` tells the page whether the figures are live.
 * Shared by every live page (the overview, the forecast pages): the server sends only `change`.
 */
export class ChangeStream {
	#connected = $state(false);
	#source: EventSource | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(url: string, onChange: () => void, debounceMs = 300) {
		const source = new EventSource(url);
		this.#source = source;
		source.addEventListener('open', () => (this.#connected = true));
		source.addEventListener('error', () => (this.#connected = false));
		source.addEventListener('change', () => {
			clearTimeout(this.#timer);
			this.#timer = setTimeout(onChange, debounceMs);
		});
	}

	get connected(): boolean {
		return this.#connected;
	}

	close(): void {
		clearTimeout(this.#timer);
		this.#source?.close();
		this.#source = null;
		this.#connected = false;
	}
}
