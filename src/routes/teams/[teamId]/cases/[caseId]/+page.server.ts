import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// Placeholder so other pages can link to a case while the case page is being built.
export const load: PageServerLoad = () => error(404);
