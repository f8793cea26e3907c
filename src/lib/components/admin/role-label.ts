import { m } from '$lib/paraglide/messages.js';

export function roleLabel(role: string): string {
	switch (role) {
		case 'leader':
			return m.admin_role_leader();
		case 'consultant':
			return m.admin_role_consultant();
		case 'viewer':
			return m.admin_role_viewer();
		default:
			return role;
	}
}
