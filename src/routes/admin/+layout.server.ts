import type { LayoutServerLoad } from './$types';
import { requireAdmin } from './require-admin';

export const load: LayoutServerLoad = (event) => {
	requireAdmin(event);
	return {};
};
